package dev.trader.strategy.regime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.trader.strategy.regime.GoldenHourly.Hour;
import dev.trader.strategy.state.StateObject;
import dev.trader.strategy.timeframe.StateCopy;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The recovery contract on the 2,000 real hourly closes: twins fed the same closes are equal,
 * and a copy made like a snapshot restore (before, at and after the warm-up) carries on with
 * bit-identical outputs.
 */
class RegimeSnapshotTest {
    private static final List<Hour> HOURS = GoldenHourly.read();

    private interface Feed<T> {
        Object feed(T state, double close);
    }

    private static <T extends StateObject> void assertSurvivesSnapshot(Supplier<T> factory, Feed<T> feed, Function<T, Object> outputs, int warmUp) {
        for (int prefix : new int[] {0, 1, warmUp - 1, warmUp, warmUp + 1, 1000}) {
            T a = factory.get();
            T twin = factory.get();
            for (Hour h : HOURS.subList(0, prefix)) {
                feed.feed(a, h.close());
                feed.feed(twin, h.close());
            }
            assertEquals(a, twin);
            assertEquals(a.hashCode(), twin.hashCode());
            T restored = StateCopy.of(a);
            assertEquals(a, restored, "restored after " + prefix);
            for (Hour h : HOURS.subList(prefix, HOURS.size())) {
                Object expected = feed.feed(a, h.close());
                assertEquals(expected, feed.feed(restored, h.close()), "prefix " + prefix + " at " + h.openTime());
                assertEquals(outputs.apply(a), outputs.apply(restored), "prefix " + prefix + " at " + h.openTime());
            }
            assertEquals(a, restored);
        }
        T a = factory.get();
        T b = factory.get();
        feed.feed(a, HOURS.get(0).close());
        feed.feed(b, HOURS.get(1).close());
        assertNotEquals(a, b, "equality is not vacuous");
    }

    private static long bits(double x) {
        return Double.doubleToLongBits(x);
    }

    @Test
    void hurst() {
        assertSurvivesSnapshot(() -> new Hurst(168, 8), (h, c) -> {
            h.update(c);
            return null;
        }, h -> bits(h.value()), 169);
    }

    @Test
    void volatilityRegime() {
        assertSurvivesSnapshot(() -> new VolatilityRegime(24, 168, VolatilityThresholds.TERCILES), (v, c) -> {
            v.update(c);
            return null;
        }, v -> List.of(bits(v.value()), bits(v.realizedVolatility()), v.state()), 192);
    }

    @Test
    void cusum() {
        assertSurvivesSnapshot(CusumChangeDetector::hourlyDefaults, CusumChangeDetector::update,
                d -> List.of(bits(d.upperStatistic()), bits(d.lowerStatistic()), d.count()), 169);
    }
}
