package dev.trader.execution.paper;

import dev.trader.domain.market.Bar;
import dev.trader.domain.money.Price;
import dev.trader.domain.order.OrderRequest;
import dev.trader.domain.order.OrderSide;
import dev.trader.domain.order.OrderType;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Which resting orders a bar trades, at what price and in what order, knowing only the bar's
 * open, high and low (the path inside the bar is unknown, so the adverse case is assumed):
 * <ol>
 *   <li><b>The open</b>: market orders, in the order they were sent; then stops the open has
 *       passed (a gap fills at the open, not at the stop); then limits the open has reached, at
 *       the open (never worse than their price).</li>
 *   <li><b>The range</b>: stops the range reached, at the stop price; then limits the range
 *       reached, at the limit price.</li>
 * </ol>
 * Within a group the order nearest the open goes first (ties: the order sent first). Stops
 * before limits is the pessimistic reading of a bar that touched both: it is the rule the
 * in-trade manager models bars with, so a trade whose exits rest here fills as modelled.
 */
final class BarMatcher {
    private BarMatcher() {
    }

    /** A match: {@code request} trades at {@code price}. */
    record Match(OrderRequest request, Price price) {
    }

    /** The matches of {@code bar} among {@code resting} (in the order they were sent), in the order they happen. */
    static List<Match> match(Bar bar, List<OrderRequest> resting) {
        List<Match> out = new ArrayList<>();
        Set<OrderRequest> done = new LinkedHashSet<>();
        Comparator<OrderRequest> nearest = Comparator.comparing(r -> distance(r, bar.open()));
        List<OrderRequest> stops = resting.stream().filter(r -> r.type() == OrderType.STOP_MARKET).sorted(nearest).toList();
        List<OrderRequest> limits = resting.stream().filter(r -> r.type() == OrderType.LIMIT).sorted(nearest).toList();
        for (OrderRequest r : resting) {
            if (r.type() == OrderType.MARKET) {
                add(out, done, r, bar.open());
            }
        }
        for (OrderRequest r : stops) {
            if (stopReached(r, bar.open(), bar.open())) {
                add(out, done, r, bar.open());
            }
        }
        for (OrderRequest r : limits) {
            if (limitReached(r, bar.open(), bar.open())) {
                add(out, done, r, bar.open());
            }
        }
        for (OrderRequest r : stops) {
            if (stopReached(r, bar.low(), bar.high())) {
                add(out, done, r, r.limitPrice());
            }
        }
        for (OrderRequest r : limits) {
            if (limitReached(r, bar.low(), bar.high())) {
                add(out, done, r, r.limitPrice());
            }
        }
        return out;
    }

    private static void add(List<Match> out, Set<OrderRequest> done, OrderRequest r, Price price) {
        if (done.add(r)) {
            out.add(new Match(r, price));
        }
    }

    /** A sell stop triggers at or below its price, a buy stop at or above. */
    private static boolean stopReached(OrderRequest r, Price low, Price high) {
        return r.side() == OrderSide.SELL ? low.compareTo(r.limitPrice()) <= 0 : high.compareTo(r.limitPrice()) >= 0;
    }

    /** A sell limit trades at or above its price, a buy limit at or below. */
    private static boolean limitReached(OrderRequest r, Price low, Price high) {
        return r.side() == OrderSide.SELL ? high.compareTo(r.limitPrice()) >= 0 : low.compareTo(r.limitPrice()) <= 0;
    }

    private static BigDecimal distance(OrderRequest r, Price open) {
        return r.limitPrice().toBigDecimal().subtract(open.toBigDecimal()).abs();
    }
}
