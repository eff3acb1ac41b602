package dev.trader.execution.sim;

import dev.trader.execution.sim.fault.FaultInjector;
import dev.trader.execution.sim.fault.FaultKind;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;

/**
 * Steps the replay on a scheduler at a wall-clock pace, for the server; the STALL_REPLAY fault
 * pauses it before a bar. {@link #finished()} completes when the data runs out or it is stopped.
 */
public final class PacedReplay implements AutoCloseable {
    private final ScheduledExecutorService scheduler;
    private final Duration interval;
    private final BooleanSupplier step;
    private final FaultInjector faults;
    private final LongSupplier marketTime;
    private final CompletableFuture<Void> finished = new CompletableFuture<>();
    private volatile ScheduledFuture<?> next;
    /** A stalled bar is stepped at its next tick without another draw, so a stall never repeats on one bar. */
    private boolean justStalled;

    PacedReplay(ScheduledExecutorService scheduler, ReplayPacing pacing, BooleanSupplier step, FaultInjector faults, LongSupplier marketTime) {
        this.scheduler = scheduler;
        this.interval = pacing.barInterval();
        this.step = step;
        this.faults = faults;
        this.marketTime = marketTime;
    }

    PacedReplay start() {
        schedule(interval);
        return this;
    }

    public CompletableFuture<Void> finished() {
        return finished;
    }

    private synchronized void schedule(Duration delay) {
        if (!finished.isDone()) {
            next = scheduler.schedule(this::tick, delay.toNanos(), TimeUnit.NANOSECONDS);
        }
    }

    private void tick() {
        try {
            if (!justStalled && faults.fires(FaultKind.STALL_REPLAY, "before bar " + marketTime.getAsLong())) {
                justStalled = true;
                schedule(faults.duration(FaultKind.STALL_REPLAY));
                return;
            }
            justStalled = false;
            if (step.getAsBoolean()) {
                schedule(interval);
            } else {
                finished.complete(null);
            }
        } catch (RuntimeException e) {
            finished.completeExceptionally(e);
        }
    }

    @Override
    public synchronized void close() {
        finished.complete(null);
        ScheduledFuture<?> f = next;
        if (f != null) {
            f.cancel(false);
        }
    }
}
