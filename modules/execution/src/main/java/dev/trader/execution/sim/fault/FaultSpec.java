package dev.trader.execution.sim.fault;

import java.time.Duration;
import java.util.Objects;

/**
 * When one kind of fault fires: on every {@code everyNth} opportunity (the Nth, 2Nth, ...) or with
 * {@code probability} on each one, drawn from a generator seeded with {@code seed} (0 = derived
 * from the plan's seed and the kind), so a run with the same seed and the same requests meets
 * the same faults. {@code count} is K for {@link FaultKind#ORDER_NOT_FOUND_ON_QUERY};
 * {@code duration} is the stall or delay of the kinds that wait.
 */
public record FaultSpec(FaultKind kind, int everyNth, double probability, long seed, int count, Duration duration) {
    public FaultSpec {
        Objects.requireNonNull(kind, "faults[].kind");
        String at = "faults[" + kind + "]";
        if (everyNth < 0) {
            throw new IllegalArgumentException(at + ".everyNth must not be negative but was " + everyNth);
        }
        if (!(probability >= 0 && probability <= 1)) {
            throw new IllegalArgumentException(at + ".probability must be within 0..1 but was " + probability);
        }
        if ((everyNth > 0) == (probability > 0)) {
            throw new IllegalArgumentException(at + " needs exactly one of everyNth > 0 or probability > 0 (was everyNth=" + everyNth
                    + ", probability=" + probability + ")");
        }
        if (count < 1) {
            throw new IllegalArgumentException(at + ".count must be at least 1 but was " + count);
        }
        Objects.requireNonNull(duration, at + ".duration");
        if (duration.isNegative()) {
            throw new IllegalArgumentException(at + ".duration must not be negative but was " + duration);
        }
        boolean waits = kind == FaultKind.STALL_ORDER_RESPONSE || kind == FaultKind.STALL_REPLAY || kind == FaultKind.DELAY_REST;
        if (waits && duration.isZero()) {
            throw new IllegalArgumentException(at + ".duration must be positive for a fault that waits");
        }
    }

    public static FaultSpec everyNth(FaultKind kind, int n) {
        return new FaultSpec(kind, n, 0, 0, 1, defaultDuration(kind));
    }

    public static FaultSpec withProbability(FaultKind kind, double p) {
        return new FaultSpec(kind, 0, p, 0, 1, defaultDuration(kind));
    }

    public FaultSpec seed(long s) {
        return new FaultSpec(kind, everyNth, probability, s, count, duration);
    }

    public FaultSpec count(int k) {
        return new FaultSpec(kind, everyNth, probability, seed, k, duration);
    }

    public FaultSpec duration(Duration d) {
        return new FaultSpec(kind, everyNth, probability, seed, count, d);
    }

    private static Duration defaultDuration(FaultKind kind) {
        return switch (kind) {
            case STALL_ORDER_RESPONSE -> Duration.ofSeconds(30);
            case STALL_REPLAY, DELAY_REST -> Duration.ofSeconds(2);
            default -> Duration.ZERO;
        };
    }
}
