package dev.trader.engine.readmodel.query;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * Closed trades as CSV (RFC 4180): a header that does not change, one record per trade, CRLF line
 * ends; a field with a comma, a double quote or a line break is quoted and its quotes doubled.
 * Decimals are exact and plain ({@code 0.00012}, never {@code 1.2E-4}); times ISO-8601 UTC; a value
 * that is not known (no stop, so no R) is an empty field.
 */
public final class TradesCsv {
    public static final List<String> HEADER = List.of("trade_id", "position_id", "strategy", "instrument", "side", "quantity", "entry_time",
            "entry_price", "exit_time", "exit_price", "pnl", "fees", "pnl_after_fees", "currency", "initial_stop", "initial_risk", "r_multiple",
            "hold_minutes", "exit_kind", "regime", "session");
    private static final String EOL = "\r\n";

    private TradesCsv() {
    }

    public static String of(List<TradeRow> trades) {
        StringBuilder out = new StringBuilder(128 * (trades.size() + 1));
        write(trades, out);
        return out.toString();
    }

    public static void write(List<TradeRow> trades, Appendable out) {
        try {
            out.append(String.join(",", HEADER)).append(EOL);
            for (TradeRow t : trades) {
                List<Object> fields = List.of(t.tradeId(), t.positionId(), t.strategy(), t.instrument(), t.side().name(), orEmpty(t.quantity()),
                        t.entryTime(), orEmpty(t.entryPrice()), t.exitTime(), orEmpty(t.exitPrice()), orEmpty(t.pnl()), orEmpty(t.fees()),
                        t.pnlAfterFees(), orEmpty(t.currency()), orEmpty(t.initialStop()), orEmpty(t.initialRisk()), orEmpty(t.rMultiple()),
                        orEmpty(t.holdMinutes()), orEmpty(t.exitKind()), orEmpty(t.regime()), orEmpty(t.session()));
                for (int i = 0; i < fields.size(); i++) {
                    if (i > 0) {
                        out.append(',');
                    }
                    out.append(field(fields.get(i)));
                }
                out.append(EOL);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Object orEmpty(Object value) {
        return value == null ? "" : value;
    }

    static String field(Object value) {
        String text = value instanceof BigDecimal d ? d.toPlainString() : value instanceof Instant t ? t.toString() : String.valueOf(value);
        if (text.indexOf(',') < 0 && text.indexOf('"') < 0 && text.indexOf('\r') < 0 && text.indexOf('\n') < 0) {
            return text;
        }
        return '"' + text.replace("\"", "\"\"") + '"';
    }
}
