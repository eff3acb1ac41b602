package dev.trader.backtest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Same data, strategy and configuration: byte-identical files, in the documented layout. */
class BacktestDeterminismTest {
    @TempDir
    Path dir;

    @Test
    void twoRunsWriteByteIdenticalTradesEquityAndSummary() throws Exception {
        BacktestConfig config = BacktestConfig.defaults().withExecution(ExecutionModel.DEFAULT
                .withMaxParticipation(new BigDecimal("0.01")).withSlippageBps(new BigDecimal("2")).withSpreadBps(new BigDecimal("1")));
        for (String run : List.of("a", "b")) {
            // everything from scratch each time: reading, merging, the strategy
            LoadedData data = MarketDataLoader.load(List.of(TestData.ETH_SAMPLE, TestData.BTC_SAMPLE));
            BacktestReport.write(new Backtester(config).run(TestData.r1(), data.data()), dir.resolve(run));
        }
        for (String file : List.of(BacktestReport.TRADES, BacktestReport.EQUITY, BacktestReport.SUMMARY)) {
            byte[] a = Files.readAllBytes(dir.resolve("a").resolve(file));
            byte[] b = Files.readAllBytes(dir.resolve("b").resolve(file));
            assertTrue(a.length > 100, file + " has content");
            assertArrayEquals(a, b, file);
        }
    }

    @Test
    void theFilesHaveTheDocumentedColumnsAndOneEquityRowPerTimestamp() throws Exception {
        LoadedData data = MarketDataLoader.load(List.of(TestData.BTC_SAMPLE, TestData.ETH_SAMPLE));
        BacktestResult result = new Backtester(BacktestConfig.defaults()).run(TestData.r1(), data.data());
        BacktestReport.write(result, dir);

        List<String> trades = Files.readAllLines(dir.resolve("trades.csv"), StandardCharsets.UTF_8);
        assertEquals("open_time,close_time,entry_price,exit_price,qty,pnl,pnl_after_fees,fees,instrument,exit_reason,initial_stop,slippage",
                trades.get(0));
        assertEquals(186 + 188 + 1, trades.size(), "the two samples' round trips, as each alone");
        assertTrue(trades.stream().skip(1).allMatch(l -> l.split(",").length == 12));
        assertTrue(trades.stream().anyMatch(l -> l.contains(",binance:ETHUSDT,stop,")));
        assertTrue(trades.stream().anyMatch(l -> l.contains(",binance:BTCUSDT,signal,")));
        assertTrue(trades.stream().skip(1).allMatch(l -> l.endsWith(",0")), "no slippage in the default configuration");

        List<String> equity = Files.readAllLines(dir.resolve("equity.csv"), StandardCharsets.UTF_8);
        assertEquals("time,cash,equity,drawdown", equity.get(0));
        assertEquals(10_080 + 1, equity.size(), "one row per minute of the week, both instruments marked in it");
        assertEquals("2023-03-17T00:00:00Z,100000,100000,0", equity.get(1));

        String summary = Files.readString(dir.resolve("summary.json"), StandardCharsets.UTF_8);
        for (String key : List.of("\"trades\": 374", "\"net_pnl\": -8117.8748341", "\"fees\": ", "\"win_rate\": ", "\"max_drawdown\": ",
                "\"instruments\": [\"binance:BTCUSDT\", \"binance:ETHUSDT\"]", "\"open_positions\": ")) {
            assertTrue(summary.contains(key), key + " in " + summary);
        }
    }
}
