package dev.trader.api;

import java.util.List;

/**
 * One configured strategy as {@code GET /api/strategies} shows it: its timeframes (as the
 * configuration names them, {@code 1m}, {@code 1h}, shortest first) and, per
 * instrument it trades, whether it is enabled, the operator's confidence threshold, bars seen and
 * signals raised.
 */
public record StrategyView(String id, List<String> timeframes, List<Market> instruments) {

    public record Market(String instrument, boolean enabled, String minConfidence, long barsSeen, long signals, String lastBar) {
    }
}
