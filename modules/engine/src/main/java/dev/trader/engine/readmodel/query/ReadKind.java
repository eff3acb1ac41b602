package dev.trader.engine.readmodel.query;

import dev.trader.domain.order.OrderStatus;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a paged query lists, and how its filter reads: the table, the event time its pages are
 * ordered by (newest first) and {@code from}/{@code to} select on, and what {@code status} means.
 * Orders: the order's status, by decision time. Trades: WIN, LOSS or BREAKEVEN (P&amp;L after fees
 * above, below or at zero), by exit time. Signals: the account's decision (APPROVED, REJECTED,
 * IGNORED, or UNDECIDED while it has none), by signal time.
 */
public enum ReadKind {
    ORDERS("o", "rm_orders", "decision_time", "client_order_id", Arrays.stream(OrderStatus.values()).map(Enum::name).toList()),
    TRADES("t", "rm_trades", "exit_time", "trade_id", List.of("WIN", "LOSS", "BREAKEVEN")),
    SIGNALS("s", "rm_signals", "signal_time", "signal_id", List.of("APPROVED", "REJECTED", "IGNORED", "UNDECIDED"));

    private final String code;
    private final String table;
    private final String timeColumn;
    private final String idColumn;
    private final Set<String> statuses;

    ReadKind(String code, String table, String timeColumn, String idColumn, List<String> statuses) {
        this.code = code;
        this.table = table;
        this.timeColumn = timeColumn;
        this.idColumn = idColumn;
        this.statuses = new LinkedHashSet<>(statuses);
    }

    String code() {
        return code;
    }

    String table() {
        return table;
    }

    String timeColumn() {
        return timeColumn;
    }

    String idColumn() {
        return idColumn;
    }

    /** The values {@code status} may take for this kind, in a stable order. */
    public Set<String> statuses() {
        return statuses;
    }

    static ReadKind ofCode(String code) {
        for (ReadKind k : values()) {
            if (k.code.equals(code)) {
                return k;
            }
        }
        return null;
    }

    /** {@code wanted} upper-cased, each checked against {@link #statuses()}; the message names the parameter {@code status}. */
    public Set<String> checkStatuses(Set<String> wanted) {
        Set<String> out = new TreeSet<>();
        for (String s : wanted) {
            String upper = s.trim().toUpperCase(Locale.ROOT);
            if (!statuses.contains(upper)) {
                throw new IllegalArgumentException("status: '" + s + "' is not one of " + statuses + " for " + name().toLowerCase(Locale.ROOT));
            }
            out.add(upper);
        }
        return out;
    }

    /** The SQL condition that selects any of the {@code wanted} statuses (its parameters, if any, go into {@code where}). */
    String statusCondition(Set<String> wanted, SqlWhere where) {
        return switch (this) {
            case ORDERS -> where.in("status", wanted);
            case TRADES -> "(" + String.join(" OR ", wanted.stream().map(s -> switch (s) {
                case "WIN" -> "pnl_after_fees > 0";
                case "LOSS" -> "pnl_after_fees < 0";
                default -> "pnl_after_fees = 0";
            }).toList()) + ")";
            case SIGNALS -> {
                Set<String> decided = new TreeSet<>(wanted);
                boolean undecided = decided.remove("UNDECIDED");
                List<String> parts = new ArrayList<>();
                if (!decided.isEmpty()) {
                    parts.add(where.in("decision", decided));
                }
                if (undecided) {
                    parts.add("decision IS NULL");
                }
                yield "(" + String.join(" OR ", parts) + ")";
            }
        };
    }
}
