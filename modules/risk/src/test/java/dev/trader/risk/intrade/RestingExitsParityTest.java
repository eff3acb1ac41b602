package dev.trader.risk.intrade;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trader.domain.market.Bar;
import dev.trader.domain.money.Price;
import dev.trader.domain.money.Quantity;
import dev.trader.domain.order.OrderType;
import dev.trader.risk.intrade.InTradeManagerPropertiesTest.Scenario;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The engine runs a trade with its exits resting at a venue ({@link InTradeManager#workingOrders},
 * fills booked by {@link InTradeManager#onExitFill}, then {@link InTradeManager#atClose}); the
 * backtest models the same bar with {@link InTradeManager#onBar}. On every random path the two
 * give the same fills, P&L and stops, up to the bar where a time or signal exit is due (modelled
 * at that bar's close, filled at the next bar's open at a venue).
 *
 * <p>The venue here follows the paper venue's documented rules: the open first (market orders,
 * then stops the open passed, then limits the open reached), then the bar's range (stops at their
 * price, then limits at theirs, nearest first), every exit reduce-only.
 */
class RestingExitsParityTest {

    @Property(tries = 1500)
    void restingExitsFillAsTheModelledBar(@ForAll("scenarios") Scenario s) {
        List<Bar> bars = s.bars();
        List<BarInputs> inputs = s.inputs();
        ManagedTrade modelled = s.open();
        ManagedTrade resting = s.open();
        ExitKind marketExit = null;
        for (int i = 0; i < bars.size() && !modelled.isClosed(); i++) {
            Bar bar = bars.get(i);
            Transition model = InTradeManager.onBar(modelled, bar, inputs.get(i));
            List<TradeEvent> venueEvents = new ArrayList<>();
            for (VenueFill f : fillsOn(bar, InTradeManager.workingOrders(resting, marketExit), resting.isLong(), resting.openQuantity())) {
                Transition t = InTradeManager.onExitFill(resting, f.order().kind(), f.order().rung(), f.quantity(), f.price());
                venueEvents.addAll(t.events());
                resting = t.trade();
            }
            marketExit = null;
            if (!resting.isClosed()) {
                Transition close = InTradeManager.atClose(resting, bar, inputs.get(i));
                for (TradeEvent e : close.events()) {
                    if (e instanceof TradeEvent.ExitRequested r) {
                        marketExit = r.kind();
                    } else {
                        venueEvents.add(e);
                    }
                }
                resting = close.trade();
            }
            boolean dueAtClose = model.events().stream().anyMatch(e -> e instanceof TradeEvent.TimeExit || e instanceof TradeEvent.OppositeSignalExit);
            if (dueAtClose) {
                ExitKind expected = model.events().stream().anyMatch(TradeEvent.TimeExit.class::isInstance) ? ExitKind.TIME : ExitKind.OPPOSITE_SIGNAL;
                assertEquals(expected, marketExit, "the exit the model made at the close is asked of the venue for the next bar");
                return;
            }
            assertEquals(model.events(), venueEvents, "bar " + (i + 1) + " of " + bar);
            assertEquals(model.trade().openQuantity(), resting.openQuantity());
            assertEquals(model.trade().stop(), resting.stop());
            assertEquals(0, model.trade().realizedPnl().compareTo(resting.realizedPnl()));
            assertTrue(marketExit == null);
            modelled = model.trade();
        }
    }

    record VenueFill(ExitOrder order, Quantity quantity, Price price) {
    }

    /** The paper venue's rules for one bar, reduce-only against {@code open}. */
    static List<VenueFill> fillsOn(Bar bar, List<ExitOrder> orders, boolean isLong, Quantity open) {
        List<VenueFill> fills = new ArrayList<>();
        List<ExitOrder> pending = new ArrayList<>(orders);
        Quantity[] left = {open};
        Comparator<ExitOrder> nearestFirst = Comparator.comparing(ExitOrder::price);
        List<ExitOrder> limits = pending.stream().filter(o -> o.type() == OrderType.LIMIT)
                .sorted(isLong ? nearestFirst : nearestFirst.reversed()).toList();
        List<ExitOrder> stops = pending.stream().filter(o -> o.type() == OrderType.STOP_MARKET).toList();
        List<ExitOrder> done = new ArrayList<>();
        // the open
        pending.stream().filter(o -> o.type() == OrderType.MARKET).forEach(o -> fill(fills, done, left, o, bar.open()));
        stops.stream().filter(o -> isLong ? bar.open().compareTo(o.price()) <= 0 : bar.open().compareTo(o.price()) >= 0)
                .forEach(o -> fill(fills, done, left, o, bar.open()));
        limits.stream().filter(o -> isLong ? bar.open().compareTo(o.price()) >= 0 : bar.open().compareTo(o.price()) <= 0)
                .forEach(o -> fill(fills, done, left, o, bar.open()));
        // the range
        stops.stream().filter(o -> isLong ? bar.low().compareTo(o.price()) <= 0 : bar.high().compareTo(o.price()) >= 0)
                .forEach(o -> fill(fills, done, left, o, o.price()));
        limits.stream().filter(o -> isLong ? bar.high().compareTo(o.price()) >= 0 : bar.low().compareTo(o.price()) <= 0)
                .forEach(o -> fill(fills, done, left, o, o.price()));
        return fills;
    }

    private static void fill(List<VenueFill> fills, List<ExitOrder> done, Quantity[] left, ExitOrder o, Price price) {
        if (done.contains(o)) {
            return;
        }
        done.add(o);
        Quantity q = o.quantity().min(left[0]);
        if (!q.isZero()) {
            fills.add(new VenueFill(o, q, price));
            left[0] = left[0].minus(q);
        }
    }

    @Provide
    Arbitrary<Scenario> scenarios() {
        return new InTradeManagerPropertiesTest().scenarios();
    }
}
