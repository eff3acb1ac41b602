package dev.trader.domain.id;

import java.util.Locale;
import java.util.Objects;

/** A tradable instrument at a venue: {@code venue:symbol}, e.g. {@code binance:BTCUSDT}. */
public record InstrumentId(String venue, String symbol) {
    public InstrumentId {
        venue = Identifiers.token(venue, "venue").toLowerCase(Locale.ROOT);
        symbol = Identifiers.token(symbol, "symbol").toUpperCase(Locale.ROOT);
    }

    /** Parses {@code venue:symbol}. */
    public static InstrumentId parse(String text) {
        Objects.requireNonNull(text, "instrument id");
        int colon = text.indexOf(':');
        if (colon <= 0 || colon == text.length() - 1 || text.indexOf(':', colon + 1) >= 0) {
            throw new IllegalArgumentException("instrument id must look like venue:SYMBOL but was '" + text + "'");
        }
        return new InstrumentId(text.substring(0, colon), text.substring(colon + 1));
    }

    public String value() {
        return venue + ":" + symbol;
    }

    @Override
    public String toString() {
        return value();
    }
}
