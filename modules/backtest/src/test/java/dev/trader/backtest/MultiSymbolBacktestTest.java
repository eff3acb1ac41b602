package dev.trader.backtest;

import static dev.trader.backtest.Bars.BTC;
import static dev.trader.backtest.Bars.ETH;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.trader.domain.id.InstrumentId;
import dev.trader.domain.market.Bar;
import dev.trader.domain.market.Timeframe;
import dev.trader.domain.money.Price;
import dev.trader.domain.signal.SignalDirection;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Several instruments in one run: one timeline, one strategy instance, a state and a position per instrument. */
class MultiSymbolBacktestTest {
    private static final InstrumentId BNB = InstrumentId.parse("binance:BNBUSDT");

    @Test
    void barsAreMergedByOpenTimeThenInstrumentIdWhateverOrderTheyComeIn() {
        List<Bar> all = new ArrayList<>();
        all.addAll(Bars.of(ETH).barAt(0, "10", "10", "10", "10", "1").barAt(1, "11", "11", "11", "11", "1").barAt(3, "13", "13", "13", "13", "1").list());
        all.addAll(Bars.of(BTC).barAt(1, "21", "21", "21", "21", "1").barAt(2, "22", "22", "22", "22", "1").barAt(3, "23", "23", "23", "23", "1").list());
        all.addAll(Bars.of(BNB).barAt(3, "33", "33", "33", "33", "1").barAt(0, "30", "30", "30", "30", "1").list());
        Collections.shuffle(all, new Random(7));
        MarketData data = MarketData.of(all);

        List<String> order = new ArrayList<>();
        for (int i = 0; i < data.size(); i++) {
            Bar b = data.bar(i);
            order.add(b.openTime().toString().substring(14, 16) + " " + b.instrument().symbol());
            assertEquals(b.instrument(), data.instruments().get(data.instrumentIndex(i)));
        }
        assertEquals(List.of("00 BNBUSDT", "00 ETHUSDT", "01 BTCUSDT", "01 ETHUSDT", "02 BTCUSDT", "03 BNBUSDT", "03 BTCUSDT", "03 ETHUSDT"), order);
        assertEquals(List.of(BNB, BTC, ETH), data.instruments());
    }

    @Test
    void eachInstrumentHasItsOwnStrategyStateAndPosition() {
        List<Bar> all = new ArrayList<>();
        all.addAll(Bars.of(BTC).bar("100", "100", "100", "100").bar("101", "101", "101", "101").bar("102", "102", "102", "102")
                .bar("103", "103", "103", "103").bar("104", "104", "104", "104").list());
        // ETH starts two minutes later: its 2nd bar is minute 3
        all.addAll(Bars.of(ETH).barAt(2, "10", "10", "10", "10", "1000").barAt(3, "11", "11", "11", "11", "1000")
                .barAt(4, "12", "12", "12", "12", "1000").list());
        ScriptedStrategy s = new ScriptedStrategy()
                .on(BTC, 2, SignalDirection.LONG).on(BTC, 4, SignalDirection.FLAT)
                .on(ETH, 2, SignalDirection.LONG);
        BacktestResult r = new Backtester(BacktestConfig.defaults()).run(s, MarketData.of(all));

        assertEquals(List.of(
                "BTCUSDT#1@2024-01-01T00:00:00Z/1m", "BTCUSDT#2@2024-01-01T00:01:00Z/1m",
                "BTCUSDT#3@2024-01-01T00:02:00Z/1m", "ETHUSDT#1@2024-01-01T00:02:00Z/1m",
                "BTCUSDT#4@2024-01-01T00:03:00Z/1m", "ETHUSDT#2@2024-01-01T00:03:00Z/1m",
                "BTCUSDT#5@2024-01-01T00:04:00Z/1m", "ETHUSDT#3@2024-01-01T00:04:00Z/1m"), s.seen, "each state counts its own bars");
        assertEquals(1, r.trades().size());
        RoundTrip btc = r.trades().get(0);
        assertEquals(BTC, btc.instrument());
        assertEquals(Price.of("102"), btc.entryPrice());
        assertEquals(Price.of("104"), btc.exitPrice());
        assertEquals(1, r.openPositions().size());
        OpenPosition eth = r.openPositions().get(0);
        assertEquals(ETH, eth.instrument());
        assertEquals(Price.of("12"), eth.entryPrice(), "ETH's own 2nd bar decided, its next open filled");
        // equity: one point per timestamp, both positions marked
        assertEquals(5, r.equity().size());
        assertEquals(FillRulesTest.money("100001.782"), r.finalEquity(), "100000 + (104 - 102) - 0.206 + (12 - 12) - 0.012");
    }

    @Test
    void aHigherTimeframeStrategySeesEachBarOnceClosedAndIsFilledAtTheNextBaseOpen() {
        Bars bars = Bars.of(BTC);
        for (int m = 0; m < 12; m++) {
            String p = Integer.toString(100 + m);
            bars.bar(p, p, p, p);
        }
        ScriptedStrategy s = new ScriptedStrategy(Timeframe.M5).on(BTC, 1, SignalDirection.LONG);
        BacktestResult r = new Backtester(BacktestConfig.defaults()).run(s, bars.data());
        assertEquals(List.of("BTCUSDT#1@2024-01-01T00:00:00Z/5m", "BTCUSDT#2@2024-01-01T00:05:00Z/5m"), s.seen,
                "5m bars, each shown when its last 1m bar closes");
        assertEquals(Bars.at(5), r.fills().get(0).time(), "decided at 00:05 (the first 5m close), bought at the 00:05 1m open");
        assertEquals(Price.of("105"), r.fills().get(0).price());
    }
}
