package dev.trader.domain.position;

import dev.trader.domain.id.InstrumentId;
import dev.trader.domain.money.Money;
import dev.trader.domain.money.Price;
import dev.trader.domain.money.Quantity;
import dev.trader.domain.order.Fill;
import dev.trader.domain.order.OrderSide;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * A net position in one instrument. Fills move it; realized P&L is booked when exposure is
 * reduced, at the difference between the fill price and the average entry price.
 * {@code averagePrice} is null while flat.
 */
public record Position(InstrumentId instrument, PositionSide side, Quantity quantity, Price averagePrice,
                       Money realizedPnl, Money fees) {
    /** Average prices carry more decimals than any tick so that repeated adds do not drift. */
    private static final int AVERAGE_SCALE = 10;

    public Position {
        Objects.requireNonNull(instrument, "instrument");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(realizedPnl, "realizedPnl");
        Objects.requireNonNull(fees, "fees");
        if ((side == PositionSide.FLAT) != quantity.isZero()) {
            throw new IllegalArgumentException("position " + instrument + " is " + side + " with quantity " + quantity);
        }
    }

    public static Position flat(InstrumentId instrument, String currency) {
        return new Position(instrument, PositionSide.FLAT, Quantity.ZERO, null, Money.zero(currency), Money.zero(currency));
    }

    public boolean isFlat() {
        return side == PositionSide.FLAT;
    }

    /** The position after {@code fill}; a fill larger than the position reverses it. */
    public Position apply(Fill fill) {
        if (!fill.instrument().equals(instrument)) {
            throw new IllegalArgumentException("fill " + fill.tradeId() + " is for " + fill.instrument() + ", not " + instrument);
        }
        Money newFees = fees.plus(fill.fee());
        PositionSide fillSide = fill.side() == OrderSide.BUY ? PositionSide.LONG : PositionSide.SHORT;
        if (isFlat() || side == fillSide) {
            Quantity total = quantity.plus(fill.quantity());
            BigDecimal cost = isFlat() ? BigDecimal.ZERO : averagePrice.toBigDecimal().multiply(quantity.toBigDecimal());
            BigDecimal average = cost.add(fill.price().toBigDecimal().multiply(fill.quantity().toBigDecimal()))
                    .divide(total.toBigDecimal(), AVERAGE_SCALE, RoundingMode.HALF_EVEN);
            return new Position(instrument, fillSide, total, Price.of(average), realizedPnl, newFees);
        }
        Quantity closed = quantity.min(fill.quantity());
        Money pnl = realizedOn(closed, fill.price());
        if (fill.quantity().compareTo(quantity) < 0) {
            return new Position(instrument, side, quantity.minus(closed), averagePrice, realizedPnl.plus(pnl), newFees);
        }
        Quantity reversed = fill.quantity().minus(quantity);
        if (reversed.isZero()) {
            return new Position(instrument, PositionSide.FLAT, Quantity.ZERO, null, realizedPnl.plus(pnl), newFees);
        }
        return new Position(instrument, fillSide, reversed, fill.price(), realizedPnl.plus(pnl), newFees);
    }

    /** P&L that closing {@code amount} at {@code price} would realize (before fees). */
    public Money realizedOn(Quantity amount, Price price) {
        BigDecimal perUnit = price.toBigDecimal().subtract(averagePrice.toBigDecimal());
        if (side == PositionSide.SHORT) {
            perUnit = perUnit.negate();
        }
        return Money.of(perUnit.multiply(amount.toBigDecimal()), realizedPnl.currency());
    }

    /** Open P&L at {@code mark}; zero when flat. */
    public Money unrealizedPnl(Price mark) {
        return isFlat() ? Money.zero(realizedPnl.currency()) : realizedOn(quantity, mark);
    }

    /** Signed quantity: positive long, negative short. */
    public BigDecimal signedQuantity() {
        return side == PositionSide.SHORT ? quantity.toBigDecimal().negate() : quantity.toBigDecimal();
    }
}
