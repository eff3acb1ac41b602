package dev.trader.domain.order;

import dev.trader.domain.id.ClientOrderId;
import dev.trader.domain.id.InstrumentId;
import dev.trader.domain.id.TradeId;
import dev.trader.domain.money.Money;
import dev.trader.domain.money.Price;
import dev.trader.domain.money.Quantity;
import java.time.Instant;
import java.util.Objects;

/** One execution of one of our orders, identified by the venue's trade id. */
public record Fill(ClientOrderId clientOrderId, TradeId tradeId, InstrumentId instrument, OrderSide side,
                   Price price, Quantity quantity, Money fee, Instant time) {
    public Fill {
        Objects.requireNonNull(clientOrderId, "clientOrderId");
        Objects.requireNonNull(tradeId, "tradeId");
        Objects.requireNonNull(instrument, "instrument");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(fee, "fee");
        Objects.requireNonNull(time, "time");
        if (!price.isPositive()) {
            throw new IllegalArgumentException("fill " + tradeId + " has a non-positive price " + price);
        }
        if (quantity.isZero()) {
            throw new IllegalArgumentException("fill " + tradeId + " has zero quantity");
        }
    }

    public Money notional() {
        return price.notional(quantity, fee.currency());
    }
}
