package dev.trader.backtest;

import static dev.trader.backtest.Bars.BTC;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trader.domain.market.Bar;
import dev.trader.domain.money.Money;
import dev.trader.domain.money.Price;
import dev.trader.domain.money.Quantity;
import dev.trader.domain.order.Fill;
import dev.trader.domain.order.OrderSide;
import dev.trader.domain.signal.SignalDirection;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The fill rules of the simulated exchange, each on a hand-made bar sequence, with exact money. */
class FillRulesTest {
    private static final String USDT = "USDT";

    // ---- through the backtester: a scripted strategy's signals, the fills they lead to ----

    @Test
    void marketOrdersFillAtTheNextBarsOpen() {
        Bars bars = Bars.of(BTC)
                .bar("100", "101", "99", "100")
                .bar("102", "103", "101", "102")
                .bar("104", "105", "103", "104")
                .bar("106", "107", "105", "106")
                .bar("108", "109", "107", "108");
        ScriptedStrategy s = new ScriptedStrategy().on(BTC, 1, SignalDirection.LONG).on(BTC, 3, SignalDirection.FLAT);
        BacktestResult r = new Backtester(BacktestConfig.defaults()).run(s, bars.data());

        assertEquals(2, r.fills().size());
        assertFill(r.fills().get(0), OrderSide.BUY, "102", "1", "0.102", 1);
        assertFill(r.fills().get(1), OrderSide.SELL, "106", "1", "0.106", 3);
        RoundTrip t = single(r);
        assertEquals(Bars.at(1), t.openTime());
        assertEquals(Bars.at(3), t.closeTime());
        assertEquals(Price.of("102"), t.entryPrice());
        assertEquals(Price.of("106"), t.exitPrice());
        assertEquals(money("4"), t.pnl());
        assertEquals(money("0.208"), t.fees());
        assertEquals(money("3.792"), t.pnlAfterFees());
        assertEquals(ExitReason.SIGNAL, t.exitReason());
    }

    @Test
    void aStopReachedWithinTheBarFillsAtTheStop() {
        Bars bars = Bars.of(BTC)
                .bar("100", "101", "99", "100")
                .bar("100", "101", "96", "100")   // entry at 100; the low stays above the stop
                .bar("99", "100", "95", "96")     // the low goes through 95.5: filled at 95.5
                .bar("96", "97", "95", "96");
        ScriptedStrategy s = new ScriptedStrategy().on(BTC, 1, SignalDirection.LONG, "stop_price", "95.5");
        RoundTrip t = single(new Backtester(BacktestConfig.defaults()).run(s, bars.data()));
        assertEquals(Bars.at(1), t.openTime());
        assertEquals(Bars.at(2), t.closeTime());
        assertEquals(Price.of("95.5"), t.exitPrice());
        assertEquals(ExitReason.STOP, t.exitReason());
        assertEquals(money("-4.5"), t.pnl());
        assertEquals(money("0.1955"), t.fees());
        assertEquals(money("-4.6955"), t.pnlAfterFees());
    }

    @Test
    void aBarThatGapsThroughTheStopFillsAtItsOpen() {
        Bars bars = Bars.of(BTC)
                .bar("100", "101", "99", "100")
                .bar("100", "101", "96", "100")
                .bar("94", "95", "93", "94")      // opens below the 95.5 stop: filled at 94
                .bar("96", "97", "95", "96");
        ScriptedStrategy s = new ScriptedStrategy().on(BTC, 1, SignalDirection.LONG, "stop_price", "95.5");
        RoundTrip t = single(new Backtester(BacktestConfig.defaults()).run(s, bars.data()));
        assertEquals(Bars.at(2), t.closeTime());
        assertEquals(Price.of("94"), t.exitPrice());
        assertEquals(ExitReason.STOP, t.exitReason());
        assertEquals(money("-6.194"), t.pnlAfterFees());
    }

    @Test
    void theStopWorksFromTheEntryBarOnSoAnEntryOpeningThroughItIsStoppedAtThatOpen() {
        Bars bars = Bars.of(BTC)
                .bar("100", "101", "99", "100")
                .bar("98", "99", "97", "98")      // bought at 98, already below the 99 stop
                .bar("98", "99", "97", "98");
        ScriptedStrategy s = new ScriptedStrategy().on(BTC, 1, SignalDirection.LONG, "stop_price", "99");
        RoundTrip t = single(new Backtester(BacktestConfig.defaults()).run(s, bars.data()));
        assertEquals(Bars.at(1), t.openTime());
        assertEquals(Bars.at(1), t.closeTime());
        assertEquals(Price.of("98"), t.entryPrice());
        assertEquals(Price.of("98"), t.exitPrice());
        assertEquals(ExitReason.STOP, t.exitReason());
        assertEquals(money("-0.196"), t.pnlAfterFees());
    }

