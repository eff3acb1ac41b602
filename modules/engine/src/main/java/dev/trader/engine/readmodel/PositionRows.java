package dev.trader.engine.readmodel;

import dev.trader.domain.id.ChildOrderIds;
import dev.trader.domain.id.ClientOrderId;
import dev.trader.domain.id.InstrumentId;
import dev.trader.domain.money.Money;
import dev.trader.domain.money.Price;
import dev.trader.domain.money.Quantity;
import dev.trader.domain.position.Position;
import dev.trader.domain.position.PositionSide;
import dev.trader.engine.position.PositionEntity;
import dev.trader.engine.position.PositionIds;
import dev.trader.engine.readmodel.query.TradeRow;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The Position entity's events into {@code rm_positions} (each position as its fills left it, see
 * {@link PositionBook}) and {@code rm_trades} (the round trips they closed). A round trip takes its
 * strategy from the order that opened it, its regime and its approved stop from that order's signal
 * (the order's own id, or its parent's for an algorithm's child), and prefers the protective stop
 * journaled with the entry and the in-trade manager's stop (the one in force) to the decision's.
 */
final class PositionRows {
    private final String currency;

    PositionRows(String currency) {
        this.currency = currency;
    }

    /** Applies a Position event; false for an event the read model does not keep. */
    boolean apply(Connection c, Journaled j) throws SQLException {
        Object e = j.event();
        String id = j.entityId();
        if (e instanceof PositionEntity.ProtectionSet p) {
            save(c, load(c, id).protectedBy(p.protection().stop()), j.ordering());
            return true;
        }
        if (e instanceof PositionEntity.ProtectionDropped) {
            save(c, load(c, id).protectedBy(null), j.ordering());
            return true;
        }
        if (e instanceof PositionEntity.FillEvent f) {
            PositionBook book = load(c, id);
            PositionBook.Entry entry = book.opensTrip() ? entry(c, book, f.fill().clientOrderId()) : null;
            PositionBook.Step step = book.apply(f.fill(), entry, f.managed(), f.exit());
            save(c, step.book(), j.ordering());
            if (step.closed() != null) {
                insertTrade(c, step.closed(), j.ordering());
            }
            return true;
        }
        return false;
    }

    /** What a round trip opened by {@code order}'s fill starts with. */
    private static PositionBook.Entry entry(Connection c, PositionBook book, ClientOrderId order) throws SQLException {
        String strategy = PositionBook.UNKNOWN_STRATEGY;
        boolean reduceOnly = false;
        String signal = ChildOrderIds.parentOf(order).orElse(order).value();
        try (PreparedStatement st = c.prepareStatement("SELECT strategy, reduce_only FROM rm_orders WHERE client_order_id = ?")) {
            st.setString(1, order.value());
            try (ResultSet rs = st.executeQuery()) {
                if (rs.next()) {
                    strategy = rs.getString(1);
                    reduceOnly = rs.getBoolean(2);
                }
            }
        }
        String regime = null;
        BigDecimal decisionStop = null;
        if (!reduceOnly) {
            try (PreparedStatement st = c.prepareStatement("SELECT regime, decision_stop FROM rm_signals WHERE signal_id = ?")) {
                st.setString(1, signal);
                try (ResultSet rs = st.executeQuery()) {
                    if (rs.next()) {
                        regime = rs.getString(1);
                        decisionStop = Sql.decimal(rs, "decision_stop");
                    }
                }
            }
        }
        // The protection was set for the position's entry, so it is the first round trip's.
        Price stop = book.roundTrips() == 0 && book.protectiveStop() != null ? book.protectiveStop()
                : decisionStop == null ? null : Price.of(decisionStop);
        return new PositionBook.Entry(strategy, stop, regime);
    }

    private PositionBook load(Connection c, String positionId) throws SQLException {
        InstrumentId instrument = PositionIds.instrumentOf(positionId);
        try (PreparedStatement st = c.prepareStatement("SELECT * FROM rm_positions WHERE position_id = ?")) {
            st.setString(1, positionId);
            try (ResultSet rs = st.executeQuery()) {
                if (!rs.next()) {
                    return PositionBook.empty(positionId, Position.flat(instrument, currency));
                }
                String cur = rs.getString("currency");
                PositionSide side = PositionSide.valueOf(rs.getString("side"));
                BigDecimal average = Sql.decimal(rs, "average_price");
                Position p = new Position(instrument, side, Quantity.of(Sql.decimal(rs, "quantity")), average == null ? null : Price.of(average),
                        Money.of(Sql.decimal(rs, "realized_pnl"), cur), Money.of(Sql.decimal(rs, "fees"), cur));
                BigDecimal stop = Sql.decimal(rs, "protective_stop");
                PositionBook.Trip trip = null;
                String tripSide = rs.getString("rt_side");
                if (tripSide != null) {
                    BigDecimal initialStop = Sql.decimal(rs, "rt_initial_stop");
                    trip = new PositionBook.Trip(PositionSide.valueOf(tripSide), rs.getString("rt_strategy"), rs.getString("rt_entry_order"),
                            Sql.time(rs, "rt_opened_at"), Sql.decimal(rs, "rt_entry_quantity"), Sql.decimal(rs, "rt_entry_notional"),
                            Sql.decimal(rs, "rt_exit_quantity"), Sql.decimal(rs, "rt_exit_notional"), Money.of(Sql.decimal(rs, "rt_realized_start"), cur),
                            Money.of(Sql.decimal(rs, "rt_fees_start"), cur), initialStop == null ? null : Price.of(initialStop), rs.getString("rt_regime"));
                }
                return new PositionBook(positionId, p, stop == null ? null : Price.of(stop), rs.getInt("round_trips"), trip,
                        Sql.time(rs, "updated_at"));
            }
        }
    }

    private static void save(Connection c, PositionBook b, long ordering) throws SQLException {
        boolean exists = OrderRows.exists(c, "SELECT 1 FROM rm_positions WHERE position_id = ?", b.positionId());
        String sql = exists
                ? "UPDATE rm_positions SET instrument = ?, symbol = ?, currency = ?, side = ?, quantity = ?, average_price = ?, realized_pnl = ?, "
                + "fees = ?, protective_stop = ?, round_trips = ?, updated_at = ?, rt_side = ?, rt_strategy = ?, "
                + "rt_entry_order = ?, rt_opened_at = ?, rt_entry_quantity = ?, rt_entry_notional = ?, rt_exit_quantity = ?, rt_exit_notional = ?, "
                + "rt_realized_start = ?, rt_fees_start = ?, rt_initial_stop = ?, rt_regime = ?, journal_ordering = ? WHERE position_id = ?"
                : "INSERT INTO rm_positions (instrument, symbol, currency, side, quantity, average_price, realized_pnl, fees, protective_stop, "
                + "round_trips, updated_at, rt_side, rt_strategy, rt_entry_order, rt_opened_at, rt_entry_quantity, rt_entry_notional, "
                + "rt_exit_quantity, rt_exit_notional, rt_realized_start, rt_fees_start, rt_initial_stop, rt_regime, journal_ordering, position_id) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
        Position p = b.position();
        PositionBook.Trip t = b.open();
        try (PreparedStatement st = c.prepareStatement(sql)) {
            st.setString(1, p.instrument().value());
            st.setString(2, p.instrument().symbol());
            st.setString(3, p.realizedPnl().currency());
            st.setString(4, p.side().name());
            Sql.decimal(st, 5, p.quantity().toBigDecimal());
            Sql.decimal(st, 6, p.averagePrice() == null ? null : p.averagePrice().toBigDecimal());
            Sql.decimal(st, 7, p.realizedPnl().toBigDecimal());
            Sql.decimal(st, 8, p.fees().toBigDecimal());
            Sql.decimal(st, 9, b.protectiveStop() == null ? null : b.protectiveStop().toBigDecimal());
            st.setInt(10, b.roundTrips());
            Sql.time(st, 11, b.updatedAt());
            Sql.text(st, 12, t == null ? null : t.side().name());
            Sql.text(st, 13, t == null ? null : t.strategy());
            Sql.text(st, 14, t == null ? null : t.entryOrder());
            Sql.time(st, 15, t == null ? null : t.openedAt());
            Sql.decimal(st, 16, t == null ? null : t.entryQuantity());
            Sql.decimal(st, 17, t == null ? null : t.entryNotional());
            Sql.decimal(st, 18, t == null ? null : t.exitQuantity());
            Sql.decimal(st, 19, t == null ? null : t.exitNotional());
            Sql.decimal(st, 20, t == null ? null : t.realizedStart().toBigDecimal());
            Sql.decimal(st, 21, t == null ? null : t.feesStart().toBigDecimal());
            Sql.decimal(st, 22, t == null || t.initialStop() == null ? null : t.initialStop().toBigDecimal());
            Sql.text(st, 23, t == null ? null : t.regime());
            st.setLong(24, ordering);
            st.setString(25, b.positionId());
            st.executeUpdate();
        }
    }

    private static void insertTrade(Connection c, TradeRow t, long ordering) throws SQLException {
        if (OrderRows.exists(c, "SELECT 1 FROM rm_trades WHERE trade_id = ?", t.tradeId())) {
            return;
        }
        try (PreparedStatement st = c.prepareStatement("INSERT INTO rm_trades (trade_id, position_id, round_trip, strategy, instrument, symbol, side, "
                + "quantity, entry_time, entry_price, exit_time, exit_price, pnl, fees, pnl_after_fees, currency, initial_stop, initial_risk, r_multiple, "
                + "hold_minutes, exit_kind, regime, session, journal_ordering) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                + "?)")) {
            st.setString(1, t.tradeId());
            st.setString(2, t.positionId());
            st.setInt(3, t.roundTrip());
            st.setString(4, t.strategy());
            st.setString(5, t.instrument());
            st.setString(6, InstrumentId.parse(t.instrument()).symbol());
            st.setString(7, t.side().name());
            Sql.decimal(st, 8, t.quantity());
            Sql.time(st, 9, t.entryTime());
            Sql.decimal(st, 10, t.entryPrice());
            Sql.time(st, 11, t.exitTime());
            Sql.decimal(st, 12, t.exitPrice());
            Sql.decimal(st, 13, t.pnl());
            Sql.decimal(st, 14, t.fees());
            Sql.decimal(st, 15, t.pnlAfterFees());
            st.setString(16, t.currency());
            Sql.decimal(st, 17, t.initialStop());
            Sql.decimal(st, 18, t.initialRisk());
            Sql.decimal(st, 19, t.rMultiple());
            Sql.decimal(st, 20, t.holdMinutes());
            Sql.text(st, 21, t.exitKind());
            Sql.text(st, 22, t.regime());
            st.setString(23, t.session());
            st.setLong(24, ordering);
            st.executeUpdate();
        }
    }
}
