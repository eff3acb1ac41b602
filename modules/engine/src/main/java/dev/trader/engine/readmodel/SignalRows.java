package dev.trader.engine.readmodel;

import dev.trader.domain.id.ClientOrderId;
import dev.trader.domain.id.InstrumentId;
import dev.trader.domain.money.Price;
import dev.trader.domain.signal.Signal;
import dev.trader.engine.account.AccountEntity;
import dev.trader.engine.account.IntentDecision;
import dev.trader.engine.strategy.StrategyEntity;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;

/**
 * Signals ({@code SignalEmitted} of the Strategy entities) and the account's decision for each
 * ({@code IntentApproved}, {@code IntentRejected}, {@code IntentIgnored}) into {@code rm_signals},
 * one row per signal, keyed as the account keys its decisions: the client order id derived from the
 * signal's strategy, instrument, time and leg 0. The signal is journaled before its decision; should
 * a decision ever come first, its row waits for the signal's columns.
 */
final class SignalRows {
    /** The leg the account decides every signal as (AccountEntity: one order per intent). */
    private static final int LEG = 0;

    private SignalRows() {
    }

    /** Applies a signal or a decision; false for any other event. */
    static boolean apply(Connection c, Journaled j) throws SQLException {
        Object e = j.event();
        if (e instanceof StrategyEntity.SignalEmitted s) {
            signal(c, s.signal(), j.ordering());
            return true;
        }
        if (e instanceof AccountEntity.IntentApproved a) {
            decision(c, a.decision(), "APPROVED", j.ordering());
            return true;
        }
        if (e instanceof AccountEntity.IntentRejected r) {
            decision(c, r.decision(), "REJECTED", j.ordering());
            return true;
        }
        if (e instanceof AccountEntity.IntentIgnored i) {
            decision(c, i.decision(), "IGNORED", j.ordering());
            return true;
        }
        return false;
    }

    /** The id of a signal's row: the client order id its decision is kept under. */
    static String idOf(Signal s) {
        return ClientOrderId.derive(s.strategy(), s.instrument(), s.time(), LEG).value();
    }

    private static void signal(Connection c, Signal s, long ordering) throws SQLException {
        String id = idOf(s);
        ensureRow(c, id, s.instrument(), s.time(), ordering);
        try (PreparedStatement st = c.prepareStatement("UPDATE rm_signals SET strategy = ?, timeframe = ?, direction = ?, confidence = ?, price = ?, "
                + "reason = ?, regime = ?, journal_ordering = ? WHERE signal_id = ?")) {
            st.setString(1, s.strategy().value());
            st.setString(2, s.timeframe().label());
            st.setString(3, s.direction().name());
            st.setDouble(4, s.confidence());
            Sql.decimal(st, 5, s.price().toBigDecimal());
            st.setString(6, s.reason());
            Sql.text(st, 7, s.metadata().get("regime"));
            st.setLong(8, ordering);
            st.setString(9, id);
            st.executeUpdate();
        }
    }

    private static void decision(Connection c, IntentDecision d, String outcome, long ordering) throws SQLException {
        String id = d.clientOrderId();
        ensureRow(c, id, InstrumentId.parse(d.instrument()), d.decisionTime(), ordering);
        boolean approved = d.approved() && d.request() != null;
        Price stop = d.protectiveStop();
        try (PreparedStatement st = c.prepareStatement("UPDATE rm_signals SET decision = ?, decision_rule = ?, decision_reason = ?, client_order_id = ?, "
                + "position_id = ?, decision_stop = ?, journal_ordering = ? WHERE signal_id = ?")) {
            st.setString(1, outcome);
            Sql.text(st, 2, d.rule());
            Sql.text(st, 3, d.reason());
            Sql.text(st, 4, approved ? d.request().clientOrderId().value() : null);
            Sql.text(st, 5, approved ? d.positionId() : null);
            Sql.decimal(st, 6, stop == null ? null : stop.toBigDecimal());
            st.setLong(7, ordering);
            st.setString(8, id);
            st.executeUpdate();
        }
    }

    private static void ensureRow(Connection c, String id, InstrumentId instrument, Instant time, long ordering) throws SQLException {
        if (OrderRows.exists(c, "SELECT 1 FROM rm_signals WHERE signal_id = ?", id)) {
            return;
        }
        try (PreparedStatement st = c.prepareStatement("INSERT INTO rm_signals (signal_id, instrument, symbol, signal_time, journal_ordering) "
                + "VALUES (?, ?, ?, ?, ?)")) {
            st.setString(1, id);
            st.setString(2, instrument.value());
            st.setString(3, instrument.symbol());
            Sql.time(st, 4, time);
            st.setLong(5, ordering);
            st.executeUpdate();
        }
    }
}
