package dev.trader.execution.sim.fault;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * Decides, opportunity by opportunity, whether a configured fault fires, and logs it when it does.
 * Each kind has its own counter and its own seeded generator, drawn once per opportunity whether
 * or not another kind fires, so the faults of one kind do not shift when another kind is added.
 * <p>
 * While {@linkplain #suspend() suspended} nothing fires and no opportunity is counted: a test sets
 * the client up (its start goes through the same REST API) before the plan applies, or ends a
 * fault (DELAY_REST) to watch the client recover; the sequence after {@link #resume()} is the one
 * the plan would have produced from the start.
 */
public final class FaultInjector {
    private final Map<FaultKind, Trigger> triggers = new EnumMap<>(FaultKind.class);
    private final FaultLog log = new FaultLog();
    private boolean suspended;

    public FaultInjector(FaultPlan plan) {
        for (FaultSpec spec : plan.faults()) {
            long seed = spec.seed() != 0 ? spec.seed() : plan.seed() * 1_000_003L + spec.kind().ordinal() + 1;
            triggers.put(spec.kind(), new Trigger(spec, new SplittableRandom(seed)));
        }
    }

    public FaultLog log() {
        return log;
    }

    /** No fault fires (and no opportunity counts) until {@link #resume()}. */
    public synchronized void suspend() {
        suspended = true;
    }

    public synchronized void resume() {
        suspended = false;
    }

    /** One opportunity for {@code kind}; true (and logged with {@code detail}) when the fault fires. */
    public synchronized boolean fires(FaultKind kind, String detail) {
        Trigger t = triggers.get(kind);
        if (suspended || t == null || !t.next()) {
            return false;
        }
        log.add(new FaultRecord(kind, t.opportunities, detail));
        return true;
    }

    /**
     * One opportunity for {@code kind} whose logging waits for {@link #record}: for a fault that
     * applies only if something else succeeds (a "placed" fault needs the order to be placed).
     */
    public synchronized Optional<Long> draw(FaultKind kind) {
        Trigger t = triggers.get(kind);
        return !suspended && t != null && t.next() ? Optional.of(t.opportunities) : Optional.empty();
    }

    public void record(FaultKind kind, long opportunity, String detail) {
        log.add(new FaultRecord(kind, opportunity, detail));
    }

    public Duration duration(FaultKind kind) {
        Trigger t = triggers.get(kind);
        return t == null ? Duration.ZERO : t.spec.duration();
    }

    public int count(FaultKind kind) {
        Trigger t = triggers.get(kind);
        return t == null ? 0 : t.spec.count();
    }

    private static final class Trigger {
        final FaultSpec spec;
        final SplittableRandom random;
        long opportunities;

        Trigger(FaultSpec spec, SplittableRandom random) {
            this.spec = spec;
            this.random = random;
        }

        boolean next() {
            opportunities++;
            double draw = random.nextDouble();
            return spec.everyNth() > 0 ? opportunities % spec.everyNth() == 0 : draw < spec.probability();
        }
    }
}
