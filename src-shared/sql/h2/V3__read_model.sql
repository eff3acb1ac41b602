-- The read model (dev.trader.engine.readmodel): the orders, fills, positions, closed trades and signals
-- that the /api read endpoints query, kept by one projection of the journal's audited events, and where
-- that projection is in the journal. Idempotent: run at every boot. Amounts, prices and quantities are
-- exact decimals (at most 12 decimals, the domain's finest scale); times are event times, in UTC.
-- Unquoted names: H2 folds them to upper case, PostgreSQL to lower case, and the queries are unquoted too.
-- rm_orders: one row per Order entity (what the venue saw), as its events left it. parent_id is set for
-- a child of an execution algorithm (<parent>-<nn>). decision_time is event time (the bar's).
CREATE TABLE IF NOT EXISTS rm_orders (
    client_order_id VARCHAR(64) NOT NULL PRIMARY KEY,
    parent_id VARCHAR(64),
    strategy VARCHAR(128) NOT NULL,
    instrument VARCHAR(128) NOT NULL,
    symbol VARCHAR(64) NOT NULL,
    side VARCHAR(8) NOT NULL,
    order_type VARCHAR(16) NOT NULL,
    quantity DECIMAL(38, 12) NOT NULL,
    price DECIMAL(38, 12),
    reduce_only BOOLEAN NOT NULL,
    status VARCHAR(20) NOT NULL,
    filled_quantity DECIMAL(38, 12) NOT NULL,
    average_fill_price DECIMAL(38, 12),
    decision_time TIMESTAMP WITH TIME ZONE NOT NULL,
    decision_price DECIMAL(38, 12),
    position_id VARCHAR(160),
    venue_order_id VARCHAR(128),
    last_reason CHARACTER LARGE OBJECT,
    created_ordering BIGINT NOT NULL,
    updated_ordering BIGINT NOT NULL
);
CREATE INDEX IF NOT EXISTS rm_orders_newest ON rm_orders (decision_time, client_order_id);
CREATE INDEX IF NOT EXISTS rm_orders_instrument ON rm_orders (instrument);
CREATE INDEX IF NOT EXISTS rm_orders_symbol ON rm_orders (symbol);
CREATE INDEX IF NOT EXISTS rm_orders_strategy ON rm_orders (strategy);
CREATE INDEX IF NOT EXISTS rm_orders_status ON rm_orders (status);

-- rm_fills: every execution of one of our orders, once per trade id (as the account books them).
CREATE TABLE IF NOT EXISTS rm_fills (
    trade_id VARCHAR(128) NOT NULL PRIMARY KEY,
    client_order_id VARCHAR(64) NOT NULL,
    parent_id VARCHAR(64),
    position_id VARCHAR(160),
    strategy VARCHAR(128),
    instrument VARCHAR(128) NOT NULL,
    symbol VARCHAR(64) NOT NULL,
    side VARCHAR(8) NOT NULL,
    price DECIMAL(38, 12) NOT NULL,
    quantity DECIMAL(38, 12) NOT NULL,
    fee DECIMAL(38, 12) NOT NULL,
    fee_currency VARCHAR(16) NOT NULL,
    fill_time TIMESTAMP WITH TIME ZONE NOT NULL,
    journal_ordering BIGINT NOT NULL
);
CREATE INDEX IF NOT EXISTS rm_fills_order ON rm_fills (client_order_id);

-- rm_positions: each Position entity as its fills left it (the domain Position's accounting), with the
-- round trip it has open: rt_* accumulate from the fill that left it flat to the one that makes it flat
-- (or reverses it), when a row goes into rm_trades. Open positions: side <> 'FLAT'.
CREATE TABLE IF NOT EXISTS rm_positions (
    position_id VARCHAR(160) NOT NULL PRIMARY KEY,
    instrument VARCHAR(128) NOT NULL,
    symbol VARCHAR(64) NOT NULL,
    currency VARCHAR(16) NOT NULL,
    side VARCHAR(8) NOT NULL,
    quantity DECIMAL(38, 12) NOT NULL,
    average_price DECIMAL(38, 12),
    realized_pnl DECIMAL(38, 12) NOT NULL,
    fees DECIMAL(38, 12) NOT NULL,
    protective_stop DECIMAL(38, 12),
    round_trips INTEGER NOT NULL,
    updated_at TIMESTAMP WITH TIME ZONE,
    rt_side VARCHAR(8),
    rt_strategy VARCHAR(128),
    rt_entry_order VARCHAR(64),
    rt_opened_at TIMESTAMP WITH TIME ZONE,
    rt_entry_quantity DECIMAL(38, 12),
    rt_entry_notional DECIMAL(50, 24),
    rt_exit_quantity DECIMAL(38, 12),
    rt_exit_notional DECIMAL(50, 24),
    rt_realized_start DECIMAL(38, 12),
    rt_fees_start DECIMAL(38, 12),
    rt_initial_stop DECIMAL(38, 12),
    rt_regime VARCHAR(64),
    journal_ordering BIGINT NOT NULL
);

-- rm_trades: closed round trips, one per position opened and closed again (trade_id = position_id#n).
-- pnl is the realized P&L before fees, pnl_after_fees after every fee of the round trip's fills;
-- initial_risk = |entry - initial stop| x quantity when a stop on the losing side is known, and
-- r_multiple = pnl_after_fees / initial_risk (8 decimals, half-even). Times are the fills' (event times).
CREATE TABLE IF NOT EXISTS rm_trades (
    trade_id VARCHAR(176) NOT NULL PRIMARY KEY,
    position_id VARCHAR(160) NOT NULL,
    round_trip INTEGER NOT NULL,
    strategy VARCHAR(128) NOT NULL,
    instrument VARCHAR(128) NOT NULL,
    symbol VARCHAR(64) NOT NULL,
    side VARCHAR(8) NOT NULL,
    quantity DECIMAL(38, 12) NOT NULL,
    entry_time TIMESTAMP WITH TIME ZONE NOT NULL,
    entry_price DECIMAL(38, 12) NOT NULL,
    exit_time TIMESTAMP WITH TIME ZONE NOT NULL,
    exit_price DECIMAL(38, 12) NOT NULL,
    pnl DECIMAL(38, 12) NOT NULL,
    fees DECIMAL(38, 12) NOT NULL,
    pnl_after_fees DECIMAL(38, 12) NOT NULL,
    currency VARCHAR(16) NOT NULL,
    initial_stop DECIMAL(38, 12),
    initial_risk DECIMAL(50, 24),
    r_multiple DECIMAL(38, 12),
    hold_minutes DECIMAL(38, 4) NOT NULL,
    exit_kind VARCHAR(32),
    regime VARCHAR(64),
    session VARCHAR(64) NOT NULL,
    journal_ordering BIGINT NOT NULL
);
CREATE INDEX IF NOT EXISTS rm_trades_newest ON rm_trades (exit_time, trade_id);
CREATE INDEX IF NOT EXISTS rm_trades_instrument ON rm_trades (instrument);
CREATE INDEX IF NOT EXISTS rm_trades_symbol ON rm_trades (symbol);
CREATE INDEX IF NOT EXISTS rm_trades_strategy ON rm_trades (strategy);

-- rm_signals: every signal a strategy raised, keyed like the account keys its decision (the client order
-- id derived from strategy, instrument, signal time, leg 0), with that decision: APPROVED, REJECTED or
-- IGNORED (no order needed), its rule and reason, and for an approval the order and its stop.
CREATE TABLE IF NOT EXISTS rm_signals (
    signal_id VARCHAR(64) NOT NULL PRIMARY KEY,
    strategy VARCHAR(128),
    instrument VARCHAR(128) NOT NULL,
    symbol VARCHAR(64) NOT NULL,
    timeframe VARCHAR(8),
    signal_time TIMESTAMP WITH TIME ZONE NOT NULL,
    direction VARCHAR(8),
    confidence DOUBLE PRECISION,
    price DECIMAL(38, 12),
    reason CHARACTER LARGE OBJECT,
    regime VARCHAR(64),
    decision VARCHAR(16),
    decision_rule VARCHAR(128),
    decision_reason CHARACTER LARGE OBJECT,
    client_order_id VARCHAR(64),
    position_id VARCHAR(160),
    decision_stop DECIMAL(38, 12),
    journal_ordering BIGINT NOT NULL
);
CREATE INDEX IF NOT EXISTS rm_signals_newest ON rm_signals (signal_time, signal_id);
CREATE INDEX IF NOT EXISTS rm_signals_strategy ON rm_signals (strategy);
CREATE INDEX IF NOT EXISTS rm_signals_symbol ON rm_signals (symbol);

-- rm_applied: the last event of each entity taken in, so that reading the journal again (an offset lost
-- with a crash, or set back by hand) changes nothing.
CREATE TABLE IF NOT EXISTS rm_applied (
    persistence_id VARCHAR(255) NOT NULL PRIMARY KEY,
    sequence_nr BIGINT NOT NULL
);

-- journal_ordering: the journal's ordering of the last event taken in (an exclusive offset).
CREATE TABLE IF NOT EXISTS rm_offset (
    projection VARCHAR(64) NOT NULL PRIMARY KEY,
    journal_ordering BIGINT NOT NULL
);

MERGE INTO rm_offset o USING (VALUES ('read-model')) AS n(projection) ON o.projection = n.projection
    WHEN NOT MATCHED THEN INSERT (projection, journal_ordering) VALUES (n.projection, 0);
