package dev.trader.execution.sim.market;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * Replays recorded frames on their own thread at their recorded pacing divided by {@code speed}
 * (infinite: as fast as possible), handing each to {@code sink} in order. Market data only: the
 * candle replay drives matching and the market clock, this one feeds the streams and the book.
 */
public final class FrameReplay implements AutoCloseable {
    private final List<RecordedFrame> frames;
    private final double speed;
    private final Consumer<RecordedFrame> sink;
    private final CompletableFuture<Integer> finished = new CompletableFuture<>();
    private final Thread thread;

    public FrameReplay(List<RecordedFrame> frames, double speed, Consumer<RecordedFrame> sink) {
        if (!(speed > 0)) {
            throw new IllegalArgumentException("frame replay speed must be positive but was " + speed);
        }
        this.frames = List.copyOf(frames);
        this.speed = speed;
        this.sink = sink;
        this.thread = new Thread(this::run, "sim-frame-replay");
        this.thread.setDaemon(true);
    }

    public FrameReplay start() {
        thread.start();
        return this;
    }

    /** Completes with the number of frames replayed (fewer if closed early). */
    public CompletableFuture<Integer> finished() {
        return finished;
    }

    private void run() {
        int sent = 0;
        try {
            long startWall = System.nanoTime();
            long startRecorded = frames.isEmpty() ? 0 : frames.get(0).receivedNanos();
            for (RecordedFrame f : frames) {
                if (Double.isFinite(speed)) {
                    long due = startWall + (long) ((f.receivedNanos() - startRecorded) / speed);
                    long wait = due - System.nanoTime();
                    if (wait > 0) {
                        Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                    }
                }
                sink.accept(f);
                sent++;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            finished.completeExceptionally(e);
            return;
        }
        finished.complete(sent);
    }

    @Override
    public void close() {
        thread.interrupt();
    }
}