    @Test
    void whenOneBarReachesBothStopAndTargetTheStopFillsFirstUnlessIntrabarDataSaysOtherwise() {
        Bars bars = Bars.of(BTC)
                .bar("100", "100", "100", "100")
                .bar("100", "101", "99", "100")   // entry at 100
                .bar("100", "106", "94", "100")   // both 95 and 105 are inside the range
                .bar("100", "100", "100", "100");
        ScriptedStrategy s = new ScriptedStrategy().on(BTC, 1, SignalDirection.LONG, "stop_price", "95", "target_price", "105");

        RoundTrip conservative = single(new Backtester(BacktestConfig.defaults()).run(s, bars.data()));
        assertEquals(ExitReason.STOP, conservative.exitReason());
        assertEquals(Price.of("95"), conservative.exitPrice());
        assertEquals(Bars.at(2), conservative.closeTime());

        RoundTrip lowFirst = single(new Backtester(BacktestConfig.defaults().withIntrabar(b -> IntrabarPath.Sequence.LOW_FIRST)).run(s, bars.data()));
        assertEquals(ExitReason.STOP, lowFirst.exitReason());

        BacktestResult highFirst = new Backtester(BacktestConfig.defaults().withIntrabar(b -> IntrabarPath.Sequence.HIGH_FIRST)).run(s, bars.data());
        RoundTrip target = single(highFirst);
        assertEquals(ExitReason.TARGET, target.exitReason());
        assertEquals(Price.of("105"), target.exitPrice());
        // the target is a limit: maker fee; the stop it cancelled never filled
        assertEquals(2, highFirst.fills().size());
        assertEquals(money("0.205"), target.fees());
    }

    @Test
    void anOpenAlreadyBeyondTheTargetFillsTheTargetAtThatOpenBeforeTheStop() {
        Bars bars = Bars.of(BTC)
                .bar("100", "100", "100", "100")
                .bar("100", "101", "99", "100")
                .bar("106", "107", "94", "100")   // opens above the target, later reaches the stop
                .bar("100", "100", "100", "100");
        ScriptedStrategy s = new ScriptedStrategy().on(BTC, 1, SignalDirection.LONG, "stop_price", "95", "target_price", "105");
        RoundTrip t = single(new Backtester(BacktestConfig.defaults()).run(s, bars.data()));
        assertEquals(ExitReason.TARGET, t.exitReason());
        assertEquals(Price.of("106"), t.exitPrice());
    }

    @Test
    void whenVolumeIsShortAnOrderFillsPartlyAndTheRemainderCarriesToTheNextBar() {
        Bars bars = Bars.of(BTC)
                .bar("100", "100", "100", "100", "1000")
                .bar("100", "100", "100", "100", "6")     // 10% of 6: 0.6 of the 1.0 buy
                .bar("110", "110", "110", "110", "10")    // the remaining 0.4
                .bar("120", "120", "120", "120", "5")     // FLAT decided at bar 3's close... sells 0.5 here
                .bar("130", "130", "130", "130", "100")   // and the remaining 0.5 here
                .bar("130", "130", "130", "130", "100");
        ScriptedStrategy s = new ScriptedStrategy().on(BTC, 1, SignalDirection.LONG).on(BTC, 3, SignalDirection.FLAT);
        BacktestConfig config = BacktestConfig.defaults().withExecution(ExecutionModel.DEFAULT.withMaxParticipation(new BigDecimal("0.1")));
        BacktestResult r = new Backtester(config).run(s, bars.data());

        assertEquals(4, r.fills().size());
        assertFill(r.fills().get(0), OrderSide.BUY, "100", "0.6", "0.06", 1);
        assertFill(r.fills().get(1), OrderSide.BUY, "110", "0.4", "0.044", 2);
        assertFill(r.fills().get(2), OrderSide.SELL, "120", "0.5", "0.06", 3);
        assertFill(r.fills().get(3), OrderSide.SELL, "130", "0.5", "0.065", 4);
        RoundTrip t = single(r);
        assertEquals(Quantity.of("1"), t.quantity());
        assertEquals(Price.of("104"), t.entryPrice(), "volume-weighted entry");
        assertEquals(Price.of("125"), t.exitPrice(), "volume-weighted exit");
        assertEquals(Bars.at(1), t.openTime());
        assertEquals(Bars.at(4), t.closeTime());
        assertEquals(money("21"), t.pnl());
        assertEquals(money("0.229"), t.fees());
        assertEquals(money("20.771"), t.pnlAfterFees());
    }

