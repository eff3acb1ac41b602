package dev.trader.domain.cost;

import dev.trader.domain.money.Price;
import dev.trader.domain.order.OrderSide;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * What a taker fill costs beyond its reference price (the bar's open, or a stop's trigger), in
 * basis points: {@code slippageBps} plus half of {@code spreadBps}. A buy fills that far above the
 * reference, a sell as far below it.
 *
 * <p>This is the one place the taker price is computed: the backtest's {@code ExecutionModel} and
 * the paper venue both call {@link #fillPrice}, so the same costs give the same fill price in both.
 */
public record TakerCost(BigDecimal spreadBps, BigDecimal slippageBps) {
    private static final BigDecimal BPS = new BigDecimal(10_000);
    private static final BigDecimal TWO = BigDecimal.valueOf(2);
    /** Prices without a step are rounded to this many decimals. */
    private static final int DEFAULT_PRICE_SCALE = 8;

    /** No cost: the reference price unchanged. */
    public static final TakerCost ZERO = new TakerCost(BigDecimal.ZERO, BigDecimal.ZERO);

    public TakerCost {
        requireNonNegative(spreadBps, "spread (bps)");
        requireNonNegative(slippageBps, "slippage (bps)");
        if (slippageBps.add(spreadBps.divide(TWO)).compareTo(BPS) >= 0) {
            throw new IllegalArgumentException("slippage plus half the spread must be below 10000 bps");
        }
    }

    private static void requireNonNegative(BigDecimal value, String what) {
        Objects.requireNonNull(value, what);
        if (value.signum() < 0) {
            throw new IllegalArgumentException(what + " must not be negative but was " + value.toPlainString());
        }
    }

    /** Slippage plus half the spread: how many basis points a taker pays beyond the reference (exact). */
    public BigDecimal bps() {
        return slippageBps.add(spreadBps.divide(TWO));
    }

    public boolean isZero() {
        return spreadBps.signum() == 0 && slippageBps.signum() == 0;
    }

    /**
     * The price a taker order on {@code side} fills at when the market trades at {@code reference}:
     * {@code reference × (1 ± bps/10000)}, rounded against the taker (buys up, sells down) to
     * {@code priceStep}, or to 8 decimals when that is null. With no cost, the reference itself.
     */
    public Price fillPrice(OrderSide side, Price reference, Price priceStep) {
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(reference, "reference");
        if (isZero()) {
            return reference;
        }
        BigDecimal bps = bps();
        BigDecimal factor = side == OrderSide.BUY ? BPS.add(bps) : BPS.subtract(bps);
        BigDecimal raw = reference.toBigDecimal().multiply(factor).divide(BPS); // exact: dividing by 10^4 terminates
        RoundingMode against = side == OrderSide.BUY ? RoundingMode.CEILING : RoundingMode.FLOOR;
        if (priceStep == null) {
            return Price.of(raw.setScale(DEFAULT_PRICE_SCALE, against));
        }
        BigDecimal step = priceStep.toBigDecimal();
        return Price.of(raw.divide(step, 0, against).multiply(step));
    }
}
