package dev.trader.backtest;

import dev.trader.domain.money.Money;
import dev.trader.domain.money.Price;
import dev.trader.domain.money.Quantity;
import dev.trader.domain.order.OrderSide;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * How the simulated exchange turns a triggered order into a fill: fees, slippage, spread and
 * how much of a bar's volume an order may take.
 *
 * <ul>
 *   <li>Fees: {@code takerFeeRate} of the notional on market orders and triggered stops,
 *       {@code makerFeeRate} on limit orders; each fill's fee is {@code price × quantity × rate}
 *       computed exactly and rounded half-even to {@link Money#SCALE} decimals.</li>
 *   <li>Slippage and spread apply to taker fills only (market orders, triggered stops): a buy
 *       pays {@code slippageBps + spreadBps / 2} basis points above the reference price (the
 *       open, or the stop), a sell receives as much below it. The adjusted price is rounded
 *       against us (buys up, sells down) to {@code priceStep}, or to 8 decimals when that is
 *       null. With both at zero (the default) the reference price is used unchanged. Limit
 *       orders fill at their limit or better, never worse.</li>
 *   <li>Participation: when {@code maxParticipation} is set, the fills of one instrument in
 *       one bar together take at most that fraction of the bar's volume (rounded down to
 *       {@code quantityStep}, or to 8 decimals); what is left of an order carries to the next
 *       bar. Null (the default) means no limit: the whole order fills, whatever the volume.</li>
 * </ul>
 */
public record ExecutionModel(BigDecimal takerFeeRate, BigDecimal makerFeeRate, BigDecimal slippageBps, BigDecimal spreadBps,
                             BigDecimal maxParticipation, Price priceStep, Quantity quantityStep) {
    private static final BigDecimal BPS = new BigDecimal(10_000);
    private static final int DEFAULT_PRICE_SCALE = 8;
    private static final int DEFAULT_QUANTITY_SCALE = 8;

    /** 0.1% taker and maker fee, no slippage, no spread, no volume limit. */
    public static final ExecutionModel DEFAULT = new ExecutionModel(new BigDecimal("0.001"), new BigDecimal("0.001"),
            BigDecimal.ZERO, BigDecimal.ZERO, null, null, null);

    public ExecutionModel {
        requireRate(takerFeeRate, "taker fee rate");
        requireRate(makerFeeRate, "maker fee rate");
        requireNonNegative(slippageBps, "slippage (bps)");
        requireNonNegative(spreadBps, "spread (bps)");
        if (slippageBps.add(spreadBps.divide(BigDecimal.valueOf(2))).compareTo(BPS) >= 0) {
            throw new IllegalArgumentException("slippage plus half the spread must be below 10000 bps");
        }
        if (maxParticipation != null && (maxParticipation.signum() <= 0 || maxParticipation.compareTo(BigDecimal.ONE) > 0)) {
            throw new IllegalArgumentException("max participation must be within (0, 1] but was " + maxParticipation.toPlainString());
        }
        if (priceStep != null && !priceStep.isPositive()) {
            throw new IllegalArgumentException("price step must be positive but was " + priceStep);
        }
        if (quantityStep != null && quantityStep.isZero()) {
            throw new IllegalArgumentException("quantity step must be positive");
        }
    }

    private static void requireRate(BigDecimal rate, String what) {
        Objects.requireNonNull(rate, what);
        if (rate.signum() < 0 || rate.compareTo(BigDecimal.ONE) >= 0) {
            throw new IllegalArgumentException(what + " must be within [0, 1) but was " + rate.toPlainString());
        }
    }

    private static void requireNonNegative(BigDecimal value, String what) {
        Objects.requireNonNull(value, what);
        if (value.signum() < 0) {
            throw new IllegalArgumentException(what + " must not be negative but was " + value.toPlainString());
        }
    }

    /** The same fee rate for takers and makers. */
    public ExecutionModel withFeeRate(BigDecimal rate) {
        return new ExecutionModel(rate, rate, slippageBps, spreadBps, maxParticipation, priceStep, quantityStep);
    }

    public ExecutionModel withTakerFeeRate(BigDecimal rate) {
        return new ExecutionModel(rate, makerFeeRate, slippageBps, spreadBps, maxParticipation, priceStep, quantityStep);
    }

    public ExecutionModel withMakerFeeRate(BigDecimal rate) {
        return new ExecutionModel(takerFeeRate, rate, slippageBps, spreadBps, maxParticipation, priceStep, quantityStep);
    }

    public ExecutionModel withSlippageBps(BigDecimal bps) {
        return new ExecutionModel(takerFeeRate, makerFeeRate, bps, spreadBps, maxParticipation, priceStep, quantityStep);
    }

    public ExecutionModel withSpreadBps(BigDecimal bps) {
        return new ExecutionModel(takerFeeRate, makerFeeRate, slippageBps, bps, maxParticipation, priceStep, quantityStep);
    }

    /** A fraction in (0, 1], or null for no volume limit. */
    public ExecutionModel withMaxParticipation(BigDecimal fraction) {
        return new ExecutionModel(takerFeeRate, makerFeeRate, slippageBps, spreadBps, fraction, priceStep, quantityStep);
    }

    public ExecutionModel withPriceStep(Price step) {
        return new ExecutionModel(takerFeeRate, makerFeeRate, slippageBps, spreadBps, maxParticipation, step, quantityStep);
    }

    public ExecutionModel withQuantityStep(Quantity step) {
        return new ExecutionModel(takerFeeRate, makerFeeRate, slippageBps, spreadBps, maxParticipation, priceStep, step);
    }

    /** The price a taker order with reference price {@code reference} fills at. */
    public Price takerPrice(OrderSide side, Price reference) {
        if (slippageBps.signum() == 0 && spreadBps.signum() == 0) {
            return reference;
        }
        BigDecimal bps = slippageBps.add(spreadBps.divide(BigDecimal.valueOf(2)));
        BigDecimal factor = side == OrderSide.BUY ? BPS.add(bps) : BPS.subtract(bps);
        BigDecimal raw = reference.toBigDecimal().multiply(factor).divide(BPS);
        RoundingMode against = side == OrderSide.BUY ? RoundingMode.CEILING : RoundingMode.FLOOR;
        if (priceStep == null) {
            return Price.of(raw.setScale(DEFAULT_PRICE_SCALE, against));
        }
        BigDecimal step = priceStep.toBigDecimal();
        return Price.of(raw.divide(step, 0, against).multiply(step));
    }

    /** The fee of one fill: {@code price × quantity × rate}, rounded half-even to money scale. */
    public Money fee(Price price, Quantity quantity, boolean maker, String currency) {
        BigDecimal rate = maker ? makerFeeRate : takerFeeRate;
        return Money.of(price.toBigDecimal().multiply(quantity.toBigDecimal()).multiply(rate), currency);
    }

    /** The most one instrument may fill in a bar of {@code volume}; null when unlimited. */
    public Quantity participationLimit(Quantity volume) {
        if (maxParticipation == null) {
            return null;
        }
        BigDecimal cap = volume.toBigDecimal().multiply(maxParticipation);
        if (quantityStep == null) {
            return Quantity.of(cap.setScale(DEFAULT_QUANTITY_SCALE, RoundingMode.FLOOR));
        }
        BigDecimal step = quantityStep.toBigDecimal();
        return Quantity.of(cap.divide(step, 0, RoundingMode.FLOOR).multiply(step));
    }
}