    @Test
    void feesAreThePriceTimesQuantityTimesRateRoundedHalfEvenToEightDecimals() {
        Bars bars = Bars.of(BTC)
                .bar("27000", "27000", "27000", "27000")
                .bar("27000.17", "27001", "26999", "27000")
                .bar("27050", "27051", "27049", "27050")
                .bar("27100.33", "27101", "27100", "27100");
        ScriptedStrategy s = new ScriptedStrategy().on(BTC, 1, SignalDirection.LONG).on(BTC, 3, SignalDirection.FLAT);
        BacktestResult r = new Backtester(BacktestConfig.defaults().withSizing(Sizing.fixedQuantity("0.123"))).run(s, bars.data());
        assertFill(r.fills().get(0), OrderSide.BUY, "27000.17", "0.123", "3.32102091", 1);
        assertFill(r.fills().get(1), OrderSide.SELL, "27100.33", "0.123", "3.33334059", 3);
        RoundTrip t = single(r);
        assertEquals(money("12.31968"), t.pnl());
        assertEquals(money("6.6543615"), t.fees());
        assertEquals(money("5.6653185"), t.pnlAfterFees());
        assertEquals(money("100005.6653185"), r.finalCash());
        assertEquals(money("100005.6653185"), r.finalEquity());

        ExecutionModel m = ExecutionModel.DEFAULT;
        assertEquals(money("0.00001234"), m.fee(Price.of("12.345"), Quantity.of("0.001"), false, USDT), "0.000012345: half-even keeps the even 4");
        assertEquals(money("0.00001236"), m.fee(Price.of("12.355"), Quantity.of("0.001"), false, USDT), "0.000012355: half-even rounds the odd 5 up");
        assertEquals(money("0.02"), m.withMakerFeeRate(new BigDecimal("0.0002")).fee(Price.of("100"), Quantity.of("1"), true, USDT), "makers pay the maker rate");
    }

    @Test
    void slippageAndHalfTheSpreadMoveTakerFillsAgainstUsButNotLimits() {
        ExecutionModel m = ExecutionModel.DEFAULT.withSlippageBps(new BigDecimal("10")).withSpreadBps(new BigDecimal("4"));
        assertEquals(Price.of("100.12"), m.takerPrice(OrderSide.BUY, Price.of("100")));
        assertEquals(Price.of("99.88"), m.takerPrice(OrderSide.SELL, Price.of("100")));
        ExecutionModel stepped = m.withPriceStep(Price.of("0.05"));
        assertEquals(Price.of("100.15"), stepped.takerPrice(OrderSide.BUY, Price.of("100.01")), "100.130012 rounded up to the step");
        assertEquals(Price.of("99.85"), stepped.takerPrice(OrderSide.SELL, Price.of("100.01")), "99.889988 rounded down to the step");
        assertEquals(Price.of("100"), ExecutionModel.DEFAULT.takerPrice(OrderSide.BUY, Price.of("100")), "no slippage by default");

        SimulatedExchange ex = new SimulatedExchange(m, IntrabarPath.UNKNOWN, USDT);
        List<Fill> fills = new ArrayList<>();
        ex.submitMarket(BTC, OrderSide.BUY, Quantity.of("1"), OrderRole.ENTRY);
        ex.submitLimit(BTC, OrderSide.BUY, Quantity.of("1"), Price.of("99"), OrderRole.ENTRY);
        ex.onBar(bar(0, "100", "101", "98", "100", "1000"), (o, f) -> fills.add(f));
        assertEquals(Price.of("100.12"), fills.get(0).price());
        assertEquals(Price.of("99"), fills.get(1).price(), "a limit fills at its limit");
    }

    // ---- the exchange on its own ----

    @Test
    void limitsFillAtTheirLimitOrBetter() {
        SimulatedExchange ex = new SimulatedExchange(ExecutionModel.DEFAULT, IntrabarPath.UNKNOWN, USDT);
        List<Fill> fills = new ArrayList<>();
        SimOrder buy = ex.submitLimit(BTC, OrderSide.BUY, Quantity.of("1"), Price.of("100"), OrderRole.ENTRY);
        ex.onBar(bar(0, "102", "103", "101", "102", "1000"), (o, f) -> fills.add(f));
        assertTrue(fills.isEmpty(), "the low never reached 100");
        assertTrue(buy.isWorking());
        ex.onBar(bar(1, "101", "101", "99.5", "100", "1000"), (o, f) -> fills.add(f));
        assertEquals(Price.of("100"), fills.get(0).price(), "reached within the bar: at the limit");
        assertFalse(buy.isWorking());

        ex.submitLimit(BTC, OrderSide.BUY, Quantity.of("1"), Price.of("100"), OrderRole.ENTRY);
        ex.onBar(bar(2, "98", "99", "97", "98", "1000"), (o, f) -> fills.add(f));
        assertEquals(Price.of("98"), fills.get(1).price(), "opened below a buy limit: at the better open");

        ex.submitLimit(BTC, OrderSide.SELL, Quantity.of("1"), Price.of("110"), OrderRole.TARGET);
        ex.onBar(bar(3, "105", "111", "104", "108", "1000"), (o, f) -> fills.add(f));
        assertEquals(Price.of("110"), fills.get(2).price(), "a sell limit reached by the high: at the limit");

        ex.submitLimit(BTC, OrderSide.SELL, Quantity.of("1"), Price.of("110"), OrderRole.TARGET);
        ex.onBar(bar(4, "112", "113", "111", "112", "1000"), (o, f) -> fills.add(f));
        assertEquals(Price.of("112"), fills.get(3).price(), "opened above a sell limit: at the better open");
        assertEquals(money("0.112"), fills.get(3).fee());
    }

