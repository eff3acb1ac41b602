package dev.trader.risk.propfirm;

import static dev.trader.risk.testkit.Fixtures.STRAT;
import static dev.trader.risk.testkit.Fixtures.XAUUSD_ID;
import static dev.trader.risk.testkit.Fixtures.fill;
import static dev.trader.risk.testkit.Fixtures.usd;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trader.domain.money.Price;
import dev.trader.domain.order.OrderSide;
import dev.trader.risk.account.AccountRisk;
import dev.trader.risk.account.RiskEvent;
import dev.trader.risk.rules.PreTradeRisk;
import dev.trader.risk.rules.RiskConfig;
import dev.trader.risk.testkit.Fixtures;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The prop firm's day starts at midnight Europe/Prague, DST included; the daily floor resets exactly then. */
class PragueMidnightRolloverTest {
    private static final PreTradeRisk RISK = new PreTradeRisk(RiskConfig.defaults(usd("100000"), BigDecimal.ZERO), Fixtures.ALL);
    private static final TradingDays PRAGUE = TradingDays.PRAGUE;
    /** Without the 3% drawdown lock, so that only the floors speak. */
    private static final PreTradeRisk NO_LOCK;

    static {
        RiskConfig d = RiskConfig.defaults(usd("100000"), BigDecimal.ZERO);
        NO_LOCK = new PreTradeRisk(d.withLocks(d.locks().withDrawdownLock(false, new BigDecimal("0.03"), Duration.ofHours(4))), Fixtures.ALL);
    }

    @Test
    void springForwardDayIs23HoursLong() {
        // 2024-03-31: CET (UTC+1) until 02:00, then CEST (UTC+2).
        assertEquals(Instant.parse("2024-03-30T23:00:00Z"), PRAGUE.startOf(LocalDate.parse("2024-03-31")));
        assertEquals(Instant.parse("2024-03-31T22:00:00Z"), PRAGUE.startOf(LocalDate.parse("2024-04-01")));
        assertEquals(Duration.ofHours(23), Duration.between(PRAGUE.startOf(LocalDate.parse("2024-03-31")), PRAGUE.startOf(LocalDate.parse("2024-04-01"))));
    }

    @Test
    void fallBackDayIs25HoursLong() {
        // 2024-10-27: CEST (UTC+2) until 03:00, then CET (UTC+1).
        assertEquals(Instant.parse("2024-10-26T22:00:00Z"), PRAGUE.startOf(LocalDate.parse("2024-10-27")));
        assertEquals(Instant.parse("2024-10-27T23:00:00Z"), PRAGUE.startOf(LocalDate.parse("2024-10-28")));
        assertEquals(Duration.ofHours(25), Duration.between(PRAGUE.startOf(LocalDate.parse("2024-10-27")), PRAGUE.startOf(LocalDate.parse("2024-10-28"))));
        assertEquals(Instant.parse("2024-10-27T23:00:00Z"), PRAGUE.nextMidnight(Instant.parse("2024-10-27T22:59:59Z")));
    }

    @Test
    void dailyFloorResetsExactlyAtPragueMidnightOnBothDstSwitchDays() {
        for (String[] c : new String[][] {
            // the day before, its last second and first second after midnight (UTC), the switch day's end
            {"2024-03-30", "2024-03-30T22:59:59Z", "2024-03-30T23:00:00Z", "2024-03-31", "2024-03-31T21:59:59Z", "2024-03-31T22:00:00Z", "2024-04-01"},
            {"2024-10-26", "2024-10-26T21:59:59Z", "2024-10-26T22:00:00Z", "2024-10-27", "2024-10-27T22:59:59Z", "2024-10-27T23:00:00Z", "2024-10-28"},
        }) {
            Instant morning = PRAGUE.startOf(LocalDate.parse(c[0])).plus(Duration.ofHours(9));
            AccountRisk s = RISK.start(morning);
            assertEquals(LocalDate.parse(c[0]), s.tradingDay());
            // +2,000 closed on the day before the switch
            s = s.apply(fill(morning, STRAT, XAUUSD_ID, OrderSide.BUY, "2000", "10", BigDecimal.ZERO, "1900"));
            s = s.apply(fill(morning.plusSeconds(60), STRAT, XAUUSD_ID, OrderSide.SELL, "2200", "10", BigDecimal.ZERO, null));
            assertEquals(usd("102000"), s.balance());

            Instant lastSecond = Instant.parse(c[1]);
            Instant midnight = Instant.parse(c[2]);
            assertEquals(List.of(), RISK.roll(s, lastSecond), "no roll one second before Prague midnight");
            assertEquals(usd("95000"), RISK.floors(s).daily(), "the day-start balance of the first day is the initial capital");

            List<RiskEvent> roll = RISK.roll(s, midnight);
            assertEquals(List.of(new RiskEvent.DayRolled(midnight, LocalDate.parse(c[3]))), roll);
            s = s.applyAll(roll);
            assertEquals(usd("102000"), s.dayStartBalance());
            assertEquals(usd("97000"), RISK.floors(s).daily(), "balance at midnight − 5% of initial");
            assertEquals(usd("102000"), s.highestEodBalance());

            // The switch day itself ends 23 or 25 hours later, at the next Prague midnight.
            assertEquals(List.of(), RISK.roll(s, Instant.parse(c[4])));
            assertEquals(List.of(new RiskEvent.DayRolled(Instant.parse(c[5]), LocalDate.parse(c[6]))), RISK.roll(s, Instant.parse(c[5])));
        }
    }

