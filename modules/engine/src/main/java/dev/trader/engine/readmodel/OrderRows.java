package dev.trader.engine.readmodel;

import dev.trader.domain.id.ChildOrderIds;
import dev.trader.domain.id.ClientOrderId;
import dev.trader.domain.order.Fill;
import dev.trader.domain.order.OrderRequest;
import dev.trader.domain.order.OrderStatus;
import dev.trader.engine.order.OrderEntity;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The Order entity's events into {@code rm_orders} and {@code rm_fills}: the request when it is
 * journaled, then each step of its life as the entity's event handler takes it (the status an event
 * leads to is fixed by the order state machine; a fill carries its own), the fills once per trade
 * id, and the filled quantity and average price recomputed from the order's fills exactly as
 * {@link dev.trader.engine.order.OrderState} does.
 */
final class OrderRows {
    private OrderRows() {
    }

    /** Applies an Order event; false for an event the read model does not keep. */
    static boolean apply(Connection c, Journaled j) throws SQLException {
        String id = j.entityId();
        Object e = j.event();
        if (e instanceof OrderEntity.OrderRequested r) {
            requested(c, j.ordering(), r);
            return true;
        }
        if (e instanceof OrderEntity.OrderSubmitted) {
            return moved(c, id, OrderStatus.SUBMITTED, null, j.ordering());
        }
        if (e instanceof OrderEntity.OrderAccepted a) {
            boolean moved = moved(c, id, OrderStatus.ACCEPTED, null, j.ordering());
            accepted(c, id, a);
            return moved;
        }
        if (e instanceof OrderEntity.OrderRejected r) {
            return moved(c, id, OrderStatus.REJECTED, r.reason(), j.ordering());
        }
        if (e instanceof OrderEntity.OrderStatusUnknown u) {
            return moved(c, id, OrderStatus.UNKNOWN, u.reason(), j.ordering());
        }
        if (e instanceof OrderEntity.OrderCancelled x) {
            return moved(c, id, OrderStatus.CANCELLED, x.reason(), j.ordering());
        }
        if (e instanceof OrderEntity.OrderExpired x) {
            return moved(c, id, OrderStatus.EXPIRED, x.reason(), j.ordering());
        }
        if (e instanceof OrderEntity.OrderFilled f) {
            filled(c, id, f, j.ordering());
            return true;
        }
        return false;
    }

    private static void requested(Connection c, long ordering, OrderEntity.OrderRequested e) throws SQLException {
        OrderRequest r = e.request();
        String id = r.clientOrderId().value();
        if (exists(c, "SELECT 1 FROM rm_orders WHERE client_order_id = ?", id)) {
            // The request is an order's first event: a row here was written by this very event before.
            return;
        }
        try (PreparedStatement st = c.prepareStatement("INSERT INTO rm_orders (client_order_id, parent_id, strategy, instrument, symbol, side, "
                + "order_type, quantity, price, reduce_only, status, filled_quantity, average_fill_price, decision_time, decision_price, position_id, "
                + "venue_order_id, last_reason, created_ordering, updated_ordering) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, NULL, ?, ?, ?, NULL, "
                + "NULL, ?, ?)")) {
            st.setString(1, id);
            Sql.text(st, 2, ChildOrderIds.parentOf(new ClientOrderId(id)).map(ClientOrderId::value).orElse(null));
            st.setString(3, r.strategy().value());
            st.setString(4, r.instrument().value());
            st.setString(5, r.instrument().symbol());
            st.setString(6, r.side().name());
            st.setString(7, r.type().name());
            Sql.decimal(st, 8, r.quantity().toBigDecimal());
            Sql.decimal(st, 9, r.limitPrice() == null ? null : r.limitPrice().toBigDecimal());
            st.setBoolean(10, r.reduceOnly());
            st.setString(11, OrderStatus.NEW.name());
            Sql.time(st, 12, r.decisionTime());
            Sql.decimal(st, 13, e.decisionPrice() == null ? null : e.decisionPrice().toBigDecimal());
            Sql.text(st, 14, e.positionId());
            st.setLong(15, ordering);
            st.setLong(16, ordering);
            st.executeUpdate();
        }
    }