    @Test
    void aTriggeredStopShortOfVolumeFillsTheRestAtTheNextOpen() {
        SimulatedExchange ex = new SimulatedExchange(ExecutionModel.DEFAULT.withMaxParticipation(new BigDecimal("0.5")), IntrabarPath.UNKNOWN, USDT);
        List<Fill> fills = new ArrayList<>();
        SimOrder stop = ex.submitStop(BTC, OrderSide.SELL, Quantity.of("1"), Price.of("95"), OrderRole.STOP);
        ex.onBar(bar(0, "100", "100", "94", "96", "1"), (o, f) -> fills.add(f));
        assertEquals(1, fills.size());
        assertEquals(Quantity.of("0.5"), fills.get(0).quantity());
        assertEquals(Price.of("95"), fills.get(0).price());
        assertTrue(stop.isTriggered() && stop.isWorking());
        ex.onBar(bar(1, "97", "98", "96", "97", "10"), (o, f) -> fills.add(f));
        assertEquals(Quantity.of("0.5"), fills.get(1).quantity());
        assertEquals(Price.of("97"), fills.get(1).price(), "the triggered rest is a market order now: next open");
        assertFalse(stop.isWorking());
    }

    @Test
    void anEntrysStopAndTargetCoverWhatHasFilledAndCancelEachOther() {
        SimulatedExchange ex = new SimulatedExchange(ExecutionModel.DEFAULT.withMaxParticipation(new BigDecimal("0.1")), IntrabarPath.UNKNOWN, USDT);
        List<Fill> fills = new ArrayList<>();
        SimOrder entry = ex.submitEntry(BTC, OrderSide.BUY, Quantity.of("1"), null, Price.of("90"), Price.of("120"));
        ex.onBar(bar(0, "100", "101", "99", "100", "3"), (o, f) -> fills.add(f));
        assertEquals(Quantity.of("0.3"), entry.filled());
        assertEquals(Quantity.of("0.3"), entry.stopChild().remaining());
        assertEquals(Quantity.of("0.3"), entry.targetChild().remaining());
        ex.onBar(bar(1, "100", "101", "99", "100", "5"), (o, f) -> fills.add(f));
        assertEquals(Quantity.of("0.8"), entry.stopChild().remaining(), "grows with the entry");
        ex.onBar(bar(2, "100", "125", "99", "100", "2"), (o, f) -> fills.add(f));
        // 0.2 of budget: the rest of the entry (0.2) at the open, the target then gets nothing
        assertEquals(Quantity.of("1"), entry.filled());
        assertEquals(Quantity.of("1"), entry.stopChild().remaining());
        ex.onBar(bar(3, "100", "125", "99", "100", "1000"), (o, f) -> fills.add(f));
        assertEquals(Quantity.of("1"), entry.targetChild().filled());
        assertFalse(entry.stopChild().isWorking(), "the target's fill cancelled the stop");
        assertTrue(ex.book(BTC).working().isEmpty());
    }

    private static Bar bar(int minute, String o, String h, String l, String c, String v) {
        return Bars.of(BTC).barAt(minute, o, h, l, c, v).get(0);
    }

    private static RoundTrip single(BacktestResult r) {
        assertEquals(1, r.trades().size(), () -> "one round trip: " + r.trades() + " fills " + r.fills());
        return r.trades().get(0);
    }

    private static void assertFill(Fill f, OrderSide side, String price, String qty, String fee, int minute) {
        assertEquals(side, f.side());
        assertEquals(Price.of(price), f.price());
        assertEquals(Quantity.of(qty), f.quantity());
        assertEquals(money(fee), f.fee());
        assertEquals(Bars.at(minute), f.time());
    }

    static Money money(String amount) {
        return Money.of(amount, USDT);
    }
}
