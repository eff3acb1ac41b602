package dev.trader.api;

import static dev.trader.domain.money.FixedPoint.plain;

import dev.trader.engine.reconcile.ReconciliationReport;
import dev.trader.engine.reconcile.ReconciliationService.Acknowledgement;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The JSON of {@code POST /api/reconciliations/acknowledge}: what was acknowledged and the
 * reconciliation that ran right after. The journaled event holds the baselines as decimals, which
 * Jackson would write as JSON numbers; here they are decimal strings, as every amount of the API.
 */
public record AcknowledgementView(Acknowledged acknowledged, ReconciliationReport report) {

    /** {@code baselines}: asset → the baseline the acknowledgement set; {@code keys}: the findings taken as explained (sorted). */
    public record Acknowledged(String instrument, String reason, Instant at, Map<String, String> baselines, List<String> keys, int findings) {
    }

    static AcknowledgementView of(Acknowledgement a) {
        var event = a.acknowledged();
        Map<String, String> baselines = new TreeMap<>();
        event.baselines().forEach((asset, b) -> baselines.put(asset, plain(b)));
        return new AcknowledgementView(new Acknowledged(event.instrument(), event.reason(), event.at(), baselines,
                event.keys().stream().sorted().toList(), event.findings()), a.report());
    }
}
