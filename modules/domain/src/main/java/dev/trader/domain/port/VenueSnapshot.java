package dev.trader.domain.port;

import dev.trader.domain.id.InstrumentId;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a venue says it holds, read after the fills it had not delivered were delivered: the open
 * orders of the traded instruments, the balance of every asset (free plus locked), and the trades it
 * saw but could not hand over as fills of one of our orders. The reconciliation compares this with
 * the journal.
 *
 * @param takenAt           when the venue was read (wall clock: an operational record, not a trading decision)
 * @param openOrders        every open order of the traded instruments, ours or not
 * @param balances          asset → free + locked
 * @param undeliveredTrades venue trade id → why it was not delivered (no usable client order id, a fee that could not be booked)
 * @param fillsRepaired     fills fetched and delivered by the repair that preceded the reading
 */
public record VenueSnapshot(Instant takenAt, List<OpenOrder> openOrders, Map<String, BigDecimal> balances,
                            Map<String, String> undeliveredTrades, int fillsRepaired) {
    public VenueSnapshot {
        Objects.requireNonNull(takenAt, "takenAt");
        openOrders = List.copyOf(openOrders);
        balances = Map.copyOf(balances);
        undeliveredTrades = Map.copyOf(undeliveredTrades);
    }

    /** An order the venue lists as open: its instrument, the client order id it was placed with, the venue's id and status. */
    public record OpenOrder(InstrumentId instrument, String clientOrderId, String venueOrderId, String status) {
        public OpenOrder {
            Objects.requireNonNull(instrument, "instrument");
            Objects.requireNonNull(clientOrderId, "clientOrderId");
        }
    }

    /** The balance of {@code asset}, zero when the venue lists none. */
    public BigDecimal balance(String asset) {
        return balances.getOrDefault(asset, BigDecimal.ZERO);
    }
}
