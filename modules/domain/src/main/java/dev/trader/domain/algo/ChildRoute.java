package dev.trader.domain.algo;

import dev.trader.domain.money.Price;
import dev.trader.domain.order.OrderSide;
import dev.trader.domain.order.OrderType;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * How one child goes out, and why: where the spread is wider than {@code thresholdBps}, crossing it
 * costs more than waiting, so the child rests as a LIMIT at the touch on its own side (a buy at the
 * bid, a sell at the ask, estimated as the reference price, taken as the mid, less or plus half the
 * spread, rounded away from the market to the tick); otherwise, without a known spread, or for the
 * last child (which must complete the order), it goes at MARKET.
 */
public record ChildRoute(OrderType type, Price limitPrice, String reason) {
    private static final BigDecimal TWO_BPS_UNITS = new BigDecimal(20_000);

    public ChildRoute {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(reason, "reason");
        if ((type == OrderType.LIMIT) != (limitPrice != null)) {
            throw new IllegalArgumentException("a LIMIT child needs a price and a MARKET child has none");
        }
    }

    /**
     * @param spreadBps the quoted spread in basis points where known (null: unknown)
     * @param reference the price the child is decided at (the bar's close), taken as the mid
     * @param last      the child that must finish the order
     */
    public static ChildRoute decide(OrderSide side, BigDecimal spreadBps, BigDecimal thresholdBps, Price reference, Price tickSize, boolean last) {
        if (last) {
            return market("the last child completes the order at market");
        }
        if (spreadBps == null) {
            return market("no measured spread: at market");
        }
        String spread = spreadBps.stripTrailingZeros().toPlainString() + " bps";
        String threshold = thresholdBps.stripTrailingZeros().toPlainString() + " bps";
        if (spreadBps.compareTo(thresholdBps) <= 0) {
            return market("spread " + spread + " is within the threshold " + threshold + ": at market");
        }
        BigDecimal half = spreadBps.divide(TWO_BPS_UNITS);
        boolean buy = side == OrderSide.BUY;
        BigDecimal touch = reference.toBigDecimal().multiply(buy ? BigDecimal.ONE.subtract(half) : BigDecimal.ONE.add(half));
        BigDecimal tick = tickSize.toBigDecimal();
        BigDecimal price = touch.divide(tick, 0, buy ? RoundingMode.FLOOR : RoundingMode.CEILING).multiply(tick);
        if (price.signum() <= 0) {
            return market("spread " + spread + " leaves no positive price at the touch: at market");
        }
        return new ChildRoute(OrderType.LIMIT, Price.of(price.stripTrailingZeros()),
                "spread " + spread + " is wider than the threshold " + threshold + ": limit at the " + (buy ? "bid" : "ask"));
    }

    private static ChildRoute market(String reason) {
        return new ChildRoute(OrderType.MARKET, null, reason);
    }
}
