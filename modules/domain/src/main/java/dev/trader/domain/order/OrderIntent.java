package dev.trader.domain.order;

import dev.trader.domain.id.ClientOrderId;
import dev.trader.domain.id.InstrumentId;
import dev.trader.domain.id.StrategyId;
import dev.trader.domain.money.Price;
import java.time.Instant;
import java.util.Objects;

/**
 * What a strategy wants before risk has sized it: a direction on an instrument at a decision
 * time (the bar's close time), with the price it decided on. {@code reduceOnly} intents
 * close exposure and are not sized by risk.
 */
public record OrderIntent(StrategyId strategy, InstrumentId instrument, OrderSide side, Instant decisionTime,
                          int leg, Price referencePrice, boolean reduceOnly, String reason) {
    public OrderIntent {
        Objects.requireNonNull(strategy, "strategy");
        Objects.requireNonNull(instrument, "instrument");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(decisionTime, "decisionTime");
        Objects.requireNonNull(referencePrice, "referencePrice");
        Objects.requireNonNull(reason, "reason");
    }

    /** The one client order id this intent will ever be sent under. */
    public ClientOrderId clientOrderId() {
        return ClientOrderId.derive(strategy, instrument, decisionTime, leg);
    }
}
