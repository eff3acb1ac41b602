package dev.trader.app;

import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;

/** Serving until the process is asked to stop (Ctrl-C, SIGTERM), as the long-running commands do. */
final class Shutdown {
    private Shutdown() {
    }

    /** Blocks until the JVM is asked to stop, or {@code orEarlier} (if given) completes. */
    private static volatile boolean requested;

    /** Whether the JVM was asked to stop (rather than {@code orEarlier} completing). */
    static boolean requested() {
        return requested;
    }

    static void await(String name, CompletionStage<?> orEarlier) {
        CountDownLatch stop = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            requested = true;
            stop.countDown();
        }, name + "-shutdown"));
        if (orEarlier != null) {
            orEarlier.whenComplete((v, e) -> stop.countDown());
        }
        try {
            stop.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
