package dev.trader.risk.intrade;

import dev.trader.domain.market.Bar;
import dev.trader.domain.money.Price;
import dev.trader.domain.money.Quantity;
import dev.trader.domain.order.OrderType;
import dev.trader.domain.position.PositionSide;
import dev.trader.risk.intrade.TradeEvent.ExitFill;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The in-trade manager: a pure function from (trade, bar, inputs) to the next trade and the
 * events of that bar. No clock, no randomness, no I/O: the same inputs always give the same
 * transition. The order of events within a bar, bar counting and rounding are documented in
 * the {@linkplain dev.trader.risk.intrade package documentation}.
 */
public final class InTradeManager {
    private InTradeManager() {
    }

    /**
     * Applies one bar to an open trade.
     *
     * @throws IllegalStateException    if the trade is already closed
     * @throws IllegalArgumentException if the bar is for another instrument, or does not open after the
     *                                  last bar processed (each bar is given once, in order)
     */
    public static Transition onBar(ManagedTrade trade, Bar bar, BarInputs inputs) {
        check(trade, bar, inputs);
        return new Step(trade, bar).run(inputs);
    }

    /**
     * The close of a bar for a trade whose exits rest at a venue: the venue has already filled
     * what this bar reached (booked with {@link #onExitFill}), so only the close is left. The time
     * stop and an opposite signal become {@link TradeEvent.ExitRequested} (a market exit for the
     * next bar, see {@link #workingOrders}); otherwise the stop may move, exactly as in
     * {@link #onBar}. Bars are counted and the extremes tracked as there.
     *
     * @throws IllegalStateException    if the trade is already closed
     * @throws IllegalArgumentException as {@link #onBar}
     */
    public static Transition atClose(ManagedTrade trade, Bar bar, BarInputs inputs) {
        check(trade, bar, inputs);
        return new Step(trade, bar).close(inputs, true);
    }

    /**
     * A venue's fill of one of the trade's exits (or of an exit it did not place, {@link ExitKind#OTHER}),
     * booked with its exact P&L. A fill larger than what is open books what is open: the venue
     * treats exits as reduce-only, so more cannot have been sold for this trade.
     *
     * @param rung the ladder index for a {@link ExitKind#RUNG}, ignored otherwise
     * @throws IllegalStateException if the trade is already closed
     */
    public static Transition onExitFill(ManagedTrade trade, ExitKind kind, int rung, Quantity quantity, Price price) {
        Objects.requireNonNull(trade, "trade");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(price, "price");
        if (trade.isClosed()) {
            throw new IllegalStateException("the managed trade in " + trade.plan().rules().instrument() + " is closed; it takes no more fills");
        }
        Quantity q = quantity.min(trade.openQuantity());
        BigDecimal pnl = trade.pnlOf(q, price);
        Quantity open = trade.openQuantity().minus(q);
        BigDecimal realized = trade.realizedPnl().add(pnl);
        int rungsDone = kind == ExitKind.RUNG ? Math.max(trade.rungsDone(), rung + 1) : trade.rungsDone();
        List<TradeEvent> events = new ArrayList<>(2);
        events.add(switch (kind) {
            case STOP -> new TradeEvent.StopHit(q, price, pnl);
            case RUNG -> new TradeEvent.ScaledOut(q, price, pnl);
            case TARGET -> new TradeEvent.TargetHit(q, price, pnl);
            case TIME -> new TradeEvent.TimeExit(q, price, pnl);
            case OPPOSITE_SIGNAL -> new TradeEvent.OppositeSignalExit(q, price, pnl);
            case OTHER -> new TradeEvent.OtherExit(q, price, pnl);
        });
        if (open.isZero()) {
            events.add(new TradeEvent.PositionClosed(realized));
        }
        ManagedTrade next = new ManagedTrade(trade.plan(), trade.side(), trade.entry(), trade.initialStop(), trade.originalQuantity(), open,
                trade.stop(), trade.barsInTrade(), rungsDone, realized, trade.highestHigh(), trade.lowestLow(), trade.lastBarOpen());
        return new Transition(next, events);
    }

