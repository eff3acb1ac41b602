package dev.trader.backtest;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes round trips as {@code trades.csv}: the R1 columns first ({@code open_time, close_time,
 * entry_price, exit_price, qty, pnl, pnl_after_fees}), then {@code fees, instrument,
 * exit_reason}, then {@code initial_stop} (empty when the entry had no stop) and
 * {@code slippage} (see {@link RoundTrip}). Times are bar timestamps in ISO-8601 UTC ({@code 2023-03-16T22:48:00Z}),
 * numbers exact plain decimals without trailing zeros, LF line ends.
 */
public final class TradesCsvWriter {
    public static final String HEADER = "open_time,close_time,entry_price,exit_price,qty,pnl,pnl_after_fees,fees,instrument,exit_reason,initial_stop,slippage";

    private TradesCsvWriter() {
    }

    public static void write(List<RoundTrip> trades, Path file) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write(HEADER);
            w.write('\n');
            for (RoundTrip t : trades) {
                w.write(row(t));
                w.write('\n');
            }
        }
    }

    /** One trade as its CSV line (without the line end). */
    public static String row(RoundTrip t) {
        return t.openTime() + "," + t.closeTime() + "," + t.entryPrice() + "," + t.exitPrice() + "," + t.quantity() + ","
                + t.pnl().toBigDecimal().toPlainString() + "," + t.pnlAfterFees().toBigDecimal().toPlainString() + ","
                + t.fees().toBigDecimal().toPlainString() + "," + t.instrument().value() + "," + t.exitReason().code() + ","
                + (t.initialStop() == null ? "" : t.initialStop().toString()) + "," + t.slippage().toBigDecimal().toPlainString();
    }
}
