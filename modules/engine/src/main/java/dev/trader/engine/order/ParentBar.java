package dev.trader.engine.order;

import dev.trader.domain.market.Bar;
import dev.trader.domain.money.Price;
import dev.trader.domain.money.Quantity;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * What a parent order decides a step with: a closed bar of its instrument (close time, close,
 * volume), the quoted spread expected for the next bar in basis points (null: unknown), and
 * whether the kill switch holds its strategy's orders.
 */
public record ParentBar(Instant time, Price close, Quantity volume, BigDecimal spreadBps, boolean ordersHeld) {
    public ParentBar {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(close, "close");
        Objects.requireNonNull(volume, "volume");
    }

    public static ParentBar of(Bar bar, BigDecimal spreadBps, boolean ordersHeld) {
        return new ParentBar(bar.closeTime(), bar.close(), bar.volume(), spreadBps, ordersHeld);
    }
}
