package dev.trader.engine.reconcile;

import dev.trader.engine.CborSerializable;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One reconciliation with the venue, as journaled and shown by {@code GET /api/reconciliations}.
 *
 * @param number          1, 2, … per account
 * @param trigger         boot, reconnect, operator, unknown-fill, recheck (while held) or acknowledge
 * @param at              when the venue was read (wall clock: an operational record, never a trading input)
 * @param fillsRepaired   fills the venue had not delivered and delivered before the reading
 * @param venueOpenOrders open orders the venue listed for the traded instruments
 * @param findings        what could not be explained, confirmed by a second reading
 * @param holds           the instruments whose entries are held as a result: instrument → why
 * @param notes           what was set or learned (a balance baseline taken, readings that disagreed)
 */
public record ReconciliationReport(long number, String trigger, Instant at, int fillsRepaired, int venueOpenOrders,
                                   List<Finding> findings, Map<String, String> holds, List<String> notes) implements CborSerializable {
    public ReconciliationReport {
        findings = List.copyOf(findings);
        holds = Map.copyOf(holds);
        notes = List.copyOf(notes);
    }

    public boolean clean() {
        return findings.isEmpty();
    }
}
