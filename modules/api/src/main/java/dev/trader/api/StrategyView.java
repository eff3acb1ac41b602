package dev.trader.api;

import java.util.List;
import java.util.Map;

/**
 * One configured strategy as {@code GET /api/strategies} shows it: its timeframes (as the
 * configuration names them, {@code 1m}, {@code 1h}, shortest first) and, per
 * instrument it trades, whether it is enabled, the operator's confidence threshold, the parameters
 * it runs with, bars seen and signals raised. {@code configuredParameters}: as the configuration
 * gives them; an operator's change shows in each instrument's {@code parameters}.
 */
public record StrategyView(String id, String type, List<String> timeframes, Map<String, Object> configuredParameters, List<Market> instruments) {

    public record Market(String instrument, boolean enabled, String minConfidence, Map<String, Object> parameters, boolean parametersChanged,
                         long barsSeen, long signals, String lastBar) {
    }
}