    /**
     * The exit orders the trade wants resting for its next bar: a market exit when one was
     * requested ({@code marketExit} TIME or OPPOSITE_SIGNAL, else null), the stop for everything
     * open, each pending rung with the share it would sell after the rungs before it, and the
     * target for what the ladder leaves. All are reduce-only: the venue fills them in the
     * manager's order (the open first, stops before limits) and never beyond what is open, so
     * the fills are the ones {@link #onBar} models. Nothing when the trade is closed.
     */
    public static List<ExitOrder> workingOrders(ManagedTrade trade, ExitKind marketExit) {
        if (trade.isClosed()) {
            return List.of();
        }
        List<ExitOrder> out = new ArrayList<>();
        Quantity open = trade.openQuantity();
        if (marketExit != null) {
            out.add(new ExitOrder("exit-" + marketExit.name().toLowerCase(Locale.ROOT), marketExit, -1, OrderType.MARKET, null, open));
        }
        out.add(stopOrder(trade.stop(), open));
        Quantity left = open;
        List<ScaleOutRung> ladder = trade.plan().ladder();
        for (int i = trade.rungsDone(); i < ladder.size() && !left.isZero(); i++) {
            Quantity share = trade.rungQuantity(i, left);
            Price price = trade.rungPrice(i);
            if (share.isZero() || !price.isPositive()) {
                continue;
            }
            out.add(new ExitOrder("rung-" + i, ExitKind.RUNG, i, OrderType.LIMIT, price, share));
            left = left.minus(share);
        }
        Price target = trade.targetPrice();
        if (target != null && target.isPositive() && !left.isZero()) {
            out.add(new ExitOrder("target", ExitKind.TARGET, -1, OrderType.LIMIT, target, left));
        }
        return out;
    }

    /**
     * The protective stop to send with an entry, before it fills (reduce-only, so it cannot trade
     * before the entry has): {@code stop} rounded as {@link ManagedTrade#open} rounds it, under the
     * key {@link #workingOrders} gives the trade's stop once open, so it is not replaced then.
     */
    public static ExitOrder protectiveStop(InTradePlan plan, PositionSide side, Price stop, Quantity quantity) {
        Objects.requireNonNull(plan, "plan");
        if (side == PositionSide.FLAT) {
            throw new IllegalArgumentException("a protective stop protects a LONG or SHORT position, not FLAT");
        }
        Price rounded = Decimals.toTick(stop.toBigDecimal(), plan.rules().tickSize(), side == PositionSide.LONG ? RoundingMode.CEILING : RoundingMode.FLOOR);
        return stopOrder(rounded, quantity);
    }

    private static ExitOrder stopOrder(Price stop, Quantity quantity) {
        return new ExitOrder("stop@" + stop.toBigDecimal().toPlainString(), ExitKind.STOP, -1, OrderType.STOP_MARKET, stop, quantity);
    }

    private static void check(ManagedTrade trade, Bar bar, BarInputs inputs) {
        Objects.requireNonNull(trade, "trade");
        Objects.requireNonNull(bar, "bar");
        Objects.requireNonNull(inputs, "inputs");
        if (trade.isClosed()) {
            throw new IllegalStateException("the managed trade in " + trade.plan().rules().instrument() + " is closed; it takes no more bars");
        }
        if (!bar.instrument().equals(trade.plan().rules().instrument())) {
            throw new IllegalArgumentException("bar for " + bar.instrument() + " given to a trade in " + trade.plan().rules().instrument());
        }
        if (trade.lastBarOpen() != null && !bar.openTime().isAfter(trade.lastBarOpen())) {
            throw new IllegalArgumentException("bar at " + bar.openTime() + " does not open after the last bar processed ("
                    + trade.lastBarOpen() + "): each bar is given once, in order");
        }
    }

