package dev.trader.backtest.execmetrics;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where metrics files live and how the current one is found. Each computation is a file of its
 * own, named by its date, {@code execution_metrics_YYYY-MM-DD.json}, in a folder ({@code data/} by
 * default); older ones stay, so a past backtest can be rerun with the costs it used. The folder's
 * {@value #LATEST} is a one-line text file holding the name of the current one (a pointer rather
 * than a copy: there is one file of figures per date, and no symbolic links to break on other
 * systems). It is rewritten, atomically, after its file is complete, so a reader never follows it
 * to half a file.
 */
public final class ExecutionMetricsFiles {
    public static final String LATEST = "execution_metrics_latest.txt";
    /** Where {@code bin/trader exec-metrics} writes and {@code --exec-metrics latest} looks, relative to the working folder. */
    public static final Path DEFAULT_DIR = Path.of("data");
    private static final Pattern NAME = Pattern.compile("execution_metrics_(\\d{4}-\\d{2}-\\d{2})\\.json");

    private ExecutionMetricsFiles() {
    }

    /** {@code execution_metrics_2024-08-09.json}. */
    public static String fileName(LocalDate date) {
        return "execution_metrics_" + date + ".json";
    }

    /** Writes {@code metrics} to its dated file in {@code dir} (replacing one of the same date), then points {@value #LATEST} at it. */
    public static Path write(Path dir, ExecutionMetrics metrics) throws IOException {
        Files.createDirectories(dir);
        Path file = dir.resolve(fileName(metrics.created()));
        replace(file, ExecutionMetricsJson.write(metrics));
        replace(dir.resolve(LATEST), file.getFileName() + "\n");
        return file;
    }

    /** Writes beside {@code target}, then moves over it: a reader sees the old file or the new one, never half of one. */
    private static void replace(Path target, String text) throws IOException {
        Path tmp = target.resolveSibling("." + target.getFileName() + ".tmp");
        try {
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            try {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** The file {@value #LATEST} in {@code dir} names; it must name a dated metrics file that exists beside it. */
    public static Path latest(Path dir) throws IOException {
        Path pointer = dir.resolve(LATEST);
        if (!Files.isRegularFile(pointer)) {
            throw new IllegalArgumentException("no " + LATEST + " in " + dir + ": run bin/trader exec-metrics first (or name a metrics file)");
        }
        String name = Files.readString(pointer, StandardCharsets.UTF_8).strip();
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException(pointer + " must hold the name of an execution_metrics_YYYY-MM-DD.json file but holds '" + name + "'");
        }
        Path file = dir.resolve(name);
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(pointer + " names " + name + ", which is not in " + dir);
        }
        return file;
    }

    /** {@code latest} (the current file in {@link #DEFAULT_DIR}), a folder (its current file), or a metrics file. */
    public static Path resolve(String spec) throws IOException {
        if (spec.equals("latest")) {
            return latest(DEFAULT_DIR);
        }
        Path path = Path.of(spec);
        return Files.isDirectory(path) ? latest(path) : path;
    }

    /**
     * Reads the file {@code spec} resolves to. A file named by date must carry that date as its
     * {@code created}: a renamed or hand-copied file would otherwise pass for another day's figures.
     */
    public static ExecutionMetrics load(String spec) throws IOException {
        Path file = resolve(spec);
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("execution metrics file " + file + " not found");
        }
        ExecutionMetrics m = ExecutionMetricsJson.read(file);
        Matcher named = NAME.matcher(String.valueOf(file.getFileName()));
        if (named.matches() && !named.group(1).equals(m.created().toString())) {
            throw new IllegalArgumentException(file + ": named for " + named.group(1) + " but created " + m.created());
        }
        return m;
    }
}
