package dev.trader.domain.cost;

import dev.trader.domain.id.InstrumentId;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;

/**
 * The quoted spread of an instrument at a moment, in basis points of the mid, where it is known:
 * measured per symbol and trading session (the execution-metrics file), or a live quote. The
 * execution algorithms route a child by it; implementations must be immutable.
 */
@FunctionalInterface
public interface QuotedSpreads {
    /** Nothing known anywhere. */
    QuotedSpreads NONE = (instrument, time) -> Optional.empty();

    Optional<BigDecimal> spreadBps(InstrumentId instrument, Instant time);
}