    /** The working state of one bar's processing. */
    private static final class Step {
        private final ManagedTrade trade;
        private final Bar bar;
        private final boolean isLong;
        private final List<TradeEvent> events = new ArrayList<>();
        private Quantity open;
        private BigDecimal realized;
        private int rungsDone;
        private Price stop;

        Step(ManagedTrade trade, Bar bar) {
            this.trade = trade;
            this.bar = bar;
            this.isLong = trade.isLong();
            this.open = trade.openQuantity();
            this.realized = trade.realizedPnl();
            this.rungsDone = trade.rungsDone();
            this.stop = trade.stop();
        }

        Transition run(BarInputs inputs) {
            // 1. The open: the first price of the bar. A gap through the stop closes everything there;
            //    otherwise rungs and the target that the open already passed fill at the open.
            if (adverseReaches(bar.open(), stop)) {
                exitAll(TradeEvent.StopHit::new, bar.open());
                return result();
            }
            fillRungs(bar.open(), true);
            Price target = trade.targetPrice();
            if (!closed() && target != null && favourableReaches(bar.open(), target)) {
                exitAll(TradeEvent.TargetHit::new, bar.open());
            }
            if (closed()) {
                return result();
            }
            // 2. Inside the bar, where the path is unknown: the stop (the one in force at the open) first.
            if (adverseReaches(adverseExtreme(), stop)) {
                exitAll(TradeEvent.StopHit::new, stop);
                return result();
            }
            fillRungs(favourableExtreme(), false);
            if (!closed() && target != null && favourableReaches(favourableExtreme(), target)) {
                exitAll(TradeEvent.TargetHit::new, target);
            }
            if (closed()) {
                return result();
            }
            // 3. The close: time stop, then opposite signal, then the stop update for the next bar.
            return close(inputs, false);
        }

        /**
         * The close of the bar: a time or signal exit at the close ({@code request} false: modelled
         * fills) or asked for ({@code request} true: the venue fills it on the next bar); otherwise
         * the stop update.
         */
        Transition close(BarInputs inputs, boolean request) {
            int maxBars = trade.plan().maxBarsInTrade();
            if (maxBars > 0 && trade.barsInTrade() + 1 >= maxBars) {
                if (request) {
                    events.add(new TradeEvent.ExitRequested(ExitKind.TIME));
                } else {
                    exitAll(TradeEvent.TimeExit::new, bar.close());
                }
            } else if (trade.plan().exitOnOppositeSignal() && inputs.oppositeSignal()) {
                if (request) {
                    events.add(new TradeEvent.ExitRequested(ExitKind.OPPOSITE_SIGNAL));
                } else {
                    exitAll(TradeEvent.OppositeSignalExit::new, bar.close());
                }
            } else {
                moveStop(inputs);
            }
            return result();
        }

        /** Fills the pending rungs that {@code level} reaches, in ladder order. */
        private void fillRungs(Price level, boolean atOpen) {
            List<ScaleOutRung> ladder = trade.plan().ladder();
            while (!closed() && rungsDone < ladder.size()) {
                Price rungPrice = trade.rungPrice(rungsDone);
                if (!favourableReaches(level, rungPrice)) {
                    return;
                }
                Quantity quantity = trade.rungQuantity(rungsDone, open);
                rungsDone++;
                if (!quantity.isZero()) {
                    exit(TradeEvent.ScaledOut::new, quantity, atOpen ? bar.open() : rungPrice);
                }
            }
        }

