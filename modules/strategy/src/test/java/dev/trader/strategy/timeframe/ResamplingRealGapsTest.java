package dev.trader.strategy.timeframe;

import static dev.trader.strategy.timeframe.Candles.BTC;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.trader.domain.market.Bar;
import dev.trader.domain.market.Timeframe;
import dev.trader.domain.money.Price;
import dev.trader.domain.money.Quantity;
import dev.trader.strategy.timeframe.Candles.Bucket;
import dev.trader.strategy.timeframe.Candles.Row;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Resampling across the real gaps of the Binance 1m data: the 2023-03-24 spot outage (no
 * candles 12:40-13:59, and 11:40-12:39 are flat zero-volume outage candles) and the 2021-04-20
 * (02:00-04:29) and 2021-04-25 (04:01-08:44) maintenance windows. Expected values are computed
 * here with BigDecimal from the same rows, and for 2023 also taken from Binance's own 1h klines.
 */
class ResamplingRealGapsTest {
    private static final String OUTAGE_2023 = "/market/BTC_USDT-1m_20230324-outage.json.gz";
    private static final String KLINES_1H_2023 = "/market/BTCUSDT-1h-20230320-20230331.csv.gz";
    private static final String MAINTENANCE_20210420 = "/market/BTC_USDT-1m_20210420-maintenance.json.gz";
    private static final String MAINTENANCE_20210425 = "/market/BTC_USDT-1m_20210425-maintenance.json.gz";

    private static List<ResampledBar> resample(List<Row> rows, Timeframe target, GapPolicy policy) {
        BarResampler r = new BarResampler(BTC, Timeframe.M1, target, policy);
        List<ResampledBar> out = new ArrayList<>();
        for (Row row : rows) {
            out.addAll(r.onBaseBar(row.toBar(Timeframe.M1)));
        }
        return out;
    }

    /**
     * The buckets a resampler must emit under SKIP: every bucket with a row, except the last one
     * if the rows end before it closes.
     */
    private static TreeMap<Long, Bucket> closedBuckets(List<Row> rows, Timeframe tf) {
        TreeMap<Long, Bucket> all = Candles.rollUp(rows, tf);
        long end = rows.get(rows.size() - 1).openMs() + Timeframe.M1.millis();
        if (all.lastKey() + tf.millis() > end) {
            all.remove(all.lastKey());
        }
        return all;
    }

    private static void assertSkipMatchesIndependentRollUp(List<Row> rows, Timeframe tf) {
        List<ResampledBar> out = resample(rows, tf, GapPolicy.SKIP);
        TreeMap<Long, Bucket> expected = closedBuckets(rows, tf);
        assertEquals(expected.size(), out.size(), tf.label() + ": one bar per bucket that had any base bar, no fake bars");
        int i = 0;
        for (Bucket b : expected.values()) {
            ResampledBar r = out.get(i++);
            assertFalse(r.carriedForward());
            assertTrue(Candles.sameValues(r.bar(), b.row()), tf.label() + " " + r.bar() + " vs " + b.row());
            assertEquals(b.count(), r.baseBarsInBucket(), r.bar().toString());
            assertEquals(tf, r.bar().timeframe());
        }
    }