    /** The order moved to {@code status}; a null {@code reason} keeps the last one (as the entity does). False if the order is not here. */
    private static boolean moved(Connection c, String id, OrderStatus status, String reason, long ordering) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("UPDATE rm_orders SET status = ?, last_reason = COALESCE(?, last_reason), updated_ordering = ? "
                + "WHERE client_order_id = ?")) {
            st.setString(1, status.name());
            Sql.text(st, 2, reason);
            st.setLong(3, ordering);
            st.setString(4, id);
            return st.executeUpdate() > 0;
        }
    }

    /** The venue's id, and the quantity it took when it took less than asked (an exit capped at the holding). */
    private static void accepted(Connection c, String id, OrderEntity.OrderAccepted a) throws SQLException {
        if (a.venueOrderId() != null && !a.venueOrderId().isEmpty()) {
            try (PreparedStatement st = c.prepareStatement("UPDATE rm_orders SET venue_order_id = ? WHERE client_order_id = ?")) {
                st.setString(1, a.venueOrderId());
                st.setString(2, id);
                st.executeUpdate();
            }
        }
        if (a.venueQuantity() != null) {
            try (PreparedStatement st = c.prepareStatement("UPDATE rm_orders SET quantity = ? WHERE client_order_id = ? AND quantity > ?")) {
                Sql.decimal(st, 1, a.venueQuantity().toBigDecimal());
                st.setString(2, id);
                Sql.decimal(st, 3, a.venueQuantity().toBigDecimal());
                st.executeUpdate();
            }
        }
    }

    private static void filled(Connection c, String id, OrderEntity.OrderFilled e, long ordering) throws SQLException {
        Fill f = e.fill();
        String parent = null;
        String position = null;
        String strategy = null;
        try (PreparedStatement st = c.prepareStatement("SELECT parent_id, position_id, strategy FROM rm_orders WHERE client_order_id = ?")) {
            st.setString(1, id);
            try (ResultSet rs = st.executeQuery()) {
                if (rs.next()) {
                    parent = rs.getString(1);
                    position = rs.getString(2);
                    strategy = rs.getString(3);
                }
            }
        }
        insertFill(c, f, parent, position, strategy, ordering);
        BigDecimal quantity = BigDecimal.ZERO;
        BigDecimal notional = BigDecimal.ZERO;
        try (PreparedStatement st = c.prepareStatement("SELECT price, quantity FROM rm_fills WHERE client_order_id = ?")) {
            st.setString(1, id);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    quantity = quantity.add(rs.getBigDecimal(2));
                    notional = notional.add(rs.getBigDecimal(1).multiply(rs.getBigDecimal(2)));
                }
            }
        }
        try (PreparedStatement st = c.prepareStatement("UPDATE rm_orders SET status = ?, filled_quantity = ?, average_fill_price = ?, "
                + "updated_ordering = ? WHERE client_order_id = ?")) {
            st.setString(1, e.statusAfter().name());
            Sql.decimal(st, 2, quantity);
            // As Slippage.averagePrice: the notional over the quantity, 10 decimals half-even.
            Sql.decimal(st, 3, quantity.signum() == 0 ? null : notional.divide(quantity, PositionBook.AVERAGE_SCALE, RoundingMode.HALF_EVEN));
            st.setLong(4, ordering);
            st.setString(5, id);
            st.executeUpdate();
        }
    }

    private static void insertFill(Connection c, Fill f, String parent, String position, String strategy, long ordering) throws SQLException {
        if (exists(c, "SELECT 1 FROM rm_fills WHERE trade_id = ?", f.tradeId().value())) {
            return;
        }
        try (PreparedStatement st = c.prepareStatement("INSERT INTO rm_fills (trade_id, client_order_id, parent_id, position_id, strategy, instrument, "
                + "symbol, side, price, quantity, fee, fee_currency, fill_time, journal_ordering) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            st.setString(1, f.tradeId().value());
            st.setString(2, f.clientOrderId().value());
            Sql.text(st, 3, parent);
            Sql.text(st, 4, position);
            Sql.text(st, 5, strategy);
            st.setString(6, f.instrument().value());
            st.setString(7, f.instrument().symbol());
            st.setString(8, f.side().name());
            Sql.decimal(st, 9, f.price().toBigDecimal());
            Sql.decimal(st, 10, f.quantity().toBigDecimal());
            Sql.decimal(st, 11, f.fee().toBigDecimal());
            st.setString(12, f.fee().currency());
            Sql.time(st, 13, f.time());
            st.setLong(14, ordering);
            st.executeUpdate();
        }
    }

    static boolean exists(Connection c, String sql, String key) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(sql)) {
            st.setString(1, key);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next();
            }
        }
    }
}
