package dev.trader.execution.sim.exchange;

import dev.trader.domain.order.OrderSide;
import dev.trader.execution.sim.market.SimBar;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Which eligible orders a bar trades, at what price, in what order — the rules of the paper
 * venue's BarMatcher, knowing only open, high and low (the path inside the bar is unknown, so the
 * adverse case is assumed), extended to the order types of Binance:
 * <ol>
 *   <li><b>The open</b>: market orders (and stop-markets triggered earlier) in the order sent;
 *       then stops the open has passed (a gap fills at the open, not at the stop; a stop-limit
 *       becomes a limit); then limits the open has reached, at the open.</li>
 *   <li><b>The range</b>: stops the range reached — a stop-market at its stop price, a stop-limit
 *       becomes a limit; then limits the range reached, at their limit price.</li>
 * </ol>
 * Within a group the order nearest the open goes first (ties: the older order). Stops before
 * limits is the pessimistic reading of a bar that touched both. An IOC/FOK limit has only the
 * instant it arrives: the open of its first bar, or for a stop-limit the moment it triggers.
 * <p>
 * Maker or taker: market orders and stops trade as takers; a limit that the open of its first bar
 * (or a stop-limit that the bar it triggered in) already crossed took liquidity; a limit that
 * rested first and was reached later made it.
 */
final class BarMatching {
    private BarMatching() {
    }

    record Match(WorkingOrder order, BigDecimal price, boolean taker) {
    }

    /** The plan of one bar: the matches in order, and the stops it triggered (at the open or in the range: the engine needs no more). */
    record Plan(List<Match> matches, Set<WorkingOrder> triggeredStops) {
        boolean triggered(WorkingOrder o) {
            return triggeredStops.contains(o);
        }
    }

    static Plan plan(SimBar bar, List<WorkingOrder> eligible) {
        BigDecimal open = bar.open();
        List<Match> out = new ArrayList<>();
        Set<WorkingOrder> done = new LinkedHashSet<>();
        Set<WorkingOrder> atOpen = new LinkedHashSet<>();
        Set<WorkingOrder> inRange = new LinkedHashSet<>();
        Comparator<WorkingOrder> byStop = Comparator.<WorkingOrder, BigDecimal>comparing(o -> o.stopPrice.subtract(open).abs())
                .thenComparingLong(o -> o.orderId);
        Comparator<WorkingOrder> byPrice = Comparator.<WorkingOrder, BigDecimal>comparing(o -> o.price.subtract(open).abs())
                .thenComparingLong(o -> o.orderId);
        List<WorkingOrder> stops = eligible.stream().filter(o -> o.type.isStop() && !o.triggered()).sorted(byStop).toList();

        for (WorkingOrder o : eligible) {
            if (o.isMarketLike()) {
                add(out, done, o, open, true);
            }
        }
        for (WorkingOrder o : stops) {
            if (stopReached(o, open, open)) {
                atOpen.add(o);
                if (o.type == SimOrderType.STOP_LOSS) {
                    add(out, done, o, open, true);
                }
            }
        }
        List<WorkingOrder> limits = limits(eligible, atOpen, byPrice);
        for (WorkingOrder o : limits) {
            if (limitReached(o, open, open)) {
                boolean firstInstant = o.type == SimOrderType.LIMIT ? o.barsSeen == 0 : atOpen.contains(o);
                add(out, done, o, open, firstInstant);
            }
        }
        for (WorkingOrder o : stops) {
            if (!atOpen.contains(o) && stopReached(o, bar.low(), bar.high())) {
                inRange.add(o);
                if (o.type == SimOrderType.STOP_LOSS) {
                    add(out, done, o, o.stopPrice, true);
                }
            }
        }
        Set<WorkingOrder> triggered = new LinkedHashSet<>(atOpen);
        triggered.addAll(inRange);
        for (WorkingOrder o : limits(eligible, triggered, byPrice)) {
            boolean immediateOnly = o.timeInForce != TimeInForce.GTC && !inRange.contains(o);
            if (!immediateOnly && limitReached(o, bar.low(), bar.high())) {
                add(out, done, o, o.price, inRange.contains(o));
            }
        }
        return new Plan(out, triggered);
    }

    private static List<WorkingOrder> limits(List<WorkingOrder> eligible, Set<WorkingOrder> triggeredNow, Comparator<WorkingOrder> order) {
        return eligible.stream()
                .filter(o -> o.isLimitLike() || (o.type == SimOrderType.STOP_LOSS_LIMIT && triggeredNow.contains(o)))
                .sorted(order).toList();
    }

    private static void add(List<Match> out, Set<WorkingOrder> done, WorkingOrder o, BigDecimal price, boolean taker) {
        if (done.add(o)) {
            out.add(new Match(o, price, taker));
        }
    }

    /** A sell stop triggers at or below its price, a buy stop at or above. */
    private static boolean stopReached(WorkingOrder o, BigDecimal low, BigDecimal high) {
        return o.side == OrderSide.SELL ? low.compareTo(o.stopPrice) <= 0 : high.compareTo(o.stopPrice) >= 0;
    }

    /** A sell limit trades at or above its price, a buy limit at or below. */
    private static boolean limitReached(WorkingOrder o, BigDecimal low, BigDecimal high) {
        return o.side == OrderSide.SELL ? high.compareTo(o.price) >= 0 : low.compareTo(o.price) <= 0;
    }
}
