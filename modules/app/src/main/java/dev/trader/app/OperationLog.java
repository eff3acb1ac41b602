package dev.trader.app;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The chaos harness's history, one line per step of every operation, in the order they happened:
 * {@code invoke} when it starts, then {@code ok}, {@code fail} (it did not happen) or
 * {@code unknown} (it may have happened: a request that timed out), with the run's seed on every
 * line so that a line found alone says which run to repeat.
 */
final class OperationLog implements AutoCloseable {
    enum Phase { INVOKE, OK, FAIL, UNKNOWN }

    private final BufferedWriter out;
    private final long seed;
    private final long began = System.nanoTime();
    private long lines;

    OperationLog(Path file, long seed) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        this.out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        this.seed = seed;
    }

    synchronized void record(int round, String operation, String target, Phase phase, String detail) {
        long ms = (System.nanoTime() - began) / 1_000_000;
        try {
            out.write("seed=" + seed + " t=" + ms + "ms round=" + round + " op=" + operation + " target=" + target + " " + phase.name().toLowerCase()
                    + (detail == null || detail.isEmpty() ? "" : " " + detail.replace('\n', ' ')));
            out.newLine();
            out.flush();
            lines++;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    synchronized long lines() {
        return lines;
    }

    @Override
    public synchronized void close() throws IOException {
        out.close();
    }
}
