package dev.trader.backtest;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes an {@link EquityCurve} as {@code equity.csv}: {@code time, cash, equity, drawdown}, one
 * row per bar timestamp (the bars' open time, values as of their close), exact plain decimals,
 * LF line ends.
 */
public final class EquityCsvWriter {
    public static final String HEADER = "time,cash,equity,drawdown";

    private EquityCsvWriter() {
    }

    public static void write(EquityCurve curve, Path file) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write(HEADER);
            w.write('\n');
            StringBuilder line = new StringBuilder(96);
            for (int i = 0; i < curve.size(); i++) {
                line.setLength(0);
                line.append(curve.time(i)).append(',')
                        .append(curve.cash(i).toBigDecimal().toPlainString()).append(',')
                        .append(curve.equity(i).toBigDecimal().toPlainString()).append(',')
                        .append(curve.drawdown(i).toBigDecimal().toPlainString()).append('\n');
                w.append(line);
            }
        }
    }
}
