package dev.trader.risk.account;

import static dev.trader.risk.testkit.Fixtures.STRAT;
import static dev.trader.risk.testkit.Fixtures.XAUUSD_ID;
import static dev.trader.risk.testkit.Fixtures.usd;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trader.domain.id.ClientOrderId;
import dev.trader.domain.money.Money;
import dev.trader.domain.money.Price;
import dev.trader.domain.money.Quantity;
import dev.trader.domain.order.OrderSide;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The account state: a pure function of its events. */
class AccountRiskTest {
    private static final Instant T = Instant.parse("2024-05-06T09:00:00Z");
    private static final LocalDate DAY = LocalDate.parse("2024-05-06");
    private static final ClientOrderId A = new ClientOrderId("a1");
    private static final ClientOrderId B = new ClientOrderId("b1");

    private static RiskEvent.Filled fill(Instant t, ClientOrderId id, OrderSide side, String price, String qty, String fee, String stop) {
        return new RiskEvent.Filled(t, id, STRAT, XAUUSD_ID, side, Price.of(price), Quantity.of(qty), usd(fee), stop == null ? null : Price.of(stop));
    }

    @Test
    void fillsBookPnlAtTheAveragePriceWithFeesAndRInTheClosedTrade() {
        AccountRisk s = AccountRisk.start(usd("100000"), DAY)
                .apply(fill(T, A, OrderSide.BUY, "2000", "10", "2", "1990"))
                .apply(fill(T.plusSeconds(60), A, OrderSide.BUY, "2100", "10", "2.1", "2090"));
        OpenPosition p = s.position(XAUUSD_ID).orElseThrow();
        assertEquals(Price.of("2050"), p.averagePrice());
        assertEquals(Price.of("2090"), p.stop(), "the latest entry's stop protects the whole position");
        assertEquals(usd("200"), p.initialRisk());
        assertEquals(usd("99995.9"), s.balance());
        assertEquals(usd("98995.9"), s.apply(new RiskEvent.Marked(T, XAUUSD_ID, Price.of("2000"))).equity());

        s = s.apply(fill(T.plusSeconds(120), B, OrderSide.SELL, "2200", "5", "1.1", null));
        assertEquals(Quantity.of("15"), s.position(XAUUSD_ID).orElseThrow().quantity());
        assertEquals(usd("100744.8"), s.balance(), "+750 realized, −1.1 fee");

        // Selling 25 closes the 15 left (+750) and opens a 10 short at 2,100.
        s = s.apply(fill(T.plusSeconds(180), B, OrderSide.SELL, "2100", "25", "5.25", "2150"));
        ClosedTrade closed = s.closedTrades().get(0);
        assertEquals(usd("1489.55"), closed.netPnl(), "750 + 750 − 2 − 2.1 − 1.1 − 5.25");
        assertEquals(0, new BigDecimal("7.4478").compareTo(closed.r()), "1,489.55 / 200");
        OpenPosition shortLeg = s.position(XAUUSD_ID).orElseThrow();
        assertEquals(OrderSide.SELL, shortLeg.side());
        assertEquals(Quantity.of("10"), shortLeg.quantity());
        assertEquals(Price.of("2150"), shortLeg.stop());
        assertEquals(usd("101489.55"), s.balance());
    }

    @Test
    void aFillInAnotherCurrencyThanTheAccountIsRefused() {
        AccountRisk s = AccountRisk.start(usd("100000"), DAY);
        RiskEvent.Filled f = new RiskEvent.Filled(T, A, STRAT, XAUUSD_ID, OrderSide.BUY, Price.of("1"), Quantity.of("1"), Money.of("1", "BNB"), null);
        assertThrows(IllegalArgumentException.class, () -> s.apply(f));
    }

    @Test
    void tradingDaysCountDaysWithAFill() {
        AccountRisk s = AccountRisk.start(usd("100000"), DAY)
                .apply(fill(T, A, OrderSide.BUY, "2000", "1", "0", "1990"))
                .apply(fill(T.plusSeconds(60), A, OrderSide.SELL, "2000", "1", "0", null));
        assertEquals(1, s.tradingDays());
        s = s.apply(new RiskEvent.DayRolled(T.plus(Duration.ofDays(1)), DAY.plusDays(1)))
                .apply(new RiskEvent.DayRolled(T.plus(Duration.ofDays(2)), DAY.plusDays(2)));
        assertEquals(1, s.tradingDays(), "a day without a fill does not count");
        s = s.apply(fill(T.plus(Duration.ofDays(2)), A, OrderSide.BUY, "2000", "1", "0", "1990"));
        assertEquals(2, s.tradingDays());
    }

