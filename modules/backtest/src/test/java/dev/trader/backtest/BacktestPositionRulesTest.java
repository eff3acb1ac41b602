package dev.trader.backtest;

import static dev.trader.backtest.Bars.BTC;
import static dev.trader.backtest.FillRulesTest.money;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trader.domain.money.Money;
import dev.trader.domain.money.Price;
import dev.trader.domain.money.Quantity;
import dev.trader.domain.signal.SignalDirection;
import org.junit.jupiter.api.Test;

/** What the backtester does with signals: which apply, how much they buy, where the stop goes, and the end of the data. */
class BacktestPositionRulesTest {

    @Test
    void signalsThatDoNotApplyAreIgnoredAndCounted() {
        Bars bars = Bars.of(BTC).flat(8);
        ScriptedStrategy s = new ScriptedStrategy()
                .on(BTC, 1, SignalDirection.FLAT)    // flat already: ignored
                .on(BTC, 2, SignalDirection.LONG)    // opens
                .on(BTC, 3, SignalDirection.LONG)    // long already: ignored
                .on(BTC, 4, SignalDirection.SHORT)   // long-only: ignored
                .on(BTC, 5, SignalDirection.FLAT)    // closes
                .on(BTC, 6, SignalDirection.FLAT);   // ignored
        BacktestResult r = new Backtester(BacktestConfig.defaults()).run(s, bars.data());
        assertEquals(6, r.signals());
        assertEquals(4, r.signalsIgnored());
        assertEquals(1, r.trades().size());
        assertEquals(Bars.at(2), r.trades().get(0).openTime());
        assertEquals(Bars.at(5), r.trades().get(0).closeTime());
    }

    @Test
    void aLongSignalStillWaitingForItsFillIsNotDoubled() {
        Bars bars = Bars.of(BTC).flat(5);
        // LONG on bars 1 and... the first one's entry fills at bar 2's open, before bar 2's LONG is seen
        ScriptedStrategy s = new ScriptedStrategy().on(BTC, 1, SignalDirection.LONG).on(BTC, 2, SignalDirection.LONG);
        BacktestResult r = new Backtester(BacktestConfig.defaults()).run(s, bars.data());
        assertEquals(1, r.fills().size());
        assertEquals(1, r.signalsIgnored());
        assertEquals(Quantity.of("1"), r.openPositions().get(0).quantity());
    }

    @Test
    void fixedNotionalSizingBuysWholeLotsRoundedDown() {
        Sizing.FixedNotional sizing = new Sizing.FixedNotional(Money.of("1000", "USDT"), Quantity.of("0.001"));
        assertEquals(Quantity.of("0.037"), sizing.quantity(Price.of("27000.17")));
        assertEquals(Quantity.ZERO, sizing.quantity(Price.of("2000000")), "too expensive for one lot");

        Bars bars = Bars.of(BTC).bar("27000.17", "27000.17", "27000.17", "27000.17").bar("27100", "27100", "27100", "27100").flat(1);
        ScriptedStrategy s = new ScriptedStrategy().on(BTC, 1, SignalDirection.LONG);
        BacktestResult r = new Backtester(BacktestConfig.defaults().withSizing(sizing)).run(s, bars.data());
        assertEquals(Quantity.of("0.037"), r.fills().get(0).quantity(), "sized at the signal bar's close, filled at the next open");
        assertEquals(Price.of("27100"), r.fills().get(0).price());
    }

    @Test
    void theStopIsTakenExactlyAsTheSignalGivesItUnlessAStopTickIsSet() {
        Bars bars = Bars.of(BTC)
                .bar("100", "100", "100", "100")
                .bar("100", "100", "99", "100")
                .bar("100", "100", "95.1", "99")
                .flat(1);
        ScriptedStrategy s = new ScriptedStrategy().on(BTC, 1, SignalDirection.LONG, "stop_price", "95.12345678");
        RoundTrip exact = new Backtester(BacktestConfig.defaults()).run(s, bars.data()).trades().get(0);
        assertEquals(Price.of("95.12345678"), exact.exitPrice());

        RoundTrip ticked = new Backtester(BacktestConfig.defaults().withStopTick(Price.of("0.01"))).run(s, bars.data()).trades().get(0);
        assertEquals(Price.of("95.12"), ticked.exitPrice(), "rounded down to the tick");
    }

    @Test
    void aLongWithALimitPriceEntersWithALimitThatWaitsForItsPriceAndPaysTheMakerFee() {
        Bars bars = Bars.of(BTC)
                .bar("100", "100", "100", "100")
                .bar("100", "101", "99", "100")   // 98 not reached
                .bar("99", "100", "97", "98")     // reached within the bar: bought at 98
                .bar("98", "99", "98", "99");
        ScriptedStrategy s = new ScriptedStrategy().on(BTC, 1, SignalDirection.LONG, "limit_price", "98");
        BacktestResult r = new Backtester(BacktestConfig.defaults().withExecution(ExecutionModel.DEFAULT.withMakerFeeRate(new java.math.BigDecimal("0.0002"))))
                .run(s, bars.data());
        assertEquals(1, r.fills().size());
        assertEquals(Price.of("98"), r.fills().get(0).price());
        assertEquals(Bars.at(2), r.fills().get(0).time());
        assertEquals(money("0.0196"), r.fills().get(0).fee());
    }

