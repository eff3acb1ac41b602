package dev.trader.risk.account;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** New entries are stopped: by which rule, since when, whether the next trading day lifts it, and the inputs. */
public record Halt(String rule, Instant since, boolean untilNextDay, Map<String, String> inputs) {
    public Halt {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(since, "since");
        inputs = Collections.unmodifiableMap(new LinkedHashMap<>(inputs));
    }
}
