package dev.trader.strategy.state;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Base of the mutable state that indicators and strategies keep between bars. Updating in place
 * is what makes an indicator O(1) per bar without copying its window; the price is that value
 * equality cannot come from a record. This class gives it by comparing the declared fields
 * (arrays by content, doubles bit-for-bit so NaN equals NaN), which is what recovery tests and
 * the persistence test kit compare. It is not on any hot path.
 *
 * <p>Subclasses keep only plain values (numbers, arrays, strings, other state objects,
 * collections of them) in non-static fields and have a no-argument constructor, so the engine
 * can snapshot and restore them with Jackson.
 */
public abstract class StateObject {

    @Override
    public final boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (o == null || o.getClass() != getClass()) {
            return false;
        }
        for (Field f : fields(getClass())) {
            if (!Objects.deepEquals(read(f, this), read(f, o))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public final int hashCode() {
        List<Field> fs = fields(getClass());
        Object[] values = new Object[fs.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = read(fs.get(i), this);
        }
        return Arrays.deepHashCode(values);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(getClass().getSimpleName()).append('[');
        List<Field> fs = fields(getClass());
        for (int i = 0; i < fs.size(); i++) {
            Object v = read(fs.get(i), this);
            sb.append(i == 0 ? "" : ", ").append(fs.get(i).getName()).append('=')
                    .append(v instanceof double[] d ? Arrays.toString(d) : v instanceof long[] l ? Arrays.toString(l)
                            : v instanceof int[] n ? Arrays.toString(n) : String.valueOf(v));
        }
        return sb.append(']').toString();
    }

    private static List<Field> fields(Class<?> type) {
        List<Field> out = new ArrayList<>();
        for (Class<?> c = type; c != StateObject.class && c != null; c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                if (!Modifier.isStatic(f.getModifiers()) && !f.isSynthetic()) {
                    f.setAccessible(true);
                    out.add(f);
                }
            }
        }
        return out;
    }

    private static Object read(Field f, Object target) {
        try {
            return f.get(target);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot read " + f, e);
        }
    }
}
