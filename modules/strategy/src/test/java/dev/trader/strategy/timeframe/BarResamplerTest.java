package dev.trader.strategy.timeframe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trader.domain.id.InstrumentId;
import dev.trader.domain.market.Bar;
import dev.trader.domain.market.Timeframe;
import dev.trader.domain.money.Price;
import dev.trader.domain.money.Quantity;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BarResamplerTest {
    private static final InstrumentId BTC = InstrumentId.parse("binance:BTCUSDT");
    private static final Instant T0 = Instant.parse("2024-01-01T10:00:00Z");

    /** A 1m bar {@code minute} minutes after 10:00 with the given prices and volume. */
    private static Bar m1(int minute, String o, String h, String l, String c, String v) {
        return new Bar(BTC, Timeframe.M1, T0.plusSeconds(60L * minute), Price.of(o), Price.of(h), Price.of(l), Price.of(c), Quantity.of(v));
    }

    /** A flat 1m bar at {@code price} with volume 1. */
    private static Bar m1(int minute, String price) {
        return m1(minute, price, price, price, price, "1");
    }

    private static List<ResampledBar> feed(BarResampler r, Bar... bars) {
        List<ResampledBar> out = new ArrayList<>();
        for (Bar b : bars) {
            out.addAll(r.onBaseBar(b));
        }
        return out;
    }

    @Test
    void aggregatesOpenHighLowCloseAndVolumeExactly() {
        BarResampler r = new BarResampler(BTC, Timeframe.M1, Timeframe.M5);
        assertTrue(feed(r,
                m1(0, "100.10", "101.00", "99.95", "100.50", "0.1"),
                m1(1, "100.50", "102.25", "100.40", "101.00", "0.2"),
                m1(2, "101.00", "101.10", "98.05", "99.00", "0.00000001"),
                m1(3, "99.00", "100.00", "98.50", "99.99", "3")).isEmpty());
        List<ResampledBar> out = r.onBaseBar(m1(4, "99.99", "100.01", "99.90", "100.003", "1.7"));

        assertEquals(1, out.size());
        ResampledBar rb = out.get(0);
        assertFalse(rb.carriedForward());
        assertEquals(5, rb.baseBarsInBucket());
        assertEquals(new Bar(BTC, Timeframe.M5, T0, Price.of("100.10"), Price.of("102.25"), Price.of("98.05"), Price.of("100.003"),
                Quantity.of("5.00000001")), rb.bar());
        // 0.1 + 0.2 must be 0.3 exactly, as Quantity arithmetic guarantees and doubles would not
        BarResampler r2 = new BarResampler(BTC, Timeframe.M1, Timeframe.M5);
        feed(r2, m1(0, "1", "1", "1", "1", "0.1"), m1(1, "1", "1", "1", "1", "0.2"), m1(2, "1", "1", "1", "1", "0"), m1(3, "1", "1", "1", "1", "0"));
        assertEquals(Quantity.of("0.3"), r2.onBaseBar(m1(4, "1", "1", "1", "1", "0")).get(0).bar().volume());
    }

    @Test
    void emitsExactlyWhenTheBaseBarClosingTheBucketArrives() {
        BarResampler r = new BarResampler(BTC, Timeframe.M1, Timeframe.M15);
        for (int m = 0; m < 14; m++) {
            assertTrue(r.onBaseBar(m1(m, "100")).isEmpty(), "minute " + m);
            assertEquals(m + 1, r.openBucketBaseBars());
        }
        List<ResampledBar> out = r.onBaseBar(m1(14, "100"));
        assertEquals(1, out.size());
        assertEquals(T0, out.get(0).bar().openTime());
        assertEquals(T0.plusSeconds(15 * 60), out.get(0).bar().closeTime());
        assertEquals(0, r.openBucketBaseBars());
        assertEquals(15, r.baseBarsPerBucket());
    }

    @Test
    void aBucketWhoseLastBarsAreMissingClosesLateWhenALaterBucketStarts() {
        BarResampler r = new BarResampler(BTC, Timeframe.M1, Timeframe.M5);
        assertTrue(feed(r, m1(0, "100"), m1(1, "101"), m1(2, "102")).isEmpty(), "must not close early at 10:02");
        List<ResampledBar> out = r.onBaseBar(m1(7, "107"));
        assertEquals(1, out.size(), "the 10:00 bucket closes when 10:07 proves 10:03-10:04 are missing");
        ResampledBar late = out.get(0);
        assertEquals(T0, late.bar().openTime());
        assertEquals(3, late.baseBarsInBucket());
        assertEquals(Price.of("102"), late.bar().close());
        assertEquals(Price.of("102"), late.bar().high());
        assertEquals(Quantity.of("3"), late.bar().volume());
        // 10:07 started the 10:05 bucket, which closes on time at 10:09
        assertTrue(feed(r, m1(8, "108")).isEmpty());
        ResampledBar next = r.onBaseBar(m1(9, "109")).get(0);
        assertEquals(T0.plusSeconds(300), next.bar().openTime());
        assertEquals(3, next.baseBarsInBucket());
        assertEquals(Price.of("107"), next.bar().open());
    }

    @Test
    void oneBaseBarCanCloseTheLateBucketAndItsOwnBucket() {
        BarResampler r = new BarResampler(BTC, Timeframe.M1, Timeframe.M5);
        feed(r, m1(0, "100"), m1(1, "101"));
        List<ResampledBar> out = r.onBaseBar(m1(9, "109"));
        assertEquals(2, out.size());
        assertEquals(T0, out.get(0).bar().openTime());
        assertEquals(2, out.get(0).baseBarsInBucket());
        assertEquals(T0.plusSeconds(300), out.get(1).bar().openTime());
        assertEquals(1, out.get(1).baseBarsInBucket());
        assertEquals(Price.of("109"), out.get(1).bar().open());
    }

    @Test
    void skipProducesNoBarForEmptyBuckets() {
        BarResampler r = new BarResampler(BTC, Timeframe.M1, Timeframe.M5, GapPolicy.SKIP);
        List<ResampledBar> out = feed(r, m1(0, "100"), m1(1, "100"), m1(2, "100"), m1(3, "100"), m1(4, "100"),
                m1(20, "120"), m1(21, "121"), m1(22, "122"), m1(23, "123"), m1(24, "124"));
        assertEquals(List.of(T0, T0.plusSeconds(20 * 60)), out.stream().map(b -> b.bar().openTime()).toList());
        assertTrue(out.stream().noneMatch(ResampledBar::carriedForward));
    }

    @Test
    void carryForwardFillsEmptyBucketsWithFlaggedFlatBarsAtThePreviousClose() {
        BarResampler r = new BarResampler(BTC, Timeframe.M1, Timeframe.M5, GapPolicy.CARRY_FORWARD);
        feed(r, m1(0, "100"), m1(1, "100"), m1(2, "100"), m1(3, "100"), m1(4, "100", "100", "99", "99.5", "2"));
        List<ResampledBar> out = r.onBaseBar(m1(20, "120"));
        assertEquals(3, out.size(), "10:05, 10:10 and 10:15 are empty");
        for (int i = 0; i < 3; i++) {
            ResampledBar f = out.get(i);
            Price p = Price.of("99.5");
            assertTrue(f.carriedForward());
            assertEquals(0, f.baseBarsInBucket());
            assertEquals(new Bar(BTC, Timeframe.M5, T0.plusSeconds(300L * (i + 1)), p, p, p, p, Quantity.ZERO), f.bar());
        }
        List<ResampledBar> own = feed(r, m1(21, "121"), m1(22, "122"), m1(23, "123"), m1(24, "124"));
        assertEquals(1, own.size());
        assertFalse(own.get(0).carriedForward());
        assertEquals(Price.of("120"), own.get(0).bar().open());
    }

    @Test
    void carryForwardAfterAPartialBucketFillsFromItsClose() {
        BarResampler r = new BarResampler(BTC, Timeframe.M1, Timeframe.M5, GapPolicy.CARRY_FORWARD);
        feed(r, m1(0, "100"), m1(1, "101"), m1(2, "102"));
        List<ResampledBar> out = r.onBaseBar(m1(19, "119"));
        assertEquals(4, out.size());
        assertEquals(3, out.get(0).baseBarsInBucket());
        assertFalse(out.get(0).carriedForward());
        assertTrue(out.get(1).carriedForward());
        assertEquals(Price.of("102"), out.get(1).bar().close());
        assertTrue(out.get(2).carriedForward());
        assertEquals(T0.plusSeconds(15 * 60), out.get(3).bar().openTime());
        assertEquals(1, out.get(3).baseBarsInBucket(), "10:19 closes its own bucket at once");
    }

    @Test
    void theFirstBucketIsPartialWhenTheStreamStartsInsideIt() {
        BarResampler r = new BarResampler(BTC, Timeframe.M1, Timeframe.H1, GapPolicy.CARRY_FORWARD);
        List<ResampledBar> out = new ArrayList<>();
        for (int m = 37; m < 60; m++) {
            out.addAll(r.onBaseBar(m1(m, "100")));
        }
        assertEquals(1, out.size(), "nothing is filled before the first bar");
        assertEquals(T0, out.get(0).bar().openTime());
        assertEquals(23, out.get(0).baseBarsInBucket());
    }

    @Test
    void fourHourAndDailyBucketsAreAlignedToUtcMidnight() {
        Instant start = Instant.parse("2024-01-01T23:58:00Z");
        BarResampler h4 = new BarResampler(BTC, Timeframe.M1, Timeframe.H4);
        BarResampler d1 = new BarResampler(BTC, Timeframe.M1, Timeframe.D1);
        List<ResampledBar> h4out = new ArrayList<>();
        List<ResampledBar> d1out = new ArrayList<>();
        for (int m = 0; m < 3; m++) {
            Price p = Price.of("100");
            Bar b = new Bar(BTC, Timeframe.M1, start.plusSeconds(60L * m), p, p, p, p, Quantity.of("1"));
            h4out.addAll(h4.onBaseBar(b));
            d1out.addAll(d1.onBaseBar(b));
        }
        assertEquals(Instant.parse("2024-01-01T20:00:00Z"), h4out.get(0).bar().openTime());
        assertEquals(Instant.parse("2024-01-01T00:00:00Z"), d1out.get(0).bar().openTime());
        assertEquals(Instant.parse("2024-01-02T00:00:00Z"), d1out.get(0).bar().closeTime());
        assertEquals(2, d1out.get(0).baseBarsInBucket());
    }

    @Test
    void aTargetEqualToTheBasePassesEachBarThrough() {
        BarResampler r = new BarResampler(BTC, Timeframe.M1, Timeframe.M1);
        Bar b = m1(3, "100", "101", "99", "100.5", "7");
        assertEquals(List.of(new ResampledBar(b, false, 1)), r.onBaseBar(b));
    }

    @Test
    void rejectsATargetThatIsNotAMultipleOfTheBase() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new BarResampler(BTC, Timeframe.M5, Timeframe.M1));
        assertTrue(e.getMessage().contains("5m") && e.getMessage().contains("1m"), e.getMessage());
    }

    @Test
    void rejectsBarsOfAnotherInstrumentOrTimeframeOrOutOfOrderAndChangesNothing() {
        BarResampler r = new BarResampler(BTC, Timeframe.M1, Timeframe.M5);
        BarResampler twin = new BarResampler(BTC, Timeframe.M1, Timeframe.M5);
        feed(r, m1(0, "100"), m1(1, "101"));
        feed(twin, m1(0, "100"), m1(1, "101"));

        Price p = Price.of("1");
        Bar eth = new Bar(InstrumentId.parse("binance:ETHUSDT"), Timeframe.M1, T0.plusSeconds(120), p, p, p, p, Quantity.ZERO);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> r.onBaseBar(eth));
        assertTrue(e.getMessage().contains("binance:ETHUSDT 1m 2024-01-01T10:02:00Z"), e.getMessage());

        Bar m5 = new Bar(BTC, Timeframe.M5, T0.plusSeconds(300), p, p, p, p, Quantity.ZERO);
        e = assertThrows(IllegalArgumentException.class, () -> r.onBaseBar(m5));
        assertTrue(e.getMessage().contains("5m 2024-01-01T10:05:00Z") && e.getMessage().contains("takes 1m"), e.getMessage());

        e = assertThrows(IllegalArgumentException.class, () -> r.onBaseBar(m1(0, "100")));
        assertTrue(e.getMessage().contains("2024-01-01T10:00:00Z") && e.getMessage().contains("out of order"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> r.onBaseBar(m1(1, "101")), "a duplicate would count twice");
        assertTrue(e.getMessage().contains("out of order"), e.getMessage());

        assertEquals(twin, r, "rejected bars leave the state as it was");
        feed(r, m1(2, "102"), m1(3, "103"));
        feed(twin, m1(2, "102"), m1(3, "103"));
        assertEquals(twin.onBaseBar(m1(4, "104")), r.onBaseBar(m1(4, "104")));
    }

    @Test
    void stateHasValueEquality() {
        BarResampler a = new BarResampler(BTC, Timeframe.M1, Timeframe.M5, GapPolicy.CARRY_FORWARD);
        BarResampler b = new BarResampler(BTC, Timeframe.M1, Timeframe.M5, GapPolicy.CARRY_FORWARD);
        assertEquals(a, b);
        feed(a, m1(0, "100"), m1(1, "101"));
        assertNotEquals(a, b);
        feed(b, m1(0, "100"), m1(1, "101"));
        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
        assertNotEquals(a, new BarResampler(BTC, Timeframe.M1, Timeframe.M5, GapPolicy.SKIP));
    }
}
