package dev.trader.backtest;

import dev.trader.domain.cost.LatencyPenalty;
import dev.trader.domain.cost.TakerCost;
import dev.trader.domain.cost.TakerCosts;
import dev.trader.domain.id.InstrumentId;
import dev.trader.domain.money.Money;
import dev.trader.domain.money.Price;
import dev.trader.domain.money.Quantity;
import dev.trader.domain.order.OrderSide;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
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
 *       null ({@link TakerCost#fillPrice}, the formula the paper venue uses too). With both at
 *       zero (the default) the reference price is used unchanged. Limit orders fill at their
 *       limit or better, never worse.</li>
 *   <li>Measured costs: with {@code measuredCosts} set (from an execution-metrics file), the
 *       spread and slippage of each taker fill are those of its instrument in the session its
 *       bar opens in, instead of the fixed {@code slippageBps} and {@code spreadBps} (which
 *       must then be zero: one source of costs per run).</li>
 *   <li>Latency: with {@code latencyPenalty} set and its latency above its threshold, market orders
 *       (not stops, not limits) pay the late cost ({@link LatencyPenalty#marketCost}: the measured
 *       slippage's 90th percentile instead of the usual figure), as the paper venue charges it.
 *       Null (the default) is {@link LatencyPenalty#NONE}: no latency.</li>
 *   <li>Participation: when {@code maxParticipation} is set, the fills of one instrument in
 *       one bar together take at most that fraction of the bar's volume (rounded down to
 *       {@code quantityStep}, or to 8 decimals); what is left of an order carries to the next
 *       bar. Null (the default) means no limit: the whole order fills, whatever the volume.</li>
 * </ul>
 */
public record ExecutionModel(BigDecimal takerFeeRate, BigDecimal makerFeeRate, BigDecimal slippageBps, BigDecimal spreadBps,
                             BigDecimal maxParticipation, Price priceStep, Quantity quantityStep, TakerCosts measuredCosts,
                             LatencyPenalty latencyPenalty) {
    private static final int DEFAULT_QUANTITY_SCALE = 8;

    /** 0.1% taker and maker fee, no slippage, no spread, no volume limit. */
    public static final ExecutionModel DEFAULT = new ExecutionModel(new BigDecimal("0.001"), new BigDecimal("0.001"),
            BigDecimal.ZERO, BigDecimal.ZERO, null, null, null, null, LatencyPenalty.NONE);

    public ExecutionModel {
        latencyPenalty = latencyPenalty == null ? LatencyPenalty.NONE : latencyPenalty;
        requireRate(takerFeeRate, "taker fee rate");
        requireRate(makerFeeRate, "maker fee rate");
        new TakerCost(spreadBps, slippageBps); // the same checks as every cost: not negative, below 10000 bps
        if (measuredCosts != null && (slippageBps.signum() != 0 || spreadBps.signum() != 0)) {
            throw new IllegalArgumentException("fixed slippage/spread and measured costs exclude each other");
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

    /** The same fee rate for takers and makers. */
    public ExecutionModel withFeeRate(BigDecimal rate) {
        return new ExecutionModel(rate, rate, slippageBps, spreadBps, maxParticipation, priceStep, quantityStep, measuredCosts, latencyPenalty);
    }

    public ExecutionModel withTakerFeeRate(BigDecimal rate) {
        return new ExecutionModel(rate, makerFeeRate, slippageBps, spreadBps, maxParticipation, priceStep, quantityStep,
                measuredCosts, latencyPenalty);
    }

    public ExecutionModel withMakerFeeRate(BigDecimal rate) {
        return new ExecutionModel(takerFeeRate, rate, slippageBps, spreadBps, maxParticipation, priceStep, quantityStep,
                measuredCosts, latencyPenalty);
    }

    public ExecutionModel withSlippageBps(BigDecimal bps) {
        return new ExecutionModel(takerFeeRate, makerFeeRate, bps, spreadBps, maxParticipation, priceStep, quantityStep,
                measuredCosts, latencyPenalty);
    }

    public ExecutionModel withSpreadBps(BigDecimal bps) {
        return new ExecutionModel(takerFeeRate, makerFeeRate, slippageBps, bps, maxParticipation, priceStep, quantityStep,
                measuredCosts, latencyPenalty);
    }

    /** A fraction in (0, 1], or null for no volume limit. */
    public ExecutionModel withMaxParticipation(BigDecimal fraction) {
        return new ExecutionModel(takerFeeRate, makerFeeRate, slippageBps, spreadBps, fraction, priceStep, quantityStep,
                measuredCosts, latencyPenalty);
    }

    public ExecutionModel withPriceStep(Price step) {
        return new ExecutionModel(takerFeeRate, makerFeeRate, slippageBps, spreadBps, maxParticipation, step, quantityStep,
                measuredCosts, latencyPenalty);
    }

    public ExecutionModel withQuantityStep(Quantity step) {
        return new ExecutionModel(takerFeeRate, makerFeeRate, slippageBps, spreadBps, maxParticipation, priceStep, step,
                measuredCosts, latencyPenalty);
    }

    /** Spread and slippage per instrument and session (null: the fixed ones); the fixed slippage and spread must be zero. */
    public ExecutionModel withMeasuredCosts(TakerCosts costs) {
        return new ExecutionModel(takerFeeRate, makerFeeRate, slippageBps, spreadBps, maxParticipation, priceStep, quantityStep,
                costs, latencyPenalty);
    }

    /** The simulated latency of decisions and the threshold above which market orders pay the late cost. */
    public ExecutionModel withLatencyPenalty(LatencyPenalty penalty) {
        return new ExecutionModel(takerFeeRate, makerFeeRate, slippageBps, spreadBps, maxParticipation, priceStep, quantityStep, measuredCosts,
                penalty);
    }

    /** The cost of a taker fill of {@code instrument} in the bar opening at {@code time}: measured, or the fixed one. */
    public TakerCost takerCost(InstrumentId instrument, Instant time) {
        return costs().at(instrument, time);
    }

    private TakerCosts costs() {
        return measuredCosts != null ? measuredCosts : TakerCosts.fixed(new TakerCost(spreadBps, slippageBps));
    }

    /**
     * The price a market order of {@code instrument} with reference price {@code reference} fills at, in the bar opening at
     * {@code time}: a taker's, at the late cost when the latency penalty applies.
     */
    public Price marketPrice(InstrumentId instrument, Instant time, OrderSide side, Price reference) {
        return latencyPenalty.marketCost(costs(), instrument, time).fillPrice(side, reference, priceStep);
    }

    /** The price a triggered stop of {@code instrument} with reference price {@code reference} fills at, in the bar opening at {@code time}. */
    public Price takerPrice(InstrumentId instrument, Instant time, OrderSide side, Price reference) {
        return takerCost(instrument, time).fillPrice(side, reference, priceStep);
    }

    /** The price a taker order with reference price {@code reference} fills at, with the fixed slippage and spread. */
    public Price takerPrice(OrderSide side, Price reference) {
        if (measuredCosts != null) {
            throw new IllegalStateException("measured costs depend on the instrument and the time: use takerPrice(instrument, time, side, reference)");
        }
        return new TakerCost(spreadBps, slippageBps).fillPrice(side, reference, priceStep);
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
