package dev.trader.app;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The nodes of the chaos harness's cluster, each {@code bin/trader run} as its own JVM (same
 * main class and class path as the harness) so that it can be {@code kill -9}ed, paused with
 * {@code SIGSTOP} and started again on its ports; each node's output is appended to
 * {@code logs/node-N.log} across its incarnations.
 */
final class ChaosNodes implements AutoCloseable {
    /** The ports of node {@code i} (1-based) are base + i - 1. */
    record Ports(int http, int management, int remote) {
    }

    private final Path workDir;
    private final Path overlay;
    private final String classPath;
    private final Map<String, String> environment;
    private final int count;
    private final int httpBase;
    private final int managementBase;
    private final int remoteBase;
    private final Process[] processes;
    private final long[] startedAt;
    private final boolean[] paused;

    ChaosNodes(Path workDir, Path overlay, String classPath, Map<String, String> environment, int count, int httpBase, int managementBase,
               int remoteBase) {
        this.workDir = workDir;
        this.overlay = overlay;
        this.classPath = classPath;
        this.environment = environment;
        this.count = count;
        this.httpBase = httpBase;
        this.managementBase = managementBase;
        this.remoteBase = remoteBase;
        this.processes = new Process[count + 1];
        this.startedAt = new long[count + 1];
        this.paused = new boolean[count + 1];
    }

    int count() {
        return count;
    }

    Ports ports(int node) {
        return new Ports(httpBase + node - 1, managementBase + node - 1, remoteBase + node - 1);
    }

    void start(int node) throws IOException {
        Ports ports = ports(node);
        Path log = workDir.resolve("logs").resolve("node-" + node + ".log");
        Files.createDirectories(log.getParent());
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx384m",
                "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                // The harness polls every node many times a second, far above an operator's rate limit.
                "-Dtrader.api.rate-limit.requests-per-second=100000", "-Dtrader.api.rate-limit.burst=100000",
                "-Dlogback.configurationFile=logback.xml",
                "-cp", classPath, Main.class.getName(), "run", "--config", overlay.toString(), "--port", String.valueOf(ports.http())));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .directory(new File(System.getProperty("user.dir")));
        Map<String, String> env = new HashMap<>(environment);
        env.put("TRADER_NODE_NAME", "node-" + node);
        env.put("TRADER_REMOTE_PORT", String.valueOf(ports.remote()));
        env.put("TRADER_MANAGEMENT_PORT", String.valueOf(ports.management()));
        env.put("TRADER_DATA_DIR", workDir.resolve("node-" + node).toString());
        // One JSON log per process (conf/logback.xml): nodes sharing the default data/logs would write one file together.
        env.put("TRADER_LOG_DIR", workDir.resolve("node-" + node).resolve("logs").toString());
        env.put("TRADER_CONSOLE_LEVEL", "INFO");
        pb.environment().putAll(env);
        processes[node] = pb.start();
        startedAt[node] = System.nanoTime();
        paused[node] = false;
    }

    boolean alive(int node) {
        return processes[node] != null && processes[node].isAlive();
    }

    /** Alive and not stopped by SIGSTOP: a node that can answer. */
    boolean answering(int node) {
        return alive(node) && !paused[node];
    }

    long pid(int node) {
        return processes[node].pid();
    }

    /** The longest-running live node: the cluster's oldest member, which hosts the shard coordinator and the singletons. */
    int oldest() {
        int oldest = -1;
        for (int i = 1; i <= count; i++) {
            if (alive(i) && !paused[i] && (oldest < 0 || startedAt[i] < startedAt[oldest])) {
                oldest = i;
            }
        }
        return oldest;
    }

    void kill9(int node) throws Exception {
        signal(node, "KILL");
        processes[node].waitFor();
    }

    void pause(int node) throws Exception {
        signal(node, "STOP");
        paused[node] = true;
    }

    void resume(int node) throws Exception {
        signal(node, "CONT");
        paused[node] = false;
    }

    /** SIGTERM, as an orchestrator stops a node: it leaves the cluster and hands its shards off. */
    boolean terminate(int node, Duration within) throws Exception {
        if (!alive(node)) {
            return true;
        }
        if (paused[node]) {
            resume(node);
        }
        processes[node].destroy();
        return processes[node].waitFor(within.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    /** Waits until the node's process has ended by itself (a downed node exits for a restart). */
    boolean awaitExit(int node, Duration within) throws InterruptedException {
        return processes[node].waitFor(within.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    private void signal(int node, String signal) throws Exception {
        Process kill = new ProcessBuilder("kill", "-" + signal, String.valueOf(pid(node))).inheritIO().start();
        if (kill.waitFor() != 0) {
            throw new IllegalStateException("kill -" + signal + " " + pid(node) + " failed");
        }
    }

    @Override
    public void close() {
        for (int i = 1; i <= count; i++) {
            if (processes[i] != null && processes[i].isAlive()) {
                try {
                    if (paused[i]) {
                        resume(i);
                    }
                } catch (Exception ignored) {
                    // killed below either way
                }
                processes[i].destroyForcibly();
            }
        }
    }
}
