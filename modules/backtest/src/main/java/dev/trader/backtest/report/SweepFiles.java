package dev.trader.backtest.report;

import dev.trader.backtest.research.Objective;
import dev.trader.backtest.research.ParameterGrid;
import dev.trader.backtest.research.SweepResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Writes a sweep into a folder: {@code sweep.csv} ({@link SweepCsv}) and {@code sweep.html} ({@link SweepPage}). */
public final class SweepFiles {
    public static final String CSV = "sweep.csv";
    public static final String HTML = "sweep.html";

    private SweepFiles() {
    }

    public static void write(Path dir, String title, String subtitle, ParameterGrid grid, List<SweepResult> results, Objective objective)
            throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(CSV), SweepCsv.csv(grid.names(), results), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve(HTML), SweepPage.html(title, subtitle, grid, results, objective), StandardCharsets.UTF_8);
    }
}
