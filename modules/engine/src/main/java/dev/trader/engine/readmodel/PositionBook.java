package dev.trader.engine.readmodel;

import dev.trader.domain.money.Money;
import dev.trader.domain.money.Price;
import dev.trader.domain.order.Fill;
import dev.trader.domain.order.OrderSide;
import dev.trader.domain.position.Position;
import dev.trader.domain.position.PositionSide;
import dev.trader.engine.readmodel.query.TradeRow;
import dev.trader.risk.intrade.ExitKind;
import dev.trader.risk.intrade.ManagedTrade;
import dev.trader.strategy.session.Session;
import dev.trader.strategy.session.SessionClock;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A position as the read model keeps it: the domain {@link Position} after every fill (the same
 * accounting as the Position entity, so realized P&amp;L and fees are the entity's to the cent), and
 * the round trip it has open. A round trip runs from the fill that leaves the position flat to the
 * fill that makes it flat again, or reverses it (an exit that sold more than was held): then it is a
 * closed {@link TradeRow}, and a reversal's remainder opens the next one. The reversing fill's whole
 * fee goes to the trip it closes, so the trips' P&amp;L after fees add up to the cash the fills moved.
 *
 * @param protectiveStop the stop approved with the position's entry (ProtectionSet); null if none
 * @param roundTrips     how many round trips closed so far
 * @param open           the round trip open now; null while flat
 * @param updatedAt      the time of the latest fill; null before the first
 */
public record PositionBook(String positionId, Position position, Price protectiveStop, int roundTrips, Trip open, Instant updatedAt) {
    /** Average prices carry as many decimals as a position's own average. */
    static final int AVERAGE_SCALE = 10;
    static final int R_SCALE = 8;
    static final int MINUTES_SCALE = 4;
    private static final BigDecimal MILLIS_PER_MINUTE = BigDecimal.valueOf(60_000);
    private static final SessionClock SESSIONS = SessionClock.defaults();
    /** The strategy of a trip whose entry order the read model never saw (journaled before the events were tagged). */
    static final String UNKNOWN_STRATEGY = "unknown";

    public PositionBook {
        Objects.requireNonNull(positionId, "positionId");
        Objects.requireNonNull(position, "position");
    }

    /**
     * The round trip open now: its side, whose it is (the strategy of the order that opened it), when
     * and by which order it opened, the quantity and notional entered and exited so far, the
     * position's cumulative realized P&amp;L and fees when it opened, its initial stop and regime.
     */
    public record Trip(PositionSide side, String strategy, String entryOrder, Instant openedAt, BigDecimal entryQuantity, BigDecimal entryNotional,
                       BigDecimal exitQuantity, BigDecimal exitNotional, Money realizedStart, Money feesStart, Price initialStop, String regime) {
        Trip entered(BigDecimal quantity, BigDecimal price) {
            return new Trip(side, strategy, entryOrder, openedAt, entryQuantity.add(quantity), entryNotional.add(price.multiply(quantity)),
                    exitQuantity, exitNotional, realizedStart, feesStart, initialStop, regime);
        }

        Trip exited(BigDecimal quantity, BigDecimal price) {
            return new Trip(side, strategy, entryOrder, openedAt, entryQuantity, entryNotional, exitQuantity.add(quantity),
                    exitNotional.add(price.multiply(quantity)), realizedStart, feesStart, initialStop, regime);
        }

        Trip stoppedAt(Price stop) {
            return new Trip(side, strategy, entryOrder, openedAt, entryQuantity, entryNotional, exitQuantity, exitNotional, realizedStart, feesStart,
                    stop, regime);
        }
    }

    /** What a round trip opened by an entry starts with: its strategy, the stop it was approved with (null if none), its signal's regime. */
    public record Entry(String strategy, Price initialStop, String regime) {
        public Entry {
            Objects.requireNonNull(strategy, "strategy");
        }
    }

    /** The book after a fill, and the round trip the fill closed (null if none). */
    public record Step(PositionBook book, TradeRow closed) {
    }

    public static PositionBook empty(String positionId, Position flat) {
        return new PositionBook(positionId, flat, null, 0, null, null);
    }

    /** Whether the next fill opens a round trip (and so needs its {@link Entry}). */
    public boolean opensTrip() {
        return position.isFlat() || open == null;
    }

    public PositionBook protectedBy(Price stop) {
        return new PositionBook(positionId, position, stop, roundTrips, open, updatedAt);
    }

    /**
     * The book after {@code fill}. {@code entry} says what a round trip opened by this fill starts
     * with (needed only when the position is flat: {@link #opensTrip}; null otherwise); {@code managed} is the in-trade manager's
     * trade after the fill (null if unmanaged): its initial stop, the one in force, is the trip's when
     * it manages this trip; {@code exit} is what the fill was for the manager (null if not an exit of
     * a managed trade).
     */
    public Step apply(Fill fill, Entry entry, ManagedTrade managed, ExitKind exit) {
        Position before = position;
        Position after = before.apply(fill);
        PositionSide fillSide = fill.side() == OrderSide.BUY ? PositionSide.LONG : PositionSide.SHORT;
        BigDecimal price = fill.price().toBigDecimal();
        BigDecimal quantity = fill.quantity().toBigDecimal();
        Trip trip = open;
        if (before.isFlat() || trip == null) {
            Entry e = entry == null ? new Entry(UNKNOWN_STRATEGY, null, null) : entry;
            trip = new Trip(fillSide, e.strategy(), fill.clientOrderId().value(), fill.time(), BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO,
                    BigDecimal.ZERO, before.realizedPnl(), before.fees(), e.initialStop(), e.regime());
            if (!before.isFlat()) {
                // A book that lost its trip (it cannot, short of a bug): what is held counts as entered at its average.
                trip = trip.entered(before.quantity().toBigDecimal(), before.averagePrice().toBigDecimal());
            }
        }
        if (managed != null && !managed.isClosed() && managed.side() == trip.side()) {
            trip = trip.stoppedAt(managed.initialStop());
        }
        if (fillSide == trip.side()) {
            trip = trip.entered(quantity, price);
        } else {
            trip = trip.exited(quantity.min(before.quantity().toBigDecimal()), price);
        }
        if (!after.isFlat() && after.side() == trip.side()) {
            return new Step(new PositionBook(positionId, after, protectiveStop, roundTrips, trip, fill.time()), null);
        }
        int n = roundTrips + 1;
        TradeRow closed = closed(trip, n, after, fill, exit);
        Trip next = null;
        if (!after.isFlat()) {
            // Reversed: the remainder is a new round trip, entered at the fill's price, owned by the same strategy.
            next = new Trip(after.side(), trip.strategy(), fill.clientOrderId().value(), fill.time(), BigDecimal.ZERO, BigDecimal.ZERO,
                    BigDecimal.ZERO, BigDecimal.ZERO, after.realizedPnl(), after.fees(), null, null)
                    .entered(after.quantity().toBigDecimal(), price);
        }
        return new Step(new PositionBook(positionId, after, protectiveStop, n, next, fill.time()), closed);
    }

    private TradeRow closed(Trip trip, int n, Position after, Fill fill, ExitKind exit) {
        BigDecimal pnl = after.realizedPnl().minus(trip.realizedStart()).toBigDecimal();
        BigDecimal fees = after.fees().minus(trip.feesStart()).toBigDecimal();
        BigDecimal net = pnl.subtract(fees);
        BigDecimal entryPrice = average(trip.entryNotional(), trip.entryQuantity());
        BigDecimal exitPrice = average(trip.exitNotional(), trip.exitQuantity());
        BigDecimal risk = initialRisk(trip.side(), entryPrice, trip.initialStop(), trip.entryQuantity());
        BigDecimal r = risk == null ? null : Sql.canonical(net.divide(risk, R_SCALE, RoundingMode.HALF_EVEN));
        long held = Duration.between(trip.openedAt(), fill.time()).toMillis();
        BigDecimal minutes = Sql.canonical(BigDecimal.valueOf(held).divide(MILLIS_PER_MINUTE, MINUTES_SCALE, RoundingMode.HALF_EVEN));
        return new TradeRow(positionId + "#" + n, positionId, n, trip.strategy(), position.instrument().value(), trip.side(),
                Sql.canonical(trip.entryQuantity()), trip.openedAt(), entryPrice, fill.time(), exitPrice, Sql.canonical(pnl), Sql.canonical(fees),
                Sql.canonical(net), after.realizedPnl().currency(), trip.initialStop() == null ? null : trip.initialStop().toBigDecimal(),
                risk == null ? null : Sql.canonical(risk), r, minutes, exit == null ? null : exit.name(), trip.regime(), sessionAt(trip.openedAt()));
    }

    /** The initial risk of a trip in money: |entry − stop| × quantity, when the stop is on the losing side; null otherwise. */
    static BigDecimal initialRisk(PositionSide side, BigDecimal entry, Price stop, BigDecimal quantity) {
        if (stop == null || entry == null) {
            return null;
        }
        BigDecimal perUnit = side == PositionSide.LONG ? entry.subtract(stop.toBigDecimal()) : stop.toBigDecimal().subtract(entry);
        return perUnit.signum() <= 0 ? null : perUnit.multiply(quantity);
    }

    private static BigDecimal average(BigDecimal notional, BigDecimal quantity) {
        return quantity.signum() == 0 ? null : Sql.canonical(notional.divide(quantity, AVERAGE_SCALE, RoundingMode.HALF_EVEN));
    }

    /** The main sessions open at {@code time} on the default session clock, joined by '+'; OUTSIDE when none is. */
    static String sessionAt(Instant time) {
        Set<Session> open = SESSIONS.sessionsAt(time);
        List<String> names = new ArrayList<>(3);
        for (Session s : List.of(Session.ASIA, Session.LONDON, Session.NEW_YORK)) {
            if (open.contains(s)) {
                names.add(s.name());
            }
        }
        return names.isEmpty() ? "OUTSIDE" : String.join("+", names);
    }
}
