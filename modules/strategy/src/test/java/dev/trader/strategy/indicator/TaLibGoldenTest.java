package dev.trader.strategy.indicator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.DoubleSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Our indicators against TA-Lib 0.6's own outputs (see {@code src-shared/test-data/golden/SOURCE.md}):
 * every value after the warm-up within 1e-9 relative, NaN exactly where TA-Lib's cell is empty,
 * and {@code isReady()} turning true on that same bar. The golden files' own OHLCV columns are
 * the input. The max relative error per column is printed to the test output.
 */
class TaLibGoldenTest {
    private static final String ONE_HOUR = "/golden/BTCUSDT-1h-2022-talib-first2000.csv.gz";
    private static final String FULL_YEAR = "BTCUSDT-1h-2022-01-01_2023-01-01-talib.csv.gz";
    private static final String FIFTEEN_MINUTES = "/golden/talib-btcusdt-15m/BTCUSDT_15m";

    @AfterAll
    static void printReport() {
        System.out.println(Golden.report());
    }

    @Test
    void oneHourBtcusdtFirst2000Bars() {
        checkOneHourFile(GoldenCsv.resource(ONE_HOUR), "1h-first2000");
    }

    /**
     * The whole of 2022 (8,760 bars) from the shared data set, which lives outside the project: a
     * developer's clone without {@code ../shared/data} skips this test.
     */
    @Test
    void oneHourBtcusdtFullYearWhenTheSharedDataSetIsPresent() {
        Optional<Path> file = sharedGolden(FULL_YEAR);
        assumeTrue(file.isPresent(), "shared data set not present: ../shared/data/golden/" + FULL_YEAR);
        GoldenCsv csv = GoldenCsv.file(file.get());
        assertEquals(8760, csv.size(), "a year of hourly bars");
        checkOneHourFile(csv, "1h-full-year");
    }

    @Test
    void fifteenMinuteBtcusdtFiles() {
        GoldenCsv bars = GoldenCsv.resource(FIFTEEN_MINUTES + ".csv.gz");
        double[] close = bars.numbers("close");
        String[] time = bars.text("time");

        Sma sma9 = new Sma(9);
        Ema ema21 = new Ema(21);
        Rsi rsi9 = new Rsi(9);
        Macd macd = new Macd(12, 26, 9);
        BollingerBands bb5 = new BollingerBands(5, 2.0);
        List<Probe> probes = List.of(
                new Probe("SMA9", "sma9", sma9::value, sma9::isReady, 8),
                new Probe("EMA21", "ema21", ema21::value, ema21::isReady, 20),
                new Probe("RSI9", "rsi", rsi9::value, rsi9::isReady, 9),
                new Probe("MACD_12_26_9", "macd", macd::line, macd::isReady, 33),
                new Probe("MACD_12_26_9", "macdsignal", macd::signal, macd::isReady, 33),
                new Probe("MACD_12_26_9", "macdhist", macd::histogram, macd::isReady, 33),
                new Probe("BBANDS5", "upperband", bb5::upper, bb5::isReady, 4),
                new Probe("BBANDS5", "middleband", bb5::middle, bb5::isReady, 4),
                new Probe("BBANDS5", "lowerband", bb5::lower, bb5::isReady, 4));
        probes.forEach(p -> p.allocate(close.length));
        for (int i = 0; i < close.length; i++) {
            sma9.update(close[i]);
            ema21.update(close[i]);
            rsi9.update(close[i]);
            macd.update(close[i]);
            bb5.update(close[i]);
            for (Probe p : probes) {
                p.sample(i);
            }
        }
        for (Probe p : probes) {
            GoldenCsv golden = GoldenCsv.resource(FIFTEEN_MINUTES + "_" + p.file + ".csv.gz");
            assertArrayEquals(time, golden.text("time"), p.file + " is aligned with the bars");
            p.check("15m " + p.file + "." + p.column, golden.numbers(p.column));
        }
    }

