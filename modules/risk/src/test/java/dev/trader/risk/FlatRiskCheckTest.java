package dev.trader.risk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trader.domain.id.InstrumentId;
import dev.trader.domain.id.StrategyId;
import dev.trader.domain.market.InstrumentRules;
import dev.trader.domain.money.Money;
import dev.trader.domain.money.Price;
import dev.trader.domain.money.Quantity;
import dev.trader.domain.order.OrderIntent;
import dev.trader.domain.order.OrderSide;
import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class FlatRiskCheckTest {
    private static final InstrumentId BTC = InstrumentId.parse("binance:BTCUSDT");
    private static final InstrumentRules BTCUSDT = new InstrumentRules(BTC, "BTC", "USDT", Price.of("0.01"),
            Quantity.of("0.00001"), Quantity.of("0.00001"), usdt("5"));
    private static final RiskLimits LIMITS = new RiskLimits(usdt("100"), usdt("1000"), new BigDecimal("0.001"));
    private static final FlatRiskCheck CHECK = new FlatRiskCheck(LIMITS);
    private static final RiskState RICH = new RiskState(usdt("10000"), false);

    private static Money usdt(String amount) {
        return Money.of(amount, "USDT");
    }

    private static Quantity qty(String q) {
        return Quantity.of(q);
    }

    private static OrderIntent entry(String price) {
        return new OrderIntent(new StrategyId("ema-cross"), BTC, OrderSide.BUY, Instant.parse("2024-01-01T00:00:00Z"), 0,
                Price.of(price), false, "test entry");
    }

    private static OrderIntent exit(String price) {
        return new OrderIntent(new StrategyId("ema-cross"), BTC, OrderSide.SELL, Instant.parse("2024-01-01T00:00:00Z"), 0,
                Price.of(price), true, "test exit");
    }

    private static Exposure holding(String filled) {
        return new Exposure(qty(filled), Quantity.ZERO, Quantity.ZERO);
    }

    private static Quantity approved(RiskDecision decision) {
        return assertInstanceOf(RiskDecision.Approved.class, decision, () -> "expected approval but was " + decision).quantity();
    }

    private static RiskDecision.Rejected rejected(RiskDecision decision, String rule) {
        RiskDecision.Rejected r = assertInstanceOf(RiskDecision.Rejected.class, decision, () -> "expected rejection but was " + decision);
        assertEquals(rule, r.rule(), r::reason);
        return r;
    }

    @Test
    void killSwitchRejectsEntries() {
        RiskDecision d = CHECK.decide(new RiskState(usdt("10000"), true), Exposure.NONE, entry("30000"), BTCUSDT);
        assertEquals("the kill switch is on", rejected(d, "kill_switch").reason());
    }

    @Test
    void killSwitchRejectsExitsToo() {
        rejected(CHECK.decide(new RiskState(usdt("10000"), true), holding("0.5"), exit("30000"), BTCUSDT), "kill_switch");
    }

    @Test
    void entryIsFloorOfNotionalOverPriceToTheLot() {
        // 100 / 30000 = 0.0033333.. -> 0.00333
        assertEquals(qty("0.00333"), approved(CHECK.decide(RICH, Exposure.NONE, entry("30000"), BTCUSDT)));
        // 100 / 27123.45 = 0.0036868.. -> 0.00368 (rounding to nearest would give 0.00369)
        assertEquals(qty("0.00368"), approved(CHECK.decide(RICH, Exposure.NONE, entry("27123.45"), BTCUSDT)));
    }

    @Test
    void entryUsesACoarserLotWhenTheVenueDemandsIt() {
        InstrumentRules coarse = new InstrumentRules(BTC, "BTC", "USDT", Price.of("0.01"), qty("0.001"), qty("0.001"), usdt("1"));
        assertEquals(qty("0.003"), approved(CHECK.decide(RICH, Exposure.NONE, entry("30000"), coarse)));
        InstrumentRules halves = new InstrumentRules(BTC, "BTC", "USDT", Price.of("0.01"), qty("0.5"), qty("0.5"), usdt("1"));
        // 100 / 40 = 2.5 exactly, 100 / 41 = 2.439.. -> 2
        assertEquals(qty("2.5"), approved(CHECK.decide(RICH, Exposure.NONE, entry("40"), halves)));
        assertEquals(qty("2"), approved(CHECK.decide(RICH, Exposure.NONE, entry("41"), halves)));
    }

    @Test
    void entryRecordsTheInputsThatDecidedIt() {
        RiskDecision d = CHECK.decide(RICH, Exposure.NONE, entry("30000"), BTCUSDT);
        assertEquals("10000 USDT", d.inputs().get("cash"));
        assertEquals("0", d.inputs().get("held"));
        assertEquals("0", d.inputs().get("pending_entry"));
        assertEquals("30000", d.inputs().get("reference_price"));
        assertEquals("0.00333", d.inputs().get("quantity"));
    }

    @Test
    void secondEntryWhileHoldingIsRejected() {
        rejected(CHECK.decide(RICH, holding("0.00333"), entry("30000"), BTCUSDT), "one_entry_per_instrument");
    }

    @Test
    void secondEntryWhileAnEntryIsPendingIsRejected() {
        Exposure pending = new Exposure(Quantity.ZERO, qty("0.00333"), Quantity.ZERO);
        rejected(CHECK.decide(RICH, pending, entry("30000"), BTCUSDT), "one_entry_per_instrument");
    }

    @Test
    void shortEntryIsRejected() {
        OrderIntent sell = new OrderIntent(new StrategyId("s"), BTC, OrderSide.SELL, Instant.EPOCH, 0, Price.of("30000"), false, "short");
        rejected(CHECK.decide(RICH, Exposure.NONE, sell, BTCUSDT), "long_only");
    }

    @Test
    void insufficientCashForNotionalPlusFeeIsRejected() {
        // 0.00333 * 30000 = 99.9; fee 0.1% = 0.0999; needs 99.9999
        RiskDecision d = CHECK.decide(new RiskState(usdt("99.9998"), false), Exposure.NONE, entry("30000"), BTCUSDT);
        assertEquals("needs 99.9999 USDT but cash is 99.9998 USDT", rejected(d, "insufficient_cash").reason());
    }

    @Test
    void cashExactlyCoveringNotionalPlusFeeIsEnough() {
        assertEquals(qty("0.00333"), approved(CHECK.decide(new RiskState(usdt("99.9999"), false), Exposure.NONE, entry("30000"), BTCUSDT)));
    }

    @Test
    void cashCoveringNotionalButNotTheFeeIsRejected() {
        rejected(CHECK.decide(new RiskState(usdt("99.9"), false), Exposure.NONE, entry("30000"), BTCUSDT), "insufficient_cash");
    }

    @Test
    void cashCoveringTheRoundedButNotTheExactCostIsInsufficient() {
        // 100 / 3.0001 -> 33.33222225 at a lot of 1e-8; exact cost 33.33222225 * 3.0001 * 1.001 = 100.099999972197225,
        // which notional and fee rounded half-even to 8 decimals each would understate as 100.09999997.
        InstrumentRules fine = new InstrumentRules(BTC, "BTC", "USDT", Price.of("0.0001"), qty("0.00000001"), qty("0.00000001"), usdt("5"));
        RiskDecision d = CHECK.decide(new RiskState(usdt("100.09999997"), false), Exposure.NONE, entry("3.0001"), fine);
        assertEquals("needs 100.09999998 USDT but cash is 100.09999997 USDT", rejected(d, "insufficient_cash").reason());
        assertEquals(qty("33.33222225"), approved(CHECK.decide(new RiskState(usdt("100.09999998"), false), Exposure.NONE, entry("3.0001"), fine)));
    }

    @Test
    void entryBelowMinNotionalIsRejected() {
        // 4 / 30000 -> 0.00013, notional 3.9 < 5
        FlatRiskCheck small = new FlatRiskCheck(new RiskLimits(usdt("4"), usdt("1000"), new BigDecimal("0.001")));
        RiskDecision d = small.decide(RICH, Exposure.NONE, entry("30000"), BTCUSDT);
        assertEquals("notional 3.9 USDT is below the minimum 5 USDT", rejected(d, "venue_filters").reason());
    }

    @Test
    void entryTooSmallForOneLotIsRejected() {
        // 100 / 20,000,000 = 0.000005 -> 0 lots
        RiskDecision d = CHECK.decide(RICH, Exposure.NONE, entry("20000000"), BTCUSDT);
        assertEquals("quantity 0 is below the minimum 0.00001", rejected(d, "venue_filters").reason());
    }

    @Test
    void largeEntryInALowPricedCoinIsSizedNotThrown() {
        // SHIB-like: 1000 / 0.00001234 = 81,037,277.147.. -> 81037277 whole coins. The quotient at 12 decimals does
        // not fit a Quantity, so it must be floored to the lot before it becomes one.
        InstrumentId shib = InstrumentId.parse("binance:SHIBUSDT");
        InstrumentRules rules = new InstrumentRules(shib, "SHIB", "USDT", Price.of("0.00000001"), qty("1"), qty("1"), usdt("5"));
        FlatRiskCheck check = new FlatRiskCheck(new RiskLimits(usdt("1000"), usdt("10000"), new BigDecimal("0.001")));
        OrderIntent intent = new OrderIntent(new StrategyId("s"), shib, OrderSide.BUY, Instant.EPOCH, 0, Price.of("0.00001234"), false, "entry");
        assertEquals(qty("81037277"), approved(check.decide(RICH, Exposure.NONE, intent, rules)));
    }

    @Test
    void exitSellsExactlyTheFilledQuantity() {
        // no cash needed, and the price does not size an exit
        RiskState broke = new RiskState(Money.zero("USDT"), false);
        assertEquals(qty("0.00368"), approved(CHECK.decide(broke, holding("0.00368"), exit("1"), BTCUSDT)));
        assertEquals(qty("0.00368"), approved(CHECK.decide(broke, holding("0.00368"), exit("99999"), BTCUSDT)));
    }

    @Test
    void exitSellsOnlyWhatIsNotAlreadyBeingSold() {
        Exposure partlyExiting = new Exposure(qty("0.00368"), Quantity.ZERO, qty("0.001"));
        assertEquals(qty("0.00268"), approved(CHECK.decide(RICH, partlyExiting, exit("30000"), BTCUSDT)));
    }

    @Test
    void exitOfAQuantityOffTheLotGridSellsTheLotsHeld() {
        assertEquals(qty("0.00368"), approved(CHECK.decide(RICH, holding("0.003685"), exit("30000"), BTCUSDT)));
    }

    @Test
    void exitWithNothingHeldIsRejected() {
        rejected(CHECK.decide(RICH, Exposure.NONE, exit("30000"), BTCUSDT), "nothing_to_reduce");
        Exposure onlyPendingEntry = new Exposure(Quantity.ZERO, qty("0.003"), Quantity.ZERO);
        rejected(CHECK.decide(RICH, onlyPendingEntry, exit("30000"), BTCUSDT), "nothing_to_reduce");
    }

    @Test
    void exitWhenEverythingIsAlreadyBeingSoldIsRejected() {
        rejected(CHECK.decide(RICH, new Exposure(qty("0.003"), Quantity.ZERO, qty("0.003")), exit("30000"), BTCUSDT), "nothing_to_reduce");
        rejected(CHECK.decide(RICH, new Exposure(qty("0.003"), Quantity.ZERO, qty("0.004")), exit("30000"), BTCUSDT), "nothing_to_reduce");
    }

    @Test
    void exitOfLessThanOneLotIsRejectedNotApprovedAsZero() {
        // 0.000005 held with a lot of 0.00001: nothing can be sold, and an order of quantity 0 cannot exist.
        RiskDecision d = CHECK.decide(RICH, holding("0.000005"), exit("30000"), BTCUSDT);
        rejected(d, "nothing_to_reduce");
    }

    @Test
    void exitThatBuysIsRejected() {
        OrderIntent buyExit = new OrderIntent(new StrategyId("s"), BTC, OrderSide.BUY, Instant.EPOCH, 0, Price.of("30000"), true, "x");
        rejected(CHECK.decide(RICH, holding("0.1"), buyExit, BTCUSDT), "long_only");
    }

    @Test
    void limitsAreValidated() {
        BigDecimal fee = new BigDecimal("0.001");
        assertThrows(IllegalArgumentException.class, () -> new RiskLimits(Money.zero("USDT"), usdt("1000"), fee));
        assertThrows(IllegalArgumentException.class, () -> new RiskLimits(usdt("-1"), usdt("1000"), fee));
        assertThrows(IllegalArgumentException.class, () -> new RiskLimits(usdt("100"), usdt("99.99"), fee));
        assertThrows(IllegalArgumentException.class, () -> new RiskLimits(usdt("100"), usdt("1000"), new BigDecimal("0.0501")));
        assertThrows(IllegalArgumentException.class, () -> new RiskLimits(usdt("100"), usdt("1000"), new BigDecimal("-0.001")));
        assertTrue(new RiskLimits(usdt("100"), usdt("100"), new BigDecimal("0.05")).feeRate().signum() > 0);
    }

    @Test
    void exposureCommittedCountsFilledAndPendingEntry() {
        Exposure e = new Exposure(qty("0.1"), qty("0.2"), qty("0.05"));
        assertEquals(qty("0.3"), e.committed());
        assertTrue(Exposure.NONE.isFlat());
        assertTrue(new Exposure(Quantity.ZERO, Quantity.ZERO, qty("1")).isFlat());
    }
}
