package dev.trader.engine.reconcile;

import dev.trader.engine.CborSerializable;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The reconciliations of one account: the balance baseline per asset (what the venue held that is
 * not our positions' when it was first read, or when an operator accepted a difference), the
 * findings operators acknowledged, and the latest reports.
 */
public record ReconciliationState(long count, Map<String, BigDecimal> baselines, Set<String> acknowledged,
                                  List<ReconciliationReport> recent, Map<String, Finding> unknownFills) implements CborSerializable {
    static final int RECENT = 20;
    /** A flood of foreign trades keeps the first ones: enough to hold the instrument and show what happened. */
    static final int UNKNOWN_FILLS_KEPT = 1000;

    public ReconciliationState {
        // Null in a snapshot written before unknown fills were journaled.
        unknownFills = unknownFills == null ? Map.of() : Map.copyOf(unknownFills);
        baselines = Map.copyOf(baselines);
        acknowledged = Set.copyOf(acknowledged);
        recent = List.copyOf(recent);
    }

    static ReconciliationState empty() {
        return new ReconciliationState(0, Map.of(), Set.of(), List.of(), Map.of());
    }

    public ReconciliationReport latest() {
        return recent.isEmpty() ? null : recent.get(recent.size() - 1);
    }

    ReconciliationState reconciled(ReconciliationReport report, Map<String, BigDecimal> baselinesTaken) {
        Map<String, BigDecimal> b = new HashMap<>(baselines);
        b.putAll(baselinesTaken);
        List<ReconciliationReport> r = new ArrayList<>(recent);
        r.add(report);
        while (r.size() > RECENT) {
            r.remove(0);
        }
        return new ReconciliationState(report.number(), b, acknowledged, r, unknownFills);
    }

    ReconciliationState acknowledgedAll(Map<String, BigDecimal> newBaselines, Set<String> keys) {
        Map<String, BigDecimal> b = new HashMap<>(baselines);
        b.putAll(newBaselines);
        Set<String> a = new HashSet<>(acknowledged);
        a.addAll(keys);
        Map<String, Finding> fills = new HashMap<>(unknownFills);
        fills.values().removeIf(f -> keys.contains(f.ackKey()));
        return new ReconciliationState(count, b, a, recent, fills);
    }

    /** Whether another unknown-order fill would be kept (not seen before, and room left). */
    boolean keeps(Finding fill) {
        return !unknownFills.containsKey(fill.key()) && unknownFills.size() < UNKNOWN_FILLS_KEPT;
    }

    ReconciliationState unknownFill(Finding fill) {
        Map<String, Finding> fills = new HashMap<>(unknownFills);
        fills.put(fill.key(), fill);
        return new ReconciliationState(count, baselines, acknowledged, recent, fills);
    }
}
