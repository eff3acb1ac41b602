package dev.trader.execution.binance;

import dev.trader.domain.money.Quantity;
import java.util.Objects;

/** What the account holds of one asset: free to trade and locked in open orders. */
public record AssetBalance(String asset, Quantity free, Quantity locked) {
    public AssetBalance {
        Objects.requireNonNull(asset, "asset");
        Objects.requireNonNull(free, "free");
        Objects.requireNonNull(locked, "locked");
    }

    public Quantity total() {
        return free.plus(locked);
    }
}
