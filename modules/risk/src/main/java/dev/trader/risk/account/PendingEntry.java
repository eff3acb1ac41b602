package dev.trader.risk.account;

import dev.trader.domain.id.ClientOrderId;
import dev.trader.domain.id.InstrumentId;
import dev.trader.domain.id.StrategyId;
import dev.trader.domain.money.Price;
import dev.trader.domain.money.Quantity;
import dev.trader.domain.order.OrderSide;
import java.time.Instant;
import java.util.Objects;

/**
 * An approved entry not yet (fully) filled: it reserves its exposure and its risk at the stop,
 * so that a second signal before the fill cannot pass the same limits twice.
 */
public record PendingEntry(ClientOrderId orderId, InstrumentId instrument, StrategyId strategy, OrderSide side, Quantity remaining,
                           Price price, Price stop, Instant time) {
    public PendingEntry {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(instrument, "instrument");
        Objects.requireNonNull(strategy, "strategy");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(remaining, "remaining");
        Objects.requireNonNull(price, "price");
        Objects.requireNonNull(time, "time");
    }

    public int sign() {
        return side == OrderSide.BUY ? 1 : -1;
    }
}
