package dev.trader.strategy.timeframe;

import dev.trader.strategy.state.StateObject;
import java.lang.reflect.Array;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.time.Instant;

/**
 * A deep copy of a state object the way a snapshot restore makes one: through the no-argument
 * constructor, field by field. Arrays are copied element by element; records, enums, strings,
 * numbers and instants are immutable values and shared. Anything else fails the test, since
 * state may hold nothing else.
 */
public final class StateCopy {
    private StateCopy() {
    }

    public static <T extends StateObject> T of(T original) {
        @SuppressWarnings("unchecked")
        T copy = (T) copyObject(original);
        return copy;
    }

    private static Object copyObject(StateObject original) {
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
            return copy;
        } catch (ReflectiveOperationException e) {
            throw new AssertionError("cannot copy " + original.getClass().getName() + " like a snapshot restore", e);
        }
    }

    private static Object copyValue(Object value) {
        if (value == null || value instanceof Number || value instanceof Boolean || value instanceof String
                || value instanceof Enum<?> || value instanceof Record || value instanceof Instant) {
            return value;
        }
        if (value instanceof StateObject s) {
            return copyObject(s);
        }
        if (value.getClass().isArray()) {
            int n = Array.getLength(value);
            Object copy = Array.newInstance(value.getClass().getComponentType(), n);
            for (int i = 0; i < n; i++) {
                Array.set(copy, i, copyValue(Array.get(value, i)));
            }
            return copy;
        }
        throw new AssertionError("state holds a " + value.getClass().getName() + "; only plain values are expected");
    }
}
