package dev.trader.risk.news;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/**
 * One calendar entry: when (UTC), which currency it concerns ({@code ALL} for events that
 * concern every market, as Forex Factory marks OPEC meetings), its impact, title and the
 * source's id (may be empty).
 */
public record EconomicEvent(Instant time, String currency, Impact impact, String title, String id) {
    /** Forex Factory's currency for events that move every market. */
    public static final String ALL = "ALL";

    public EconomicEvent {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(impact, "impact");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(id, "id");
        currency = Objects.requireNonNull(currency, "currency").trim().toUpperCase(Locale.ROOT);
        if (currency.isEmpty()) {
            throw new IllegalArgumentException("an economic event needs a currency");
        }
    }

    @Override
    public String toString() {
        return time + " " + currency + " " + impact + " " + title;
    }
}
