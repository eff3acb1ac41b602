package dev.trader.api;

import static dev.trader.domain.money.FixedPoint.plain;

import dev.trader.engine.account.AccountState;
import dev.trader.engine.reconcile.ReconciliationReport;
import dev.trader.engine.reconcile.ReconciliationState;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * {@code GET /api/reconciliations}: the instruments whose entries are held now (from the account,
 * which enforces them), how many reconciliations ran, the balance baselines, the acknowledged
 * findings, and the latest reports, newest first.
 */
public record ReconciliationView(boolean enabled, Map<String, String> holds, long count, Map<String, String> baselines,
                                 Set<String> acknowledged, List<ReconciliationReport> reports) {
    static ReconciliationView of(ReconciliationState state, AccountState account) {
        Map<String, String> baselines = new TreeMap<>();
        state.baselines().forEach((asset, b) -> baselines.put(asset, plain(b)));
        List<ReconciliationReport> newestFirst = new ArrayList<>(state.recent());
        Collections.reverse(newestFirst);
        return new ReconciliationView(true, new TreeMap<>(account.reconciliationHolds()), state.count(), baselines,
                new TreeSet<>(state.acknowledged()), newestFirst);
    }

}
