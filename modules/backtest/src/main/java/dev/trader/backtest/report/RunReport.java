package dev.trader.backtest.report;

import dev.trader.backtest.BacktestReport;
import dev.trader.backtest.BacktestResult;
import dev.trader.backtest.EquityCsvWriter;
import dev.trader.backtest.Summary;
import dev.trader.backtest.SummaryJsonWriter;
import dev.trader.backtest.TradesCsvWriter;
import dev.trader.backtest.metrics.Metrics;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes everything a run is reported with into a folder: {@code trades.csv}, {@code equity.csv},
 * {@code summary.json} (the summary's keys, then every metric of {@link MetricsJson}) and the
 * self-contained {@code report.html}. The same run gives byte-identical files.
 */
public final class RunReport {
    public static final String HTML = "report.html";

    private RunReport() {
    }

    /** Creates {@code dir} if needed, writes the four files (replacing earlier ones) and returns the metrics. */
    public static Metrics write(BacktestResult result, Path dir) throws IOException {
        Files.createDirectories(dir);
        Summary summary = Summary.of(result);
        Metrics metrics = Metrics.of(result);
        TradesCsvWriter.write(result.trades(), dir.resolve(BacktestReport.TRADES));
        EquityCsvWriter.write(result.equity(), dir.resolve(BacktestReport.EQUITY));
        Files.writeString(dir.resolve(BacktestReport.SUMMARY), summaryJson(summary, metrics), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve(HTML), ReportPage.html(summary, metrics, result.equity()), StandardCharsets.UTF_8);
        return metrics;
    }

    /** {@code summary.json}: the summary's keys first, as before, then the metrics. */
    public static String summaryJson(Summary summary, Metrics metrics) {
        return SummaryJsonWriter.toJson(summary, MetricsJson.of(metrics).renderedFields(1));
    }
}