    @Test
    void floatingLossCarriedOverMidnightMeetsTheNewFloorAtTheFirstSecondOfTheDay() {
        // 2024-10-26: +2,000 closed, then a gold position floating −6,000 at 20:00Z: equity 96,000, floor 95,000.
        Instant t = Instant.parse("2024-10-26T08:00:00Z");
        AccountRisk s = RISK.start(t);
        s = s.apply(fill(t, STRAT, XAUUSD_ID, OrderSide.BUY, "2000", "10", BigDecimal.ZERO, "1900"));
        s = s.apply(fill(t.plusSeconds(60), STRAT, XAUUSD_ID, OrderSide.SELL, "2200", "10", BigDecimal.ZERO, null));
        s = s.apply(fill(t.plusSeconds(120), STRAT, XAUUSD_ID, OrderSide.BUY, "2200", "20", BigDecimal.ZERO, null));
        s = s.apply(new RiskEvent.Marked(Instant.parse("2024-10-26T20:00:00Z"), XAUUSD_ID, Price.of("1900")));
        assertEquals(usd("96000"), s.equity());

        assertEquals(List.of(), NO_LOCK.observe(s, Instant.parse("2024-10-26T21:59:59Z")), "23:59:59 in Prague: yesterday's floor 95,000");
        List<RiskEvent> atMidnight = NO_LOCK.observe(s, Instant.parse("2024-10-26T22:00:00Z"));
        assertInstanceOf(RiskEvent.DayRolled.class, atMidnight.get(0));
        RiskEvent.Halted halted = assertInstanceOf(RiskEvent.Halted.class, atMidnight.get(1));
        assertEquals("prop_daily_floor", halted.rule());
        assertEquals("97000 USD", halted.inputs().get("daily_floor"));
        assertEquals("96000 USD", halted.inputs().get("equity"));
        assertTrue(halted.untilNextDay());
        assertInstanceOf(RiskEvent.FlattenRequested.class, atMidnight.get(2));
    }

    @Test
    void theDailyLossCanBeConfiguredTo4Point5PercentAndTheOverallFloorTo91() {
        PropFirmConfig p = PropFirmConfig.ftmo().withDailyLoss(new BigDecimal("0.045")).withMaxLoss(new BigDecimal("0.09"), OverallFloorMode.STATIC);
        Floors f = Floors.of(p, usd("100000"), usd("101000"), usd("101000"), usd("100500"));
        assertEquals(usd("96500"), f.daily());
        assertEquals(usd("91000"), f.overall());
        assertEquals(usd("96000"), f.dailyAfterRoll());
    }

    @Test
    void trailingOverallFloorFollowsTheHighestEndOfDayBalance() {
        PropFirmConfig p = PropFirmConfig.ftmo().withMaxLoss(new BigDecimal("0.10"), OverallFloorMode.TRAILING_EOD);
        Floors f = Floors.of(p, usd("100000"), usd("104000"), usd("106000"), usd("108000"));
        assertEquals(usd("96000"), f.overall(), "highest EOD 106,000 − 10,000");
        assertEquals(usd("98000"), f.overallAfterRoll(), "today's 108,000 would become the highest EOD");
        PropFirmConfig capped = new PropFirmConfig(true, new BigDecimal("0.05"), new BigDecimal("0.10"), OverallFloorMode.TRAILING_EOD, true,
                new BigDecimal("0.10"), 4, BigDecimal.ZERO, BigDecimal.ZERO, FloorAction.HALT, PropFirmConfig.PRAGUE);
        assertEquals(usd("100000"), Floors.of(capped, usd("100000"), usd("120000"), usd("125000"), usd("120000")).overall(),
                "with trailing-stops-at-initial the floor stops at the initial capital");
    }
}