        /** Break-even and trailing candidates at the close; the stop only tightens. */
        private void moveStop(BarInputs inputs) {
            InTradePlan plan = trade.plan();
            Price best = stop;
            StopReason reason = null;
            List<Candidate> candidates = new ArrayList<>(3);
            if (plan.hasBreakEven() && favourableReachesExact(favourableExtreme(), trade.levelAt(plan.breakEvenTriggerR()))) {
                BigDecimal offset = plan.breakEvenOffset().toBigDecimal();
                BigDecimal entry = trade.entry().toBigDecimal();
                candidates.add(new Candidate(isLong ? entry.add(offset) : entry.subtract(offset), StopReason.BREAK_EVEN));
            }
            if (plan.trailing().mode() == Trailing.Mode.ATR && inputs.hasAtr()) {
                BigDecimal distance = plan.trailing().atrMultiple().multiply(BigDecimal.valueOf(inputs.atr()));
                BigDecimal anchor = (isLong ? highestHigh() : lowestLow()).toBigDecimal();
                candidates.add(new Candidate(isLong ? anchor.subtract(distance) : anchor.add(distance), StopReason.ATR_TRAIL));
            }
            if (plan.trailing().mode() == Trailing.Mode.SWING) {
                Price swing = isLong ? inputs.swingLow() : inputs.swingHigh();
                if (swing != null) {
                    BigDecimal tick = plan.rules().tickSize().toBigDecimal();
                    BigDecimal level = swing.toBigDecimal();
                    candidates.add(new Candidate(isLong ? level.subtract(tick) : level.add(tick), StopReason.SWING_TRAIL));
                }
            }
            for (Candidate candidate : candidates) {
                // Compare before building a Price: a far-off candidate may not fit one, and cannot win.
                if (tighter(candidate.level(), best.toBigDecimal())) {
                    Price rounded = Decimals.toTick(candidate.level(), plan.rules().tickSize(), isLong ? RoundingMode.CEILING : RoundingMode.FLOOR);
                    if (tighter(rounded.toBigDecimal(), best.toBigDecimal())) {
                        best = rounded;
                        reason = candidate.reason();
                    }
                }
            }
            if (reason != null) {
                events.add(new TradeEvent.StopMoved(stop, best, reason));
                stop = best;
            }
        }

        private record Candidate(BigDecimal level, StopReason reason) {
        }

        private void exitAll(ExitFactory factory, Price price) {
            exit(factory, open, price);
        }

        private void exit(ExitFactory factory, Quantity quantity, Price price) {
            BigDecimal pnl = trade.pnlOf(quantity, price);
            open = open.minus(quantity);
            realized = realized.add(pnl);
            events.add(factory.apply(quantity, price, pnl));
            if (open.isZero()) {
                events.add(new TradeEvent.PositionClosed(realized));
            }
        }

        private Transition result() {
            ManagedTrade next = new ManagedTrade(trade.plan(), trade.side(), trade.entry(), trade.initialStop(), trade.originalQuantity(),
                    open, stop, trade.barsInTrade() + 1, rungsDone, realized, highestHigh(), lowestLow(), bar.openTime());
            return new Transition(next, events);
        }

        private boolean closed() {
            return open.isZero();
        }

        private Price highestHigh() {
            return trade.highestHigh().max(bar.high());
        }

        private Price lowestLow() {
            return trade.lowestLow().min(bar.low());
        }

        private Price favourableExtreme() {
            return isLong ? bar.high() : bar.low();
        }

        private Price adverseExtreme() {
            return isLong ? bar.low() : bar.high();
        }

        /** The price is at or through the stop (at or below a long's, at or above a short's). */
        private boolean adverseReaches(Price price, Price stopLevel) {
            return isLong ? price.compareTo(stopLevel) <= 0 : price.compareTo(stopLevel) >= 0;
        }

        /** The price is at or beyond a level in the trade's favour. */
        private boolean favourableReaches(Price price, Price level) {
            return favourableReachesExact(price, level.toBigDecimal());
        }

        private boolean favourableReachesExact(Price price, BigDecimal level) {
            int c = price.toBigDecimal().compareTo(level);
            return isLong ? c >= 0 : c <= 0;
        }

        /** A stop level closer to the trade's favour: higher for a long, lower for a short. */
        private boolean tighter(BigDecimal candidate, BigDecimal current) {
            int c = candidate.compareTo(current);
            return isLong ? c > 0 : c < 0;
        }
    }

    /** The constructor of one kind of exit fill. */
    @FunctionalInterface
    private interface ExitFactory {
        ExitFill apply(Quantity quantity, Price price, BigDecimal realizedPnl);
    }
}
