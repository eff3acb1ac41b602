package dev.trader.backtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import dev.trader.domain.money.Money;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The backtester running the shipped R1 strategy produces, row for row, the round trips of an
 * independent implementation of R1 ({@link R1Reference}) on real Binance 1m candles: the bundled
 * samples always, every shared real 1m file when the data set is present.
 */
class R1AgainstIndependentImplementationTest {

    @Test
    void bundledBtcSampleTradesEqualTheIndependentImplementation() throws Exception {
        assertSameTrades(TestData.BTC_SAMPLE);
    }

    @Test
    void bundledEthSampleTradesEqualTheIndependentImplementation() throws Exception {
        assertSameTrades(TestData.ETH_SAMPLE);
    }

    @Test
    void everySharedReal1mFileTradesEqualTheIndependentImplementation() throws Exception {
        List<Path> files = TestData.shared1m();
        assumeFalse(files.isEmpty(), "shared real data not present at " + TestData.SHARED_1M);
        for (Path file : files) {
            assertSameTrades(file);
        }
    }

    /** Pinned once the independent implementation agreed: a change here is a change in behaviour. */
    @Test
    void bundledSamplesKeepTheirPinnedTradeCountAndNetPnl() throws Exception {
        assertPinned(TestData.BTC_SAMPLE, 186, "-7528.34455711");
        assertPinned(TestData.ETH_SAMPLE, 188, "-589.53027699");
    }

    private static void assertPinned(Path file, int trades, String netPnl) throws Exception {
        BacktestResult result = backtest(file);
        Summary summary = Summary.of(result);
        assertEquals(trades, summary.trades(), file + ": round trips");
        assertEquals(Money.of(netPnl, "USDT"), summary.netPnl(), file + ": net P&L after fees");
        assertEquals(0, new BigDecimal(netPnl).compareTo(R1Reference.netPnl(R1Reference.trades(R1Reference.read(file)))),
                file + ": the independent implementation's net P&L");
    }

    private static void assertSameTrades(Path file) throws Exception {
        List<String> expected = R1Reference.trades(R1Reference.read(file));
        LoadedData loaded = MarketDataLoader.load(List.of(file));
        assertEquals(0, loaded.rejected(), file + ": every row is a bar, as the independent reader assumes");
        List<String> actual = r1Columns(new Backtester(BacktestConfig.defaults()).run(TestData.r1(), loaded.data()));
        assertFalse(expected.isEmpty(), file + ": R1 trades at all");
        for (int i = 0; i < Math.min(expected.size(), actual.size()); i++) {
            assertEquals(expected.get(i), actual.get(i), file + ": round trip " + (i + 1) + " (open_time,close_time,entry_price,exit_price,qty,pnl,pnl_after_fees)");
        }
        assertEquals(expected.size(), actual.size(), file + ": number of round trips");
        System.out.printf("%s: %d round trips identical, net %s%n", file.getFileName(), actual.size(), R1Reference.netPnl(expected).toPlainString());
    }

    static BacktestResult backtest(Path file) throws Exception {
        return new Backtester(BacktestConfig.defaults()).run(TestData.r1(), MarketDataLoader.load(List.of(file)).data());
    }

    /** The R1 columns of the backtester's trades.csv rows. */
    static List<String> r1Columns(BacktestResult result) {
        List<String> rows = new ArrayList<>();
        for (RoundTrip t : result.trades()) {
            String[] f = TradesCsvWriter.row(t).split(",");
            rows.add(String.join(",", f[0], f[1], f[2], f[3], f[4], f[5], f[6]));
        }
        return rows;
    }
}
