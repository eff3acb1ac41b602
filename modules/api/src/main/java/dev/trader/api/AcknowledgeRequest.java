package dev.trader.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.trader.domain.id.InstrumentId;
import java.util.Set;

/**
 * The body of {@code POST /api/reconciliations/acknowledge}: {@code {"instrument": "binance:BTCUSDT",
 * "reason": "..."}}, the instrument whose latest findings the operator takes as explained, and why
 * (journaled and logged with it). Parsed strictly, as {@link ClearHaltRequest}.
 */
record AcknowledgeRequest(InstrumentId instrument, String reason) {
    private static final String EXAMPLE = "{\"instrument\": \"binance:BTCUSDT\", \"reason\": \"deposit of 0.5 BTC by the desk\"}";

    static AcknowledgeRequest parse(String body) {
        JsonNode node = StrictJson.object(body, Set.of("instrument", "reason"), EXAMPLE);
        JsonNode instrument = node.get("instrument");
        if (instrument == null || !instrument.isTextual()) {
            throw new IllegalArgumentException("\"instrument\" must be a string such as \"binance:BTCUSDT\" but was "
                    + (instrument == null ? "missing" : instrument.toString()));
        }
        return new AcknowledgeRequest(InstrumentId.parse(instrument.textValue()), ClearHaltRequest.reason(node.get("reason")));
    }
}
