package dev.trader.risk.account;

import dev.trader.domain.id.InstrumentId;
import dev.trader.domain.id.StrategyId;
import dev.trader.domain.money.Money;
import dev.trader.domain.money.Price;
import dev.trader.domain.money.Quantity;
import dev.trader.domain.order.OrderSide;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * A position the account holds, as risk sees it: side (BUY = long, SELL = short), size, average
 * entry, the protective stop (null if none is known: then its loss is unbounded for a short and
 * the whole notional for a long), the last mark, the risk it was opened with (|entry − stop| ×
 * quantity, summed over adds) and its net P&L so far (realized minus all fees).
 */
public record OpenPosition(InstrumentId instrument, StrategyId strategy, OrderSide side, Quantity quantity, Price averagePrice,
                           Price stop, Price mark, Money initialRisk, Money netPnl) {
    public OpenPosition {
        Objects.requireNonNull(instrument, "instrument");
        Objects.requireNonNull(strategy, "strategy");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(averagePrice, "averagePrice");
        Objects.requireNonNull(mark, "mark");
        Objects.requireNonNull(initialRisk, "initialRisk");
        Objects.requireNonNull(netPnl, "netPnl");
        if (quantity.isZero()) {
            throw new IllegalArgumentException("an open position of " + instrument + " needs a quantity");
        }
    }

    /** +1 long, −1 short. */
    public int sign() {
        return side == OrderSide.BUY ? 1 : -1;
    }

    /** Floating P&L at the mark (before exit fees). */
    public BigDecimal unrealized() {
        return mark.toBigDecimal().subtract(averagePrice.toBigDecimal()).multiply(quantity.toBigDecimal()).multiply(BigDecimal.valueOf(sign()));
    }

    /** Notional at the mark. */
    public BigDecimal markNotional() {
        return mark.toBigDecimal().multiply(quantity.toBigDecimal());
    }
}
