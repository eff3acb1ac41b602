package dev.trader.notify.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * What the bot reads and steers, as the node's HTTP API answers it (its JSON, whose shapes
 * {@code src-shared/api/schemas} define): the bot holds no state of the system of its own.
 */
public interface TraderControl {
    /** {@code GET /api/status}. */
    JsonNode status();

    /** {@code GET /api/metrics?from=}: the closed trades' analytics since {@code from}. */
    JsonNode metrics(Instant from);

    /** {@code GET /api/positions}. */
    JsonNode positions();

    /** {@code GET /api/strategies}. */
    JsonNode strategies();

    /** {@code PUT /api/strategies/{id}/threshold}. */
    JsonNode threshold(String strategy, BigDecimal minConfidence);

    /** {@code POST /api/kill-switch} (the global switch). */
    JsonNode killSwitch(boolean on);

    /** {@code GET /api/signals?limit=}: the newest signals first. */
    JsonNode signals(int limit);

    /** {@code GET /api/instruments/{id}}: with its recent 1m bars. */
    JsonNode instrument(String id);
}
