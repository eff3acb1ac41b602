package dev.trader.engine.readmodel.query;

import dev.trader.domain.id.InstrumentId;
import dev.trader.domain.id.StrategyId;
import java.time.Instant;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which rows a query selects; every part is optional (null or empty: any).
 *
 * @param statuses what {@link ReadKind} says status means, upper case; empty: any
 * @param symbol   an instrument id ({@code binance:BTCUSDT}) or a bare symbol ({@code BTCUSDT}, at any venue)
 * @param strategy a strategy id
 * @param from     inclusive, on the kind's event time
 * @param to       exclusive, on the kind's event time
 */
public record ReadFilter(Set<String> statuses, String symbol, String strategy, Instant from, Instant to) {
    public static final ReadFilter ALL = new ReadFilter(Set.of(), null, null, null, null);

    public ReadFilter {
        statuses = statuses == null ? Set.of() : Set.copyOf(new TreeSet<>(statuses.stream().map(s -> s.trim().toUpperCase(Locale.ROOT)).toList()));
        if (symbol != null) {
            symbol = normalSymbol(symbol);
        }
        if (strategy != null) {
            try {
                strategy = new StrategyId(strategy.trim()).value();
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("strategy: " + e.getMessage(), e);
            }
        }
        if (from != null && to != null && !from.isBefore(to)) {
            throw new IllegalArgumentException("from must be before to but " + from + " is not before " + to);
        }
    }

    private static String normalSymbol(String text) {
        String s = text.trim();
        try {
            return s.indexOf(':') >= 0 ? InstrumentId.parse(s).value() : new InstrumentId("any", s).symbol();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("symbol: " + e.getMessage(), e);
        }
    }

    /** The SQL conditions of this filter for {@code kind} (statuses checked against it). */
    SqlWhere where(ReadKind kind) {
        SqlWhere w = new SqlWhere();
        if (!statuses.isEmpty()) {
            w.andBuilt(kind.statusCondition(kind.checkStatuses(statuses), w));
        }
        if (symbol != null) {
            w.and(symbol.indexOf(':') >= 0 ? "instrument = ?" : "symbol = ?", symbol);
        }
        if (strategy != null) {
            w.and("strategy = ?", strategy);
        }
        if (from != null) {
            w.and(kind.timeColumn() + " >= ?", from);
        }
        if (to != null) {
            w.and(kind.timeColumn() + " < ?", to);
        }
        return w;
    }
}