    @Test
    void dayRollSetsTheDayStartAndTheHighestEndOfDayBalanceAndLiftsOnlyADailyHalt() {
        AccountRisk s = AccountRisk.start(usd("100000"), DAY)
                .apply(fill(T, A, OrderSide.BUY, "2000", "10", "0", "1990"))
                .apply(fill(T.plusSeconds(60), A, OrderSide.SELL, "2100", "10", "0", null))
                .apply(new RiskEvent.Halted(T, "prop_daily_floor", true, Map.of()));
        s = s.apply(new RiskEvent.DayRolled(T.plus(Duration.ofDays(1)), DAY.plusDays(1)));
        assertEquals(usd("101000"), s.dayStartBalance());
        assertEquals(usd("101000"), s.highestEodBalance());
        assertTrue(s.halt().isEmpty());
        s = s.apply(fill(T.plus(Duration.ofDays(1)), A, OrderSide.BUY, "2000", "10", "0", "1990"))
                .apply(fill(T.plus(Duration.ofDays(1)).plusSeconds(60), A, OrderSide.SELL, "1900", "10", "0", null))
                .apply(new RiskEvent.Halted(T.plus(Duration.ofDays(1)), "prop_overall_floor", false, Map.of()));
        assertEquals(1, s.lossesToday().size());
        s = s.apply(new RiskEvent.DayRolled(T.plus(Duration.ofDays(2)), DAY.plusDays(2)));
        assertTrue(s.lossesToday().isEmpty(), "losses are kept per trading day");
        assertEquals(1, s.closedTrades().stream().filter(ClosedTrade::loss).count(), "closed trades are kept across days");
        assertEquals(usd("100000"), s.dayStartBalance());
        assertEquals(usd("101000"), s.highestEodBalance(), "the highest end-of-day balance never falls");
        assertEquals("prop_overall_floor", s.halt().orElseThrow().rule(), "an overall halt stays until cleared");
        assertTrue(s.apply(new RiskEvent.HaltCleared(T.plus(Duration.ofDays(2)), "reviewed")).halt().isEmpty());
    }

    @Test
    void anApprovalReservesUntilItsFillsConsumeItOrItCloses() {
        AccountRisk s = AccountRisk.start(usd("100000"), DAY)
                .apply(new RiskEvent.IntentDecided(T, STRAT, "default", A, XAUUSD_ID, OrderSide.BUY, true, Quantity.of("10"), Price.of("2000"),
                        Price.of("1990"), null));
        assertEquals(Quantity.of("10"), s.pending().get(A).remaining());
        assertEquals(1, s.signalsInWindow("default", T));
        assertEquals(1, s.ordersInWindow("default", T));
        s = s.apply(fill(T.plusSeconds(1), A, OrderSide.BUY, "2000", "4", "0", "1990"));
        assertEquals(Quantity.of("6"), s.pending().get(A).remaining());
        assertTrue(s.apply(fill(T.plusSeconds(2), A, OrderSide.BUY, "2000", "6", "0", "1990")).pending().isEmpty());
        assertTrue(s.apply(new RiskEvent.OrderClosed(T.plusSeconds(2), A)).pending().isEmpty());
        // A rejected intent counts as a signal only.
        AccountRisk r = s.apply(new RiskEvent.IntentDecided(T.plusSeconds(5), STRAT, "default", B, XAUUSD_ID, OrderSide.BUY, false, null, null, null,
                "news_blackout"));
        assertEquals(2, r.signalsInWindow("default", T.plusSeconds(5)));
        assertEquals(1, r.ordersInWindow("default", T.plusSeconds(5)));
        assertEquals(1, r.signalsInWindow("default", T.plus(Duration.ofHours(1))), "the window is the hour up to and including the time");
        assertEquals(0, r.ordersInWindow("default", T.plus(Duration.ofHours(1))));
    }

    @Test
    void killSwitchesMarksStopsAndSelfReports() {
        AccountRisk s = AccountRisk.start(usd("100000"), DAY)
                .apply(new RiskEvent.KillSwitchSet(T, STRAT, true, "x"))
                .apply(fill(T, A, OrderSide.BUY, "2000", "1", "0", "1990"))
                .apply(new RiskEvent.StopMoved(T, XAUUSD_ID, Price.of("1995")))
                .apply(new RiskEvent.SelfReported(T, 4))
                .apply(new RiskEvent.AttemptBlocked(T, "ema-cross"));
        assertTrue(s.killSwitchOn(STRAT));
        assertFalse(s.globalKillSwitch());
        assertEquals(Price.of("1995"), s.position(XAUUSD_ID).orElseThrow().stop());
        assertEquals(4, s.selfReportedState().orElseThrow());
        assertEquals(1, s.blockedAttemptsTotal());
        assertFalse(s.apply(new RiskEvent.KillSwitchSet(T, STRAT, false, "x")).killSwitchOn(STRAT));
        assertThrows(IllegalArgumentException.class, () -> new RiskEvent.SelfReported(T, 6));
        assertNull(AccountRisk.start(usd("1"), DAY).lastLossAt().orElse(null));
    }
}
