package dev.trader.app.testing;

import dev.trader.app.Main;
import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code bin/trader ...} as its own process, as a user runs it (same main class and class path as
 * the test): something a test can {@code kill -9}, with its output collected line by line.
 */
public final class TraderProcess {
    /** Logs as {@code bin/trader} does: conf/logback.xml (on the class path as logback.xml) instead of the tests' logback-test.xml. */
    public static final String PRODUCTION_LOGGING = "-Dlogback.configurationFile=logback.xml";

    private final Process process;
    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final Thread reader;

    private TraderProcess(Process process) {
        this.process = process;
        reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    lines.add(line);
                }
            } catch (Exception ignored) {
                // the process was killed: its output simply ends
            }
        }, "trader-process-output");
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts {@code bin/trader <args>} with {@code env} added to this process's environment (a null value removes a variable). */
    public static TraderProcess start(Map<String, String> env, String... args) throws Exception {
        return start(List.of(), env, args);
    }

    /**
     * The same with {@code jvmOptions} for the JVM, e.g. {@link #PRODUCTION_LOGGING}: the test class path puts the
     * tests' logback-test.xml first, which a user's run does not have.
     */
    public static TraderProcess start(List<String> jvmOptions, Map<String, String> env, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m"));
        // The tests poll a node's status many times a second, far above an operator's rate limit.
        cmd.addAll(List.of("-Dtrader.api.rate-limit.requests-per-second=100000", "-Dtrader.api.rate-limit.burst=100000"));
        cmd.addAll(jvmOptions);
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).directory(new File(System.getProperty("user.dir")));
        pb.environment().put("TRADER_API_KEY", TestNodes.ADMIN_KEY);
        env.forEach((k, v) -> {
            if (v == null) {
                pb.environment().remove(k);
            } else {
                pb.environment().put(k, v);
            }
        });
        return new TraderProcess(pb.start());
    }

    /** Waits for the process to end and its last line to be read; false (and nothing waited for further) if it runs past {@code within}. */
    public boolean awaitExit(Duration within) throws InterruptedException {
        if (!process.waitFor(within.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
            return false;
        }
        reader.join(10_000);
        return true;
    }

    public Process process() {
        return process;
    }

    public List<String> lines() {
        return List.copyOf(lines);
    }

    /** The first line so far that matches, if any. */
    public Matcher find(Pattern pattern) {
        for (String l : lines) {
            Matcher m = pattern.matcher(l);
            if (m.find()) {
                return m;
            }
        }
        return null;
    }

    /** Waits for a line that matches; fails with the output if the process ends or {@code within} passes first. */
    public Matcher await(Pattern pattern, Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
            Matcher m = find(pattern);
            if (m != null) {
                return m;
            }
            if (!process.isAlive()) {
                m = find(pattern);
                if (m != null) {
                    return m;
                }
                break;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the process never printed /" + pattern + "/; its output ends:\n" + tail(40));
    }

    public String tail(int n) {
        List<String> all = lines();
        return String.join("\n", all.subList(Math.max(0, all.size() - n), all.size()));
    }
}