    @Test
    void outage2023UnderSkipHasOneHourlyBarPerHourWithTradesAndMatchesBinanceKlines() {
        List<Row> rows = Candles.freqtradeJsonResource(OUTAGE_2023);
        assertEquals(280, rows.size());
        List<ResampledBar> hours = resample(rows, Timeframe.H1, GapPolicy.SKIP);

        long distinctHours = rows.stream().map(r -> Timeframe.H1.alignedOpen(r.openTime())).distinct().count();
        assertEquals(5, distinctHours);
        assertEquals(distinctHours, hours.size());
        assertEquals(List.of("10:00", "11:00", "12:00", "14:00", "15:00"),
                hours.stream().map(r -> r.bar().openTime().toString().substring(11, 16)).toList());
        assertEquals(List.of(60, 60, 40, 60, 60), hours.stream().map(ResampledBar::baseBarsInBucket).toList());

        // Binance's own 1h klines of those hours (the 13:00 hour is missing there too)
        Map<Long, Row> klines = Candles.klinesCsvResource(KLINES_1H_2023).stream()
                .filter(k -> !k.openTime().isBefore(Instant.parse("2023-03-24T10:00:00Z")) && k.openTime().isBefore(Instant.parse("2023-03-24T16:00:00Z")))
                .collect(Collectors.toMap(Row::openMs, k -> k));
        assertEquals(5, klines.size());
        for (ResampledBar h : hours) {
            Row k = klines.get(h.bar().openTime().toEpochMilli());
            assertTrue(Candles.sameValues(h.bar(), k), h.bar() + " vs kline " + k);
        }
        // two spelled out: the busy 10:00 hour, and 12:00, whose 40 flat outage candles equal Binance's flat kline
        assertEquals(new Bar(BTC, Timeframe.H1, Instant.parse("2023-03-24T10:00:00Z"), Price.of("28041.11"), Price.of("28085.06"),
                Price.of("27941.00"), Price.of("28039.71"), Quantity.of("3639.24610000")), hours.get(0).bar());
        Price flat = Price.of("28080");
        assertEquals(new Bar(BTC, Timeframe.H1, Instant.parse("2023-03-24T12:00:00Z"), flat, flat, flat, flat, Quantity.ZERO), hours.get(2).bar());
    }

    @Test
    void outage2023TheTwelveOClockHourClosesLateWhenTradingResumes() {
        List<Row> rows = Candles.freqtradeJsonResource(OUTAGE_2023);
        BarResampler r = new BarResampler(BTC, Timeframe.M1, Timeframe.H1);
        for (Row row : rows) {
            List<ResampledBar> out = r.onBaseBar(row.toBar(Timeframe.M1));
            if (row.openTime().equals(Instant.parse("2023-03-24T12:39:00Z"))) {
                assertTrue(out.isEmpty(), "12:39 is not the end of the hour: the resampler cannot know trading stopped");
            }
            if (row.openTime().equals(Instant.parse("2023-03-24T14:00:00Z"))) {
                assertEquals(1, out.size());
                assertEquals(Instant.parse("2023-03-24T12:00:00Z"), out.get(0).bar().openTime());
                return;
            }
        }
        throw new AssertionError("no 14:00 bar in the fixture");
    }

    @Test
    void outage2023UnderCarryForwardFillsTheMissingHourAndFlagsIt() {
        List<Row> rows = Candles.freqtradeJsonResource(OUTAGE_2023);
        List<ResampledBar> skip = resample(rows, Timeframe.H1, GapPolicy.SKIP);
        List<ResampledBar> carry = resample(rows, Timeframe.H1, GapPolicy.CARRY_FORWARD);

        assertEquals(6, carry.size());
        List<ResampledBar> filled = carry.stream().filter(ResampledBar::carriedForward).toList();
        assertEquals(1, filled.size());
        Price flat = Price.of("28080");
        assertEquals(new Bar(BTC, Timeframe.H1, Instant.parse("2023-03-24T13:00:00Z"), flat, flat, flat, flat, Quantity.ZERO), filled.get(0).bar());
        assertEquals(skip, carry.stream().filter(r -> !r.carriedForward()).toList(), "the traded hours are the same under both policies");

        List<ResampledBar> fives = resample(rows, Timeframe.M5, GapPolicy.CARRY_FORWARD);
        assertEquals(72, fives.size(), "10:00-15:55, every 5 minutes");
        assertEquals(16, fives.stream().filter(ResampledBar::carriedForward).count(), "12:40-13:55");
        assertEquals(56, resample(rows, Timeframe.M5, GapPolicy.SKIP).size());
    }

    @ParameterizedTest
    @ValueSource(strings = {OUTAGE_2023, MAINTENANCE_20210420, MAINTENANCE_20210425})
    void everyTimeframeUnderSkipEqualsTheIndependentRollUp(String fixture) {
        List<Row> rows = Candles.freqtradeJsonResource(fixture);
        for (Timeframe tf : List.of(Timeframe.M5, Timeframe.M15, Timeframe.H1, Timeframe.H4)) {
            assertSkipMatchesIndependentRollUp(rows, tf);
        }
    }

