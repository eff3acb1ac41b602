package dev.trader.strategy.regime;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A regime together with everything that decided it, for the audit trail: the rule that fired,
 * the three inputs and the thresholds in force.
 */
public record RegimeClassification(Regime regime, String rule, double adx, double hurst, VolatilityState volatility,
                                   RegimeThresholds thresholds) {
    public RegimeClassification {
        Objects.requireNonNull(regime, "regime");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(volatility, "volatility");
        Objects.requireNonNull(thresholds, "thresholds");
    }

    /** The classification as string metadata, in the shape of a signal's metadata map. */
    public Map<String, String> auditMetadata() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("regime", regime.name());
        m.put("regime_rule", rule);
        m.put("regime_adx", Double.toString(adx));
        m.put("regime_hurst", Double.toString(hurst));
        m.put("regime_volatility", volatility.name());
        m.put("regime_trend_adx", Double.toString(thresholds.trendAdx()));
        m.put("regime_trend_hurst", Double.toString(thresholds.trendHurst()));
        return m;
    }
}
