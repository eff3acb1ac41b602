package dev.trader.strategy.indicator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.trader.strategy.state.StateObject;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.function.Supplier;

/**
 * The recovery contract the engine relies on: two indicators fed the same inputs are equal (with
 * equal hash codes), and a copy of the state — made field by field through the no-argument
 * constructor, which is what Jackson does on restore — carries on exactly like the original.
 */
final class Snapshots {
    /** One bar of the 1h golden file, fed to any kind of indicator. */
    interface Feeder<T> {
        void feed(T indicator, int bar);
    }

    /** An indicator's outputs after a bar, compared bit for bit. */
    interface Outputs<T> {
        double[] of(T indicator);
    }

    private static final GoldenCsv BARS = GoldenCsv.resource("/golden/BTCUSDT-1h-2022-talib-first2000.csv.gz");
    static final double[] OPEN = BARS.numbers("open");
    static final double[] HIGH = BARS.numbers("high");
    static final double[] LOW = BARS.numbers("low");
    static final double[] CLOSE = BARS.numbers("close");
    static final double[] VOLUME = BARS.numbers("volume");

    private Snapshots() {
    }

    static <T extends ValueIndicator> Feeder<T> closes() {
        return (indicator, bar) -> indicator.update(CLOSE[bar]);
    }

    static <T extends BarIndicator> Feeder<T> bars() {
        return (indicator, bar) -> indicator.update(OPEN[bar], HIGH[bar], LOW[bar], CLOSE[bar], VOLUME[bar]);
    }

    /**
     * Snapshots after a prefix inside the warm-up, right at its end, and well after it; the rest
     * of the 2,000 bars must then give bit-identical outputs from both instances and the copy.
     */
    static <T extends StateObject & Indicator> void assertSurvivesSnapshot(
            Supplier<T> factory, Feeder<T> feeder, Outputs<T> outputs) {
        int warmUp = factory.get().warmUp();
        for (int prefix : new int[] {0, 1, warmUp / 2, warmUp - 1, warmUp, warmUp + 1, 1000}) {
            T a = factory.get();
            T b = factory.get();
            for (int bar = 0; bar < prefix; bar++) {
                feeder.feed(a, bar);
                feeder.feed(b, bar);
            }
            assertEquals(a, b, "same prefix of " + prefix + " bars, same state");
            assertEquals(a.hashCode(), b.hashCode(), "same prefix of " + prefix + " bars, same hash code");
            T restored = copyThroughNoArgConstructor(a);
            assertEquals(a, restored, "restored after " + prefix + " bars");
            assertEquals(a.hashCode(), restored.hashCode());
            for (int bar = prefix; bar < CLOSE.length; bar++) {
                feeder.feed(a, bar);
                feeder.feed(b, bar);
                feeder.feed(restored, bar);
                double[] expected = outputs.of(a);
                assertBitsEqual(expected, outputs.of(b), "twin, prefix " + prefix + ", bar " + bar);
                assertBitsEqual(expected, outputs.of(restored), "restored, prefix " + prefix + ", bar " + bar);
                assertEquals(a.isReady(), restored.isReady());
            }
            assertEquals(a, b);
            assertEquals(a, restored);
        }
        // And equality is not vacuous: a different latest input gives a different state.
        T a = factory.get();
        T b = factory.get();
        for (int bar = 0; bar < 50; bar++) {
            feeder.feed(a, bar);
            feeder.feed(b, bar);
        }
        feeder.feed(a, 50);
        feeder.feed(b, 51);
        assertNotEquals(a, b);
    }

    private static void assertBitsEqual(double[] expected, double[] actual, String message) {
        assertEquals(expected.length, actual.length, message);
        for (int i = 0; i < expected.length; i++) {
            assertEquals(Double.doubleToLongBits(expected[i]), Double.doubleToLongBits(actual[i]),
                    message + ", output " + i + ": " + expected[i] + " vs " + actual[i]);
        }
    }

    /** A deep copy via the no-argument constructor and the declared fields, as a restore does. */
    static <T> T copyThroughNoArgConstructor(T original) {
        try {
            Class<?> type = original.getClass();
            Constructor<?> constructor = type.getDeclaredConstructor();
            constructor.setAccessible(true);
            Object copy = constructor.newInstance();
            for (Class<?> c = type; c != StateObject.class && c != null; c = c.getSuperclass()) {
                for (Field f : c.getDeclaredFields()) {
                    if (Modifier.isStatic(f.getModifiers()) || f.isSynthetic()) {
                        continue;
                    }
                    f.setAccessible(true);
                    f.set(copy, copyValue(f.get(original)));
                }
            }
            @SuppressWarnings("unchecked")
            T typed = (T) copy;
            return typed;
        } catch (ReflectiveOperationException e) {
            throw new AssertionError("cannot copy " + original.getClass().getName() + " like a snapshot restore", e);
        }
    }

    private static Object copyValue(Object value) {
        if (value instanceof double[] d) {
            return d.clone();
        }
        if (value instanceof StateObject s) {
            return copyThroughNoArgConstructor(s);
        }
        if (value == null || value instanceof Number || value instanceof Boolean || value instanceof String) {
            return value;
        }
        throw new AssertionError("indicator state holds a " + value.getClass().getName()
                + "; only numbers, double[] and other state objects are expected");
    }
}
