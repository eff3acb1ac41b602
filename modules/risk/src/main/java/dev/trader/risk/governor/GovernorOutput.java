package dev.trader.risk.governor;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The governor's verdict: a size multiplier in {1.0, 0.75, 0.5, 0}, the cool-down end when the
 * multiplier is 0 (null otherwise), the rule that fired ({@code governor.none} when none did)
 * and its inputs.
 */
public record GovernorOutput(BigDecimal multiplier, Instant cooldownUntil, String rule, Map<String, String> inputs) {
    public static final BigDecimal FULL = new BigDecimal("1.0");
    public static final BigDecimal THREE_QUARTERS = new BigDecimal("0.75");
    public static final BigDecimal HALF = new BigDecimal("0.5");
    public static final BigDecimal STOP = BigDecimal.ZERO;

    public GovernorOutput {
        inputs = Collections.unmodifiableMap(new LinkedHashMap<>(inputs));
    }

    public boolean blocks() {
        return multiplier.signum() == 0;
    }
}
