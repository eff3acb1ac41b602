package dev.trader.backtest.execmetrics;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * One symbol's costs: a cell per {@link ExecutionSession}, and {@code all}, everything measured for
 * the symbol whatever the session (what a session without any measurement falls back to).
 */
public record SymbolMetrics(Map<ExecutionSession, CellMetrics> sessions, CellMetrics all) {
    public SymbolMetrics {
        Objects.requireNonNull(all, "all");
        EnumMap<ExecutionSession, CellMetrics> copy = new EnumMap<>(ExecutionSession.class);
        for (ExecutionSession s : ExecutionSession.values()) {
            CellMetrics cell = sessions.get(s);
            if (cell == null) {
                throw new IllegalArgumentException("no cell for session " + s.key());
            }
            copy.put(s, cell);
        }
        sessions = Collections.unmodifiableMap(copy);
    }

    public CellMetrics session(ExecutionSession session) {
        return sessions.get(session);
    }
}
