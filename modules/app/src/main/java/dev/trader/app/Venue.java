package dev.trader.app;

import dev.trader.domain.id.InstrumentId;
import dev.trader.domain.port.ExecutionClient;
import dev.trader.domain.port.MarketDataFeed;
import dev.trader.domain.port.SimulatedVenue;
import dev.trader.domain.port.VenueStatement;
import java.math.BigDecimal;
import java.util.Optional;
import java.util.Set;

/**
 * The venue a node trades at, as the wiring sees it: the execution client the Order entities
 * call, and for a bar-driven venue (paper) the hook the pipeline shows each bar first. A live
 * venue delivers its fills on its own once started.
 */
interface Venue extends AutoCloseable {
    ExecutionClient client();

    /** The bar-driven venue (paper trading); empty when fills arrive on their own (an exchange). */
    Optional<SimulatedVenue> simulated();

    /** The venue's own market data (an exchange's stream), which the node trades from; empty when bars are fed in (paper). */
    default Optional<MarketDataFeed> marketData() {
        return Optional.empty();
    }

    /**
     * Where the venue's market data continues from: per instrument the open time of the last bar
     * the engine took (the bars since are fetched first, up to {@code maxRepair} of them). Before
     * the market data is subscribed.
     */
    default void resumeMarketData(java.util.Map<InstrumentId, java.time.Instant> lastBars, java.time.Duration maxRepair) {
    }

    /** The venue's own books, to reconcile ours with; empty when its books are our own memory (paper). */
    default Optional<VenueStatement> statement() {
        return Optional.empty();
    }

    /** What our books hold at boot, signed (negative: short): reduce-only exits are capped by it. */
    void restoreHolding(InstrumentId instrument, BigDecimal signedQuantity);

    /**
     * The trades our books hold ({@code bookedTradeIds}, all instruments'): the venue picks the
     * last of {@code instrument}'s and, when it starts, fetches the fills it made after that and
     * that we missed (a crash, a disconnect); from its first trade when none is booked.
     */
    default void restoreTradeCursor(InstrumentId instrument, Set<String> bookedTradeIds) {
    }

    /** Whether the node can reach the venue: "ok", or what is down (an exchange's streams). The paper venue is our own memory: always ok. */
    default String connectivity() {
        return "ok";
    }

    /** Starts delivering fills to the listener already set (a user-data stream connects here). */
    default void start() {
    }

    @Override
    default void close() {
    }
}
