package dev.trader.execution.sim.fault;

import java.util.ArrayList;
import java.util.List;

/** What the fault injector did, in order: tests read it to know which answers were lies. */
public final class FaultLog {
    private final List<FaultRecord> records = new ArrayList<>();

    synchronized void add(FaultRecord r) {
        records.add(r);
    }

    public synchronized List<FaultRecord> records() {
        return List.copyOf(records);
    }

    public synchronized List<FaultRecord> of(FaultKind kind) {
        return records.stream().filter(r -> r.kind() == kind).toList();
    }
}