    /** All TA-Lib columns of the 1h file (the 2,000-bar slice and the full year share the layout). */
    static void checkOneHourFile(GoldenCsv csv, String tag) {
        double[] open = csv.numbers("open");
        double[] high = csv.numbers("high");
        double[] low = csv.numbers("low");
        double[] close = csv.numbers("close");
        double[] volume = csv.numbers("volume");

        Sma sma20 = new Sma(20);
        Ema ema20 = new Ema(20);
        Rsi rsi14 = new Rsi(14);
        Atr atr14 = new Atr(14);
        Macd macd = new Macd(12, 26, 9);
        Adx adx14 = new Adx(14);
        BollingerBands bb20 = new BollingerBands(20, 2.0);
        Sma sma9 = new Sma(9);
        Ema ema21 = new Ema(21);
        Rsi rsi9 = new Rsi(9);
        BollingerBands bb5 = new BollingerBands(5, 2.0);
        // The expected first index is TA-Lib's lookback; the brief's "first value at the n-th bar".
        List<Probe> probes = List.of(
                new Probe("sma_20", sma20::value, sma20::isReady, 19),
                new Probe("ema_20", ema20::value, ema20::isReady, 19),
                new Probe("rsi_14", rsi14::value, rsi14::isReady, 14),
                new Probe("atr_14", atr14::value, atr14::isReady, 14),
                new Probe("macd_12_26_9", macd::line, macd::isReady, 33),
                new Probe("macd_signal", macd::signal, macd::isReady, 33),
                new Probe("macd_hist", macd::histogram, macd::isReady, 33),
                new Probe("adx_14", adx14::adx, adx14::isReady, 27),
                new Probe("plus_di_14", adx14::plusDi, () -> !Double.isNaN(adx14.plusDi()), 14),
                new Probe("minus_di_14", adx14::minusDi, () -> !Double.isNaN(adx14.minusDi()), 14),
                new Probe("bb_upper_20_2", bb20::upper, bb20::isReady, 19),
                new Probe("bb_middle_20_2", bb20::middle, bb20::isReady, 19),
                new Probe("bb_lower_20_2", bb20::lower, bb20::isReady, 19),
                new Probe("sma_9", sma9::value, sma9::isReady, 8),
                new Probe("ema_21", ema21::value, ema21::isReady, 20),
                new Probe("rsi_9", rsi9::value, rsi9::isReady, 9),
                new Probe("bb_upper_5_2", bb5::upper, bb5::isReady, 4),
                new Probe("bb_middle_5_2", bb5::middle, bb5::isReady, 4),
                new Probe("bb_lower_5_2", bb5::lower, bb5::isReady, 4));
        probes.forEach(p -> p.allocate(close.length));
        for (int i = 0; i < close.length; i++) {
            sma20.update(close[i]);
            ema20.update(close[i]);
            rsi14.update(close[i]);
            atr14.update(open[i], high[i], low[i], close[i], volume[i]);
            macd.update(close[i]);
            adx14.update(open[i], high[i], low[i], close[i], volume[i]);
            bb20.update(close[i]);
            sma9.update(close[i]);
            ema21.update(close[i]);
            rsi9.update(close[i]);
            bb5.update(close[i]);
            for (Probe p : probes) {
                p.sample(i);
            }
        }
        for (Probe p : probes) {
            p.check(tag + " " + p.column, csv.numbers(p.column));
        }
        // warmUp() is the count of inputs before the first value: the first value's index + 1.
        assertEquals(20, sma20.warmUp());
        assertEquals(20, ema20.warmUp());
        assertEquals(15, rsi14.warmUp());
        assertEquals(15, atr14.warmUp());
        assertEquals(34, macd.warmUp());
        assertEquals(28, adx14.warmUp());
        assertEquals(15, adx14.diWarmUp());
        assertEquals(20, bb20.warmUp());
    }

    /**
     * {@code ../shared/data/golden/<name>} seen from the project root: the first ancestor of the
     * working directory (the module when Maven runs the test) that has it.
     */
    static Optional<Path> sharedGolden(String name) {
        for (Path dir = Paths.get("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared").resolve("data").resolve("golden").resolve(name);
            if (Files.isRegularFile(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** One output series of one indicator, sampled after every input. */
    static final class Probe {
        final String file;
        final String column;
        final DoubleSupplier output;
        final BooleanSupplier ready;
        final int expectedFirst;
        double[] values;
        int readyAt = -1;

        Probe(String column, DoubleSupplier output, BooleanSupplier ready, int expectedFirst) {
            this("", column, output, ready, expectedFirst);
        }

        Probe(String file, String column, DoubleSupplier output, BooleanSupplier ready, int expectedFirst) {
            this.file = file;
            this.column = column;
            this.output = output;
            this.ready = ready;
            this.expectedFirst = expectedFirst;
        }

        void allocate(int n) {
            values = new double[n];
        }

        void sample(int i) {
            values[i] = output.getAsDouble();
            if (readyAt < 0 && ready.getAsBoolean()) {
                readyAt = i;
            }
        }

        void check(String label, double[] reference) {
            assertEquals(expectedFirst, Golden.firstValue(reference), label + ": TA-Lib's first value");
            assertEquals(expectedFirst, Golden.firstValue(values), label + ": our first value");
            assertEquals(expectedFirst, readyAt, label + ": isReady() from the first value on");
            Golden.assertMatches(label, values, reference, Golden.TALIB_TOLERANCE);
        }
    }
}
