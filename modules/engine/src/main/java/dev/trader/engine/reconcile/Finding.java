package dev.trader.engine.reconcile;

import dev.trader.engine.CborSerializable;
import java.util.Map;
import java.util.Objects;

/**
 * One thing the venue's books show that ours do not explain, on one instrument. {@code key} names
 * it across readings (the venue's order id, the trade id, the asset), so that a second reading can
 * confirm it and an operator can acknowledge it; {@code facts} are the figures behind it.
 */
public record Finding(String instrument, Kind kind, String key, String detail, Map<String, String> facts) implements CborSerializable {
    public enum Kind {
        /** The venue lists an open order whose client order id our journal does not know. */
        FOREIGN_OPEN_ORDER,
        /** The venue lists as open an order our journal holds as ended (filled, cancelled, rejected, expired). */
        OPEN_ORDER_ENDED_HERE,
        /** The venue made a trade it could not hand over as a fill of one of our orders. */
        UNDELIVERED_TRADE,
        /** A fill arrived for a client order id our journal does not know. */
        UNKNOWN_ORDER_FILL,
        /** What the venue holds of an asset differs from its baseline plus what our positions hold. */
        BALANCE_MISMATCH,
        /** The venue could not be read at all: nothing is known to agree. */
        VENUE_UNREADABLE
    }

    public Finding {
        Objects.requireNonNull(instrument, "instrument");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(key, "key");
        facts = facts == null ? Map.of() : Map.copyOf(facts);
    }

    /**
     * What a second reading must show again to confirm this finding: the same thing, and for a
     * balance the same difference (a trade in flight moves it between readings).
     */
    public String confirmKey() {
        return ackKey() + "|" + facts.getOrDefault("difference", "");
    }

    /** The key under which an acknowledgement of this finding is kept. */
    public String ackKey() {
        return kind + ":" + key;
    }
}
