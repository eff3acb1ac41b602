package dev.trader.strategy.indicator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.trader.strategy.state.StateObject;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The snapshot contract: two instances fed the same prefix are equal (equals and hashCode) and
 * stay equal, output for output bit for bit, on the same suffix; so does a copy made field by
 * field through the private no-argument constructor, which is what a Jackson restore does.
 */
public final class StateTwins {
    /** Feeds input number {@code i} to an indicator. */
    public interface Feeder<T> {
        void feed(T indicator, int i);
    }

    private StateTwins() {
    }

    public static <T extends StateObject & Indicator> void assertTwinsStayEqual(
            Supplier<T> factory, int inputs, Feeder<T> feeder, Function<T, double[]> outputs) {
        int warmUp = factory.get().warmUp();
        for (int prefix : new int[] {0, 1, warmUp - 1, warmUp, warmUp + 1, inputs / 2}) {
            T a = factory.get();
            T b = factory.get();
            for (int i = 0; i < prefix; i++) {
                feeder.feed(a, i);
                feeder.feed(b, i);
            }
            assertEquals(a, b, "same prefix of " + prefix + " inputs");
            assertEquals(a.hashCode(), b.hashCode(), "hash after a prefix of " + prefix + " inputs");
            T restored = copyThroughNoArgConstructor(a);
            assertEquals(a, restored, "restored copy after " + prefix + " inputs");
            for (int i = prefix; i < inputs; i++) {
                feeder.feed(a, i);
                feeder.feed(b, i);
                feeder.feed(restored, i);
                double[] expected = outputs.apply(a);
                assertBits(expected, outputs.apply(b), "twin, prefix " + prefix + ", input " + i);
                assertBits(expected, outputs.apply(restored), "restored, prefix " + prefix + ", input " + i);
                assertEquals(a.isReady(), b.isReady());
            }
            assertEquals(a, b);
            assertEquals(a.hashCode(), b.hashCode());
            assertEquals(a, restored);
        }
        T a = factory.get();
        T b = factory.get();
        int n = Math.min(inputs - 2, warmUp + 5);
        for (int i = 0; i < n; i++) {
            feeder.feed(a, i);
            feeder.feed(b, i);
        }
        feeder.feed(a, n);
        feeder.feed(b, n + 1);
        assertNotEquals(a, b, "a different input, a different state");
    }

    private static void assertBits(double[] expected, double[] actual, String message) {
        assertEquals(expected.length, actual.length, message);
        for (int i = 0; i < expected.length; i++) {
            assertEquals(Double.doubleToLongBits(expected[i]), Double.doubleToLongBits(actual[i]),
                    message + ", output " + i + ": " + expected[i] + " vs " + actual[i]);
        }
    }

    /** A deep copy through the no-argument constructor and the declared fields. */
    public static <T> T copyThroughNoArgConstructor(T original) {
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
        if (value instanceof long[] l) {
            return l.clone();
        }
        if (value instanceof int[] n) {
            return n.clone();
        }
        if (value instanceof StateObject s) {
            return copyThroughNoArgConstructor(s);
        }
        if (value == null || value instanceof Number || value instanceof Boolean || value instanceof String || value instanceof Enum<?>) {
            return value;
        }
        throw new AssertionError("indicator state holds a " + value.getClass().getName()
                + "; only numbers, strings, enums, primitive arrays and other state objects are expected");
    }
}
