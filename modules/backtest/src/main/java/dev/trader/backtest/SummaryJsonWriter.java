package dev.trader.backtest;

import dev.trader.domain.id.InstrumentId;
import dev.trader.domain.money.Money;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Writes a {@link Summary} as {@code summary.json}: one object, keys in a fixed order, amounts
 * and ratios as exact JSON numbers (plain decimals, no exponent), times as ISO-8601 UTC, LF line
 * ends. New metrics go in {@link Summary} and here.
 */
public final class SummaryJsonWriter {
    private SummaryJsonWriter() {
    }

    public static void write(Summary s, Path file) throws IOException {
        Files.writeString(file, toJson(s), StandardCharsets.UTF_8);
    }

    /**
     * The summary's keys, then {@code extra} keys in the order given: each value is JSON text
     * as it is to appear (a nested object's inner lines indented by the caller for a two-space
     * outer indent). How {@code summary.json} carries the metrics without this package knowing them.
     */
    public static String toJson(Summary s, List<Map.Entry<String, String>> extra) {
        String base = toJson(s);
        if (extra.isEmpty()) {
            return base;
        }
        StringBuilder b = new StringBuilder(base.length() + 64 * extra.size());
        b.append(base, 0, base.length() - "\n}\n".length()).append(",\n");
        for (int i = 0; i < extra.size(); i++) {
            Map.Entry<String, String> e = extra.get(i);
            b.append("  ").append(quote(e.getKey())).append(": ").append(e.getValue()).append(i + 1 < extra.size() ? ",\n" : "\n");
        }
        return b.append("}\n").toString();
    }

    public static String toJson(Summary s) {
        StringBuilder b = new StringBuilder(512).append("{\n");
        field(b, "strategy", quote(s.strategy()));
        StringBuilder instruments = new StringBuilder("[");
        for (int i = 0; i < s.instruments().size(); i++) {
            InstrumentId id = s.instruments().get(i);
            instruments.append(i == 0 ? "" : ", ").append(quote(id.value()));
        }
        field(b, "instruments", instruments.append(']').toString());
        field(b, "timeframe", quote(s.timeframe()));
        field(b, "bars", Long.toString(s.bars()));
        field(b, "first_bar", quote(s.firstBar().toString()));
        field(b, "last_bar", quote(s.lastBar().toString()));
        field(b, "currency", quote(s.currency()));
        field(b, "initial_cash", number(s.initialCash()));
        field(b, "final_equity", number(s.finalEquity()));
        field(b, "trades", Integer.toString(s.trades()));
        field(b, "wins", Integer.toString(s.wins()));
        field(b, "win_rate", number(s.winRate()));
        field(b, "gross_pnl", number(s.grossPnl()));
        field(b, "fees", number(s.fees()));
        field(b, "net_pnl", number(s.netPnl()));
        field(b, "max_drawdown", number(s.maxDrawdown()));
        field(b, "max_drawdown_pct", number(s.maxDrawdownPct()));
        b.append("  \"open_positions\": ").append(s.openPositions()).append('\n');
        return b.append("}\n").toString();
    }

    private static void field(StringBuilder b, String key, String value) {
        b.append("  \"").append(key).append("\": ").append(value).append(",\n");
    }

    private static String number(Money m) {
        return m.toBigDecimal().toPlainString();
    }

    private static String number(BigDecimal d) {
        return d.toPlainString();
    }

    /** {@code s} as a JSON string literal. */
    public static String quote(String s) {
        StringBuilder b = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }
}