    @Test
    void maintenance20210420HasNoBarsForTheTwoDeadHoursUnderSkipAndFlaggedOnesUnderCarryForward() {
        List<Row> rows = Candles.freqtradeJsonResource(MAINTENANCE_20210420);
        assertEquals(270, rows.size());
        List<ResampledBar> skip = resample(rows, Timeframe.H1, GapPolicy.SKIP);
        assertEquals(List.of("00:00", "01:00", "04:00", "05:00", "06:00"), hoursOf(skip));
        assertEquals(30, skip.get(2).baseBarsInBucket(), "04:30-04:59");

        List<ResampledBar> carry = resample(rows, Timeframe.H1, GapPolicy.CARRY_FORWARD);
        assertEquals(List.of("00:00", "01:00", "02:00", "03:00", "04:00", "05:00", "06:00"), hoursOf(carry));
        assertEquals(List.of("02:00", "03:00"), hoursOf(carry.stream().filter(ResampledBar::carriedForward).toList()));
        Price lastClose = skip.get(1).bar().close();
        for (ResampledBar f : carry.subList(2, 4)) {
            assertEquals(lastClose, f.bar().open());
            assertEquals(lastClose, f.bar().high());
            assertEquals(lastClose, f.bar().low());
            assertEquals(lastClose, f.bar().close());
            assertTrue(f.bar().volume().isZero());
        }
    }

    @Test
    void maintenance20210425HasASingleCandleHourThenThreeDeadHours() {
        List<Row> rows = Candles.freqtradeJsonResource(MAINTENANCE_20210425);
        assertEquals(256, rows.size());
        List<ResampledBar> skip = resample(rows, Timeframe.H1, GapPolicy.SKIP);
        assertEquals(List.of("02:00", "03:00", "04:00", "08:00", "09:00", "10:00"), hoursOf(skip));
        ResampledBar single = skip.get(2);
        assertEquals(1, single.baseBarsInBucket());
        Row fourOClock = rows.stream().filter(r -> r.openTime().equals(Instant.parse("2021-04-25T04:00:00Z"))).findFirst().orElseThrow();
        assertTrue(Candles.sameValues(single.bar(), fourOClock), "an hour of one candle is that candle: " + single.bar());
        assertEquals(15, skip.get(3).baseBarsInBucket(), "08:45-08:59");

        List<ResampledBar> carry = resample(rows, Timeframe.H1, GapPolicy.CARRY_FORWARD);
        assertEquals(List.of("05:00", "06:00", "07:00"), hoursOf(carry.stream().filter(ResampledBar::carriedForward).toList()));
        assertEquals(9, carry.size());
        for (ResampledBar f : carry.subList(3, 6)) {
            assertEquals(Price.of(fourOClock.close()), f.bar().close());
        }
        // 4h: 00:00 (02:00-03:59 here) closes on time; 04:00-07:59 has one candle and closes late, at 08:45,
        // as a real (not filled) bar; 08:00-11:59 is still open when the fixture ends at 10:59
        List<ResampledBar> four = resample(rows, Timeframe.H4, GapPolicy.CARRY_FORWARD);
        assertEquals(List.of("00:00", "04:00"), hoursOf(four));
        assertFalse(four.get(1).carriedForward());
        assertEquals(1, four.get(1).baseBarsInBucket());
    }

    private static List<String> hoursOf(List<ResampledBar> bars) {
        return bars.stream().map(r -> r.bar().openTime().toString().substring(11, 16)).toList();
    }

    // --- whole files from the shared data set; skipped where it is not present -------------

    private static Path shared(String relative) {
        Path file = Candles.SHARED_DATA.resolve(relative);
        assumeTrue(Files.isReadable(file), () -> "shared market data not available at " + file);
        return file;
    }

