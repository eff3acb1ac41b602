package dev.trader.engine.order;

import dev.trader.domain.algo.AlgoType;
import dev.trader.domain.algo.PovSchedule;
import dev.trader.domain.algo.SlicePlan;
import dev.trader.domain.market.InstrumentRules;
import dev.trader.domain.money.Price;
import dev.trader.domain.order.OrderRequest;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * Everything a parent order needs to cut itself into children, journaled when it starts so that
 * its recovery decides with exactly what it started with, whatever the configuration says later.
 *
 * @param parent        the approved order, under the parent's client order id
 * @param positionId    the position every child fills
 * @param start         the close time of the bar that decided it: slice offsets count from here
 * @param barMillis     the length of a bar (a slice's offset is in bars)
 * @param reference     the decision price, for the plan's minimum-notional checks
 * @param plan          the slices of a TWAP or VWAP; null for a POV
 * @param participation the share of each bar's volume of a POV; null otherwise
 * @param horizonBars   a POV's horizon, after which the rest goes at market (the plan's, for the others)
 */
public record ParentSpec(OrderRequest parent, String positionId, AlgoType algo, Instant start, long barMillis, InstrumentRules rules,
                         Price reference, SlicePlan plan, BigDecimal participation, int horizonBars, BigDecimal spreadThresholdBps) {
    public ParentSpec {
        Objects.requireNonNull(parent, "parent");
        Objects.requireNonNull(positionId, "positionId");
        Objects.requireNonNull(algo, "algo");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(rules, "rules");
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(spreadThresholdBps, "spreadThresholdBps");
        if (barMillis <= 0) {
            throw new IllegalArgumentException("a bar must last a positive time but was " + barMillis + " ms");
        }
        if (algo == AlgoType.MARKET) {
            throw new IllegalArgumentException("a market order has no parent");
        }
        if (algo == AlgoType.POV ? participation == null : plan == null) {
            throw new IllegalArgumentException(algo + " parent " + parent.clientOrderId() + " needs " + (algo == AlgoType.POV ? "a participation" : "a plan"));
        }
    }

    public PovSchedule pov() {
        return new PovSchedule(participation, horizonBars);
    }

    /** Whole bars from the start to {@code time}. */
    public long barsSinceStart(Instant time) {
        return Math.floorDiv(time.toEpochMilli() - start.toEpochMilli(), barMillis);
    }

    /** How the parent is executed, for logs and the status. */
    public String describe() {
        return algo == AlgoType.POV
                ? "POV: " + participation.stripTrailingZeros().toPlainString() + " of each bar's volume, the rest at market after " + horizonBars + " bar(s)"
                : plan.note();
    }
}
