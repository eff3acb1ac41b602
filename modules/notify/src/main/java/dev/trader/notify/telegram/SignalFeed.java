package dev.trader.notify.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The signals the account approved since the bot started, read from {@code /api/signals} (newest
 * first, so the new ones are reversed into the order they happened). What was there before the
 * first read is history, not news: it is not sent.
 */
public final class SignalFeed {
    private static final int PAGE = 100;
    private final TraderControl trader;
    private final Set<String> seen = new HashSet<>();
    private boolean primed;

    public SignalFeed(TraderControl trader) {
        this.trader = trader;
    }

    public List<JsonNode> next() {
        List<JsonNode> fresh = new ArrayList<>();
        Set<String> page = new HashSet<>();
        for (JsonNode row : trader.signals(PAGE).path("items")) {
            String id = row.path("signalId").asText();
            if (!"APPROVED".equals(row.path("decision").asText())) {
                continue;
            }
            page.add(id);
            if (seen.add(id) && primed) {
                fresh.add(0, row);
            }
        }
        // A signal that left the newest page never comes back to it: remembering it would only grow without end.
        seen.retainAll(page);
        primed = true;
        return fresh;
    }
}