    @Test
    void byDefaultAPositionOpenAtTheEndIsReportedOpenNotAsARoundTrip() {
        Bars bars = Bars.of(BTC).bar("100", "100", "100", "100").bar("100", "101", "99", "100").bar("103", "104", "102", "103")
                .bar("104", "106", "103", "105");
        ScriptedStrategy s = new ScriptedStrategy().on(BTC, 1, SignalDirection.LONG);
        BacktestResult r = new Backtester(BacktestConfig.defaults()).run(s, bars.data());
        assertTrue(r.trades().isEmpty());
        assertEquals(1, r.openPositions().size());
        OpenPosition p = r.openPositions().get(0);
        assertEquals(Bars.at(1), p.openTime());
        assertEquals(Price.of("100"), p.entryPrice());
        assertEquals(Price.of("105"), p.markPrice());
        assertEquals(Bars.at(3), p.markTime());
        assertEquals(money("5"), p.unrealizedPnl());
        assertEquals(money("0.1"), p.fees());
        assertEquals(money("99899.9"), r.finalCash());
        assertEquals(money("100004.9"), r.finalEquity(), "cash plus the position at the last close");
        assertEquals(r.finalEquity(), r.equity().equity(r.equity().size() - 1));
        Summary summary = Summary.of(r);
        assertEquals(0, summary.trades());
        assertEquals(1, summary.openPositions());
    }

    @Test
    void optionallyAPositionOpenAtTheEndIsClosedAtTheLastClose() {
        Bars bars = Bars.of(BTC).bar("100", "100", "100", "100").bar("100", "101", "99", "100").bar("103", "104", "102", "103")
                .bar("104", "106", "103", "105");
        ScriptedStrategy s = new ScriptedStrategy().on(BTC, 1, SignalDirection.LONG, "stop_price", "90");
        BacktestResult r = new Backtester(BacktestConfig.defaults().withEndOfData(EndOfData.CLOSE_AT_LAST_CLOSE)).run(s, bars.data());
        assertTrue(r.openPositions().isEmpty());
        RoundTrip t = r.trades().get(0);
        assertEquals(ExitReason.END_OF_DATA, t.exitReason());
        assertEquals(Bars.at(3), t.closeTime());
        assertEquals(Price.of("105"), t.exitPrice());
        assertEquals(money("4.795"), t.pnlAfterFees());
        assertEquals(money("100004.795"), r.finalEquity());
        assertEquals(r.finalEquity(), r.equity().equity(r.equity().size() - 1), "the last equity point is after the close-out");
        assertEquals(r.finalEquity(), r.equity().cash(r.equity().size() - 1));
    }

    @Test
    void equityIsMarkedAtEveryCloseAndDrawdownIsMeasuredFromItsPeak() {
        Bars bars = Bars.of(BTC).bar("100", "100", "100", "100").bar("100", "110", "100", "110").bar("110", "110", "90", "95")
                .bar("95", "120", "95", "120");
        ScriptedStrategy s = new ScriptedStrategy().on(BTC, 1, SignalDirection.LONG);
        BacktestResult r = new Backtester(BacktestConfig.defaults().withExecution(ExecutionModel.DEFAULT.withFeeRate(java.math.BigDecimal.ZERO)))
                .run(s, bars.data());
        EquityCurve e = r.equity();
        assertEquals(4, e.size());
        assertEquals(money("100000"), e.equity(0));
        assertEquals(money("100010"), e.equity(1));
        assertEquals(money("99995"), e.equity(2));
        assertEquals(money("15"), e.drawdown(2));
        assertEquals(money("100020"), e.equity(3));
        assertEquals(money("0"), e.drawdown(3));
        assertEquals(money("15"), e.maxDrawdown());
        assertEquals(money("99900"), e.cash(3));
        assertEquals(new java.math.BigDecimal("0.000150"), Summary.of(r).maxDrawdownPct(), "15 / 100010, 6 decimals");
    }

    @Test
    void dataOfOneInstrumentMustNotOverlap() {
        Bars a = Bars.of(BTC).flat(3);
        Bars b = Bars.of(BTC).barAt(2, "1", "1", "1", "1", "1");
        java.util.List<dev.trader.domain.market.Bar> all = new java.util.ArrayList<>(a.list());
        all.addAll(b.list());
        assertThrows(IllegalArgumentException.class, () -> MarketData.of(all));
    }
}
