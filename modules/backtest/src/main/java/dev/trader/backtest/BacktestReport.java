package dev.trader.backtest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes a run's files into a folder: {@code trades.csv}, {@code equity.csv}, {@code summary.json}. */
public final class BacktestReport {
    public static final String TRADES = "trades.csv";
    public static final String EQUITY = "equity.csv";
    public static final String SUMMARY = "summary.json";

    private BacktestReport() {
    }

    /** Creates {@code dir} if needed and writes the three files, replacing earlier ones. */
    public static void write(BacktestResult result, Path dir) throws IOException {
        Files.createDirectories(dir);
        TradesCsvWriter.write(result.trades(), dir.resolve(TRADES));
        EquityCsvWriter.write(result.equity(), dir.resolve(EQUITY));
        SummaryJsonWriter.write(Summary.of(result), dir.resolve(SUMMARY));
    }
}