    /**
     * The whole 2023 file rolled up to 1h and 1d equals Binance's 1h and 1d klines, bar for bar
     * (the first bucket excepted: the file starts at 22:15, inside it).
     */
    @Test
    void whole2023FileRolledUpEqualsTheBinanceKlines() {
        List<Row> rows = Candles.freqtradeJsonFile(shared("binance-spot-1m/BTC_USDT-1m_20230316-20230501.json.gz"));
        assertEquals(66_087, rows.size());
        Map<Long, Row> h1 = Candles.klinesCsvFile(shared("binance-spot-klines/BTCUSDT-1h-2022-2024.csv.gz")).stream()
                .collect(Collectors.toMap(Row::openMs, r -> r));
        Map<Long, Row> d1 = Candles.klinesCsvFile(shared("binance-spot-klines/BTCUSDT-1d-to-2024.csv.gz")).stream()
                .collect(Collectors.toMap(Row::openMs, r -> r));
        MultiTimeframe mtf = new MultiTimeframe(BTC, Timeframe.M1, EnumSet.of(Timeframe.H1, Timeframe.D1), 1);
        int hours = 0;
        int days = 0;
        boolean firstHour = true;
        boolean firstDay = true;
        for (Row row : rows) {
            for (Bar b : mtf.onBaseBar(row.toBar(Timeframe.M1))) {
                if (b.timeframe() == Timeframe.H1) {
                    if (!firstHour) {
                        assertTrue(Candles.sameValues(b, h1.get(b.openTime().toEpochMilli())), b.toString());
                    }
                    firstHour = false;
                    hours++;
                } else if (b.timeframe() == Timeframe.D1) {
                    if (!firstDay) {
                        assertTrue(Candles.sameValues(b, d1.get(b.openTime().toEpochMilli())), b.toString());
                    }
                    firstDay = false;
                    days++;
                }
            }
        }
        assertEquals(closedBuckets(rows, Timeframe.H1).size(), hours);
        assertEquals(1102, hours, "1103 distinct hours, the last (2 candles) never closes; 13:00 on 03-24 has none");
        assertEquals(46, days);
    }

    /** The whole 2021 file: no bars for the 5 dead hours under SKIP, 5 flagged ones under CARRY_FORWARD, gap days equal the 1d klines. */
    @Test
    void whole2021FileAcrossBothMaintenanceWindows() {
        List<Row> rows = Candles.freqtradeJsonFile(shared("binance-spot-1m/BTC_USDT-1m_20210402-20210514.json.gz"));
        assertSkipMatchesIndependentRollUp(rows, Timeframe.H1);
        List<ResampledBar> carry = resample(rows, Timeframe.H1, GapPolicy.CARRY_FORWARD);
        assertEquals(List.of(Instant.parse("2021-04-20T02:00:00Z"), Instant.parse("2021-04-20T03:00:00Z"), Instant.parse("2021-04-25T05:00:00Z"),
                        Instant.parse("2021-04-25T06:00:00Z"), Instant.parse("2021-04-25T07:00:00Z")),
                carry.stream().filter(ResampledBar::carriedForward).map(r -> r.bar().openTime()).toList());
        assertEquals(closedBuckets(rows, Timeframe.H1).size() + 5, carry.size());

        Map<Long, Row> d1 = Candles.klinesCsvFile(shared("binance-spot-klines/BTCUSDT-1d-to-2024.csv.gz")).stream()
                .collect(Collectors.toMap(Row::openMs, r -> r));
        List<ResampledBar> days = resample(rows, Timeframe.D1, GapPolicy.SKIP);
        for (String day : List.of("2021-04-20T00:00:00Z", "2021-04-25T00:00:00Z")) {
            ResampledBar bar = days.stream().filter(r -> r.bar().openTime().equals(Instant.parse(day))).findFirst().orElseThrow();
            assertTrue(bar.baseBarsInBucket() < 1440);
            assertTrue(Candles.sameValues(bar.bar(), d1.get(bar.bar().openTime().toEpochMilli())), bar.bar().toString());
        }
    }
}
