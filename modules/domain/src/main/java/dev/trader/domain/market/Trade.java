package dev.trader.domain.market;

import dev.trader.domain.id.InstrumentId;
import dev.trader.domain.id.TradeId;
import dev.trader.domain.money.Price;
import dev.trader.domain.money.Quantity;
import java.time.Instant;
import java.util.Objects;

/** One public trade on a venue's tape. */
public record Trade(InstrumentId instrument, TradeId id, Instant time, Price price, Quantity quantity, AggressorSide aggressor) {
    public Trade {
        Objects.requireNonNull(instrument, "instrument");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(aggressor, "aggressor");
        if (!price.isPositive()) {
            throw new IllegalArgumentException("trade price must be positive: " + price);
        }
        Objects.requireNonNull(quantity, "quantity");
    }
}
