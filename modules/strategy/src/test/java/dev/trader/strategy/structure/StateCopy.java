package dev.trader.strategy.structure;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.trader.strategy.state.StateObject;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;

/**
 * A field-by-field deep copy through the private no-argument constructor, the way a
 * field-visibility Jackson mapper restores a snapshot. It accepts only the plain values the
 * engine can snapshot (primitives, primitive arrays, strings, enums, boxed numbers, other state
 * objects) and fails on anything else, so it doubles as a check of that rule.
 */
final class StateCopy {
    private StateCopy() {
    }

    @SuppressWarnings("unchecked")
    static <T extends StateObject> T of(T original) {
        Class<?> type = original.getClass();
        try {
            Constructor<?> ctor = type.getDeclaredConstructor();
            ctor.setAccessible(true);
            Object copy = ctor.newInstance();
            for (Class<?> c = type; c != StateObject.class; c = c.getSuperclass()) {
                for (Field f : c.getDeclaredFields()) {
                    if (Modifier.isStatic(f.getModifiers()) || f.isSynthetic()) {
                        continue;
                    }
                    f.setAccessible(true);
                    f.set(copy, value(f.get(original), type.getSimpleName() + "." + f.getName()));
                }
            }
            return (T) copy;
        } catch (ReflectiveOperationException e) {
            throw new AssertionError("cannot copy " + type, e);
        }
    }

    private static Object value(Object v, String where) {
        if (v == null || v instanceof String || v instanceof Enum<?> || v instanceof Number || v instanceof Boolean) {
            return v;
        }
        if (v instanceof double[] a) {
            return a.clone();
        }
        if (v instanceof long[] a) {
            return a.clone();
        }
        if (v instanceof int[] a) {
            return a.clone();
        }
        if (v instanceof boolean[] a) {
            return a.clone();
        }
        if (v instanceof StateObject s) {
            return of(s);
        }
        return fail(where + " holds " + v.getClass() + ", which is not a plain value");
    }
}
