package dev.trader.engine.reconcile;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** Which instruments a reconciliation's findings hold, and why in one line each. */
final class Holds {
    private Holds() {
    }

    static Map<String, String> of(List<Finding> findings) {
        Map<String, List<Finding>> byInstrument = new TreeMap<>(findings.stream().collect(Collectors.groupingBy(Finding::instrument)));
        Map<String, String> holds = new TreeMap<>();
        byInstrument.forEach((instrument, fs) -> holds.put(instrument, fs.size() + " unexplained: "
                + fs.stream().map(f -> f.kind() + " " + f.key()).collect(Collectors.joining(", "))));
        return holds;
    }
}
