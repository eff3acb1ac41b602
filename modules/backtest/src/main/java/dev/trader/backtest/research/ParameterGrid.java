package dev.trader.backtest.research;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;

/**
 * The parameters a sweep or a walk-forward tries: each with its values, in the order given. The
 * grid is their Cartesian product in odometer order (the last parameter changes fastest), the
 * order every result is reported in.
 */
public final class ParameterGrid {
    /** One parameter's values. */
    public record Axis(String name, List<String> values) {
        public Axis {
            Objects.requireNonNull(name, "name");
            values = List.copyOf(values);
            if (name.isBlank() || values.isEmpty()) {
                throw new IllegalArgumentException("a parameter needs a name and at least one value");
            }
        }
    }

    private final List<Axis> axes;

    public ParameterGrid(List<Axis> axes) {
        this.axes = List.copyOf(axes);
        LinkedHashSet<String> names = new LinkedHashSet<>();
        for (Axis a : this.axes) {
            if (!names.add(a.name())) {
                throw new IllegalArgumentException("parameter " + a.name() + " is given twice");
            }
        }
    }

    /**
     * Parses {@code name=v1,v2,...} specs; a value may be a range {@code lo..hi} (step 1) or
     * {@code lo..hi/step}, expanded in place: {@code fast=5..20/5} is 5, 10, 15, 20.
     */
    public static ParameterGrid parse(List<String> specs) {
        List<Axis> axes = new ArrayList<>();
        for (String spec : specs) {
            int eq = spec.indexOf('=');
            if (eq <= 0 || eq == spec.length() - 1) {
                throw new IllegalArgumentException("--param wants name=value1,value2,... but got '" + spec + "'");
            }
            String name = spec.substring(0, eq).trim();
            LinkedHashSet<String> values = new LinkedHashSet<>();
            for (String v : spec.substring(eq + 1).split(",")) {
                String t = v.trim();
                if (t.isEmpty()) {
                    throw new IllegalArgumentException("--param " + spec + " has an empty value");
                }
                values.addAll(expand(name, t));
            }
            axes.add(new Axis(name, List.copyOf(values)));
        }
        return new ParameterGrid(axes);
    }

    private static List<String> expand(String name, String value) {
        int dots = value.indexOf("..");
        if (dots < 0) {
            return List.of(value);
        }
        try {
            int slash = value.indexOf('/', dots);
            BigDecimal lo = new BigDecimal(value.substring(0, dots));
            BigDecimal hi = new BigDecimal(slash < 0 ? value.substring(dots + 2) : value.substring(dots + 2, slash));
            BigDecimal step = slash < 0 ? BigDecimal.ONE : new BigDecimal(value.substring(slash + 1));
            if (step.signum() <= 0 || hi.compareTo(lo) < 0) {
                throw new IllegalArgumentException("range " + value + " of " + name + " needs lo <= hi and a positive step");
            }
            if (hi.subtract(lo).divide(step, 0, RoundingMode.FLOOR).compareTo(BigDecimal.valueOf(10_000)) > 0) {
                throw new IllegalArgumentException("range " + value + " of " + name + " has more than 10000 values");
            }
            List<String> out = new ArrayList<>();
            for (BigDecimal v = lo; v.compareTo(hi) <= 0; v = v.add(step)) {
                out.add(v.toPlainString());
            }
            return out;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("range " + value + " of " + name + " is not lo..hi or lo..hi/step with numbers", e);
        }
    }

    public List<Axis> axes() {
        return axes;
    }

    public List<String> names() {
        return axes.stream().map(Axis::name).toList();
    }

    /** Every combination, the last parameter changing fastest; one empty set for an empty grid. */
    public List<ParameterSet> combinations() {
        List<ParameterSet> out = List.of(ParameterSet.empty());
        for (Axis a : axes) {
            List<ParameterSet> next = new ArrayList<>(out.size() * a.values().size());
            for (ParameterSet p : out) {
                for (String v : a.values()) {
                    next.add(p.with(a.name(), v));
                }
            }
            out = next;
        }
        return List.copyOf(out);
    }

    public int size() {
        int n = 1;
        for (Axis a : axes) {
            n = Math.multiplyExact(n, a.values().size());
        }
        return n;
    }
}
