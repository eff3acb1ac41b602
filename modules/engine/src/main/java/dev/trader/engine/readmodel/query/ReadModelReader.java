package dev.trader.engine.readmodel.query;

import dev.trader.domain.order.OrderSide;
import dev.trader.domain.order.OrderStatus;
import dev.trader.domain.order.OrderType;
import dev.trader.domain.position.PositionSide;
import dev.trader.engine.persistence.JdbcSettings;
import dev.trader.engine.readmodel.Sql;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** The read model's queries in blocking JDBC; {@link ReadModelQueries} runs them off the callers' threads. */
final class ReadModelReader {
    /** Rows read for the CSV export and the metrics, oldest first: every trade the filter selects. */
    private static final String CHRONOLOGICAL = " ORDER BY exit_time, trade_id";

    private final JdbcSettings jdbc;

    ReadModelReader(JdbcSettings jdbc) {
        this.jdbc = jdbc;
    }

    @FunctionalInterface
    private interface RowReader<T> {
        T read(ResultSet rs) throws SQLException;
    }

    Page<OrderRow> orders(ReadFilter filter, PageRequest page) throws SQLException {
        return page(ReadKind.ORDERS, filter, page, ReadModelReader::order, OrderRow::decisionTime, OrderRow::clientOrderId);
    }

    Page<TradeRow> trades(ReadFilter filter, PageRequest page) throws SQLException {
        return page(ReadKind.TRADES, filter, page, ReadModelReader::trade, TradeRow::exitTime, TradeRow::tradeId);
    }

    Page<SignalRow> signals(ReadFilter filter, PageRequest page) throws SQLException {
        return page(ReadKind.SIGNALS, filter, page, ReadModelReader::signal, SignalRow::time, SignalRow::signalId);
    }

    /** Every trade {@code filter} selects, oldest first (by exit time, then id). */
    List<TradeRow> allTrades(ReadFilter filter) throws SQLException {
        SqlWhere where = filter.where(ReadKind.TRADES);
        return list("SELECT * FROM rm_trades" + where.sql() + CHRONOLOGICAL, where, ReadModelReader::trade);
    }

    /** The fills of one order, oldest first. */
    List<FillRow> fills(String clientOrderId) throws SQLException {
        SqlWhere where = new SqlWhere().and("client_order_id = ?", clientOrderId);
        return list("SELECT * FROM rm_fills" + where.sql() + " ORDER BY fill_time, trade_id", where, ReadModelReader::fill);
    }

    /** The positions holding something, by position id. */
    List<OpenPosition> openPositions() throws SQLException {
        SqlWhere where = new SqlWhere().and("side <> ?", PositionSide.FLAT.name());
        return list("SELECT * FROM rm_positions" + where.sql() + " ORDER BY position_id", where, ReadModelReader::openPosition);
    }

    private <T> Page<T> page(ReadKind kind, ReadFilter filter, PageRequest page, RowReader<T> reader, Function<T, Instant> time,
                             Function<T, String> id) throws SQLException {
        SqlWhere where = filter.where(kind);
        SqlWhere after = where.copy();
        if (page.cursor() != null) {
            String t = kind.timeColumn();
            after.and("(" + t + " < ? OR (" + t + " = ? AND " + kind.idColumn() + " < ?))", page.cursor().time(), page.cursor().time(),
                    page.cursor().id());
        }
        // The limit is a checked int, so it may go into the text: both databases take FETCH FIRST n ROWS ONLY.
        String sql = "SELECT * FROM " + kind.table() + after.sql() + " ORDER BY " + kind.timeColumn() + " DESC, " + kind.idColumn() + " DESC"
                + " FETCH FIRST " + (page.limit() + 1) + " ROWS ONLY";
        try (Connection c = connect()) {
            c.setReadOnly(true);
            long total;
            try (PreparedStatement st = c.prepareStatement("SELECT COUNT(*) FROM " + kind.table() + where.sql())) {
                where.bind(st);
                try (ResultSet rs = st.executeQuery()) {
                    rs.next();
                    total = rs.getLong(1);
                }
            }
            List<T> rows = list(c, sql, after, reader);
            if (rows.size() <= page.limit()) {
                return new Page<>(rows, null, total);
            }
            List<T> items = rows.subList(0, page.limit());
            T last = items.get(items.size() - 1);
            return new Page<>(items, new Cursor(kind, time.apply(last), id.apply(last)).encode(), total);
        }
    }

