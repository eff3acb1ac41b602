package dev.trader.execution.sim.fault;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** The faults of one run (at most one spec per kind) and the seed their generators derive from. */
public record FaultPlan(long seed, List<FaultSpec> faults) {
    public FaultPlan {
        faults = List.copyOf(Objects.requireNonNull(faults, "faults"));
        Map<FaultKind, FaultSpec> seen = new EnumMap<>(FaultKind.class);
        for (FaultSpec f : faults) {
            if (seen.put(f.kind(), f) != null) {
                throw new IllegalArgumentException("faults: " + f.kind() + " is configured twice");
            }
        }
    }

    public static FaultPlan none() {
        return new FaultPlan(0, List.of());
    }

    public static FaultPlan of(long seed, FaultSpec... faults) {
        return new FaultPlan(seed, List.of(faults));
    }
}
