package dev.trader.risk.rules;

import dev.trader.domain.money.Price;
import dev.trader.domain.order.OrderIntent;
import java.util.Objects;

/**
 * An entry to decide: the strategy's intent (its decision time is the bar's time; its
 * reference price the entry price assumed) and what sizing needs from the market at that bar:
 * the regime and session names (null if unknown), the ATR and the last swing low and high
 * (each null if not available).
 */
public record EntryRequest(OrderIntent intent, String regime, String session, Price atr, Price swingLow, Price swingHigh) {
    public EntryRequest {
        Objects.requireNonNull(intent, "intent");
        if (intent.reduceOnly()) {
            throw new IllegalArgumentException("a reduce-only intent is an exit: use PreTradeRisk.evaluateExit");
        }
    }
}