    private <T> List<T> list(String sql, SqlWhere where, RowReader<T> reader) throws SQLException {
        try (Connection c = connect()) {
            c.setReadOnly(true);
            return list(c, sql, where, reader);
        }
    }

    private static <T> List<T> list(Connection c, String sql, SqlWhere where, RowReader<T> reader) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(sql)) {
            where.bind(st);
            try (ResultSet rs = st.executeQuery()) {
                List<T> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(reader.read(rs));
                }
                return out;
            }
        }
    }

    private static OrderRow order(ResultSet rs) throws SQLException {
        return new OrderRow(rs.getString("client_order_id"), rs.getString("parent_id"), rs.getString("strategy"), rs.getString("instrument"),
                OrderSide.valueOf(rs.getString("side")), OrderType.valueOf(rs.getString("order_type")), Sql.decimal(rs, "quantity"),
                Sql.decimal(rs, "price"), rs.getBoolean("reduce_only"), OrderStatus.valueOf(rs.getString("status")), Sql.decimal(rs, "filled_quantity"),
                Sql.decimal(rs, "average_fill_price"), Sql.time(rs, "decision_time"), Sql.decimal(rs, "decision_price"), rs.getString("position_id"),
                rs.getString("venue_order_id"), rs.getString("last_reason"));
    }

    private static FillRow fill(ResultSet rs) throws SQLException {
        return new FillRow(rs.getString("trade_id"), rs.getString("client_order_id"), rs.getString("parent_id"), rs.getString("position_id"),
                rs.getString("strategy"), rs.getString("instrument"), OrderSide.valueOf(rs.getString("side")), Sql.decimal(rs, "price"),
                Sql.decimal(rs, "quantity"), Sql.decimal(rs, "fee"), rs.getString("fee_currency"), Sql.time(rs, "fill_time"));
    }

    static TradeRow trade(ResultSet rs) throws SQLException {
        return new TradeRow(rs.getString("trade_id"), rs.getString("position_id"), rs.getInt("round_trip"), rs.getString("strategy"),
                rs.getString("instrument"), PositionSide.valueOf(rs.getString("side")), Sql.decimal(rs, "quantity"), Sql.time(rs, "entry_time"),
                Sql.decimal(rs, "entry_price"), Sql.time(rs, "exit_time"), Sql.decimal(rs, "exit_price"), Sql.decimal(rs, "pnl"),
                Sql.decimal(rs, "fees"), Sql.decimal(rs, "pnl_after_fees"), rs.getString("currency"), Sql.decimal(rs, "initial_stop"),
                Sql.decimal(rs, "initial_risk"), Sql.decimal(rs, "r_multiple"), Sql.decimal(rs, "hold_minutes"), rs.getString("exit_kind"),
                rs.getString("regime"), rs.getString("session"));
    }

    private static SignalRow signal(ResultSet rs) throws SQLException {
        double c = rs.getDouble("confidence");
        Double confidence = rs.wasNull() ? null : c;
        return new SignalRow(rs.getString("signal_id"), rs.getString("strategy"), rs.getString("instrument"), rs.getString("timeframe"),
                Sql.time(rs, "signal_time"), rs.getString("direction"), confidence, Sql.decimal(rs, "price"),
                rs.getString("reason"), rs.getString("regime"), rs.getString("decision"), rs.getString("decision_rule"),
                rs.getString("decision_reason"), rs.getString("client_order_id"), rs.getString("position_id"), Sql.decimal(rs, "decision_stop"));
    }

    private static OpenPosition openPosition(ResultSet rs) throws SQLException {
        return new OpenPosition(rs.getString("position_id"), rs.getString("instrument"), rs.getString("rt_strategy"),
                PositionSide.valueOf(rs.getString("side")), Sql.decimal(rs, "quantity"), Sql.decimal(rs, "average_price"),
                Sql.decimal(rs, "realized_pnl"), Sql.decimal(rs, "fees"), rs.getString("currency"), Sql.decimal(rs, "protective_stop"),
                Sql.time(rs, "rt_opened_at"), Sql.time(rs, "updated_at"));
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbc.url(), jdbc.user(), jdbc.password());
    }
}
