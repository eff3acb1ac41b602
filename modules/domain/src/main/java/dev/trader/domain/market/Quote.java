package dev.trader.domain.market;

import dev.trader.domain.id.InstrumentId;
import dev.trader.domain.money.Price;
import java.time.Instant;
import java.util.Objects;

/** The best bid and ask of an instrument at a moment (top of book). A crossed book (ask below bid) is not a quote. */
public record Quote(InstrumentId instrument, Instant time, Price bid, Price ask) {
    public Quote {
        Objects.requireNonNull(instrument, "instrument");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(bid, "bid");
        Objects.requireNonNull(ask, "ask");
        if (!bid.isPositive() || !ask.isPositive()) {
            throw new IllegalArgumentException("bid and ask must be positive but were " + bid + " / " + ask);
        }
        if (ask.compareTo(bid) < 0) {
            throw new IllegalArgumentException("crossed quote: ask " + ask + " is below bid " + bid);
        }
    }
}
