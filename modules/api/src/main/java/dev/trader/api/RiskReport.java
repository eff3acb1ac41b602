package dev.trader.api;

import java.util.List;
import java.util.Map;

/**
 * The JSON of {@code GET /api/risk}: the account's risk state (floors and their distance, halt,
 * lock, governor, kill switches, flatten, blocked attempts, last rejections), the limits an entry
 * is held to now after every clamp, and the instruments in a news blackout now. Times are event
 * times (the account's latest bar).
 */
public record RiskReport(String model, String asOf, StatusView.RiskView state, Map<String, String> constraints, List<Blackout> newsBlackouts) {

    /** An instrument that takes no entry until {@code until} because of the event. */
    public record Blackout(String instrument, String event, String currency, String impact, String eventTime, String until) {
    }
}
