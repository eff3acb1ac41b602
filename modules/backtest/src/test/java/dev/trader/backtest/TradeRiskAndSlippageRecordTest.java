package dev.trader.backtest;

import static dev.trader.backtest.Bars.BTC;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.trader.domain.money.Money;
import dev.trader.domain.money.Price;
import dev.trader.domain.signal.SignalDirection;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A round trip carries the stop its entry placed (the "1R" of R multiples) and what slippage and
 * half the spread cost on its taker fills; progress is reported at each tenth of the bars.
 */
class TradeRiskAndSlippageRecordTest {

    @Test
    void theEntrysStopIsTheTradesInitialStop() {
        Bars bars = Bars.of(BTC).bar("100", "101", "99", "100").bar("100", "101", "96", "100").bar("99", "100", "95", "96");
        ScriptedStrategy s = new ScriptedStrategy().on(BTC, 1, SignalDirection.LONG, "stop_price", "95.5");
        RoundTrip t = new Backtester(BacktestConfig.defaults()).run(s, bars.data()).trades().get(0);
        assertEquals(Price.of("95.5"), t.initialStop());
        assertEquals(Money.zero("USDT"), t.slippage(), "no slippage configured");
    }

    @Test
    void anEntryWithoutAStopHasNone() {
        Bars bars = Bars.of(BTC).bar("100", "101", "99", "100").bar("102", "103", "101", "102").bar("104", "105", "103", "104");
        ScriptedStrategy s = new ScriptedStrategy().on(BTC, 1, SignalDirection.LONG).on(BTC, 2, SignalDirection.FLAT);
        assertNull(new Backtester(BacktestConfig.defaults()).run(s, bars.data()).trades().get(0).initialStop());
    }

    /**
     * 10 bps slippage and a 4 bps spread: takers pay 12 bps. Buy at the open 102 → 102.1224
     * (cost 0.1224 on 1), sell at the open 104 → 103.8752 (cost 0.1248): 0.2472.
     */
    @Test
    void slippageCostIsTheTakerFillsDistanceFromTheirReferencePrices() {
        Bars bars = Bars.of(BTC).bar("100", "101", "99", "100").bar("102", "103", "101", "102").bar("104", "105", "103", "104");
        ScriptedStrategy s = new ScriptedStrategy().on(BTC, 1, SignalDirection.LONG).on(BTC, 2, SignalDirection.FLAT);
        BacktestConfig config = BacktestConfig.defaults().withExecution(ExecutionModel.DEFAULT.withSlippageBps(BigDecimal.TEN)
                .withSpreadBps(new BigDecimal("4")));
        RoundTrip t = new Backtester(config).run(s, bars.data()).trades().get(0);
        assertEquals(Price.of("102.1224"), t.entryPrice());
        assertEquals(Price.of("103.8752"), t.exitPrice());
        assertEquals(Money.of("0.2472", "USDT"), t.slippage());
    }

    @Test
    void progressIsReportedAtEachTenthAndAtTheEnd() {
        Bars bars = Bars.of(BTC);
        for (int i = 0; i < 100; i++) {
            bars.bar("100", "101", "99", "100");
        }
        List<Long> done = new ArrayList<>();
        new Backtester(BacktestConfig.defaults()).run(new ScriptedStrategy(), bars.data(), (d, total) -> {
            assertEquals(100, total);
            done.add(d);
        });
        assertEquals(List.of(10L, 20L, 30L, 40L, 50L, 60L, 70L, 80L, 90L, 100L), done);
    }
}
