-- The audit trail (dev.trader.engine.audit): a hash chain over the audited events of the journal,
-- written by one projection, and where that projection is in the journal. Idempotent: run at every boot.
-- Unquoted names: H2 folds them to upper case, PostgreSQL to lower case, and the queries are unquoted too.
CREATE TABLE IF NOT EXISTS audit_log (
    seq BIGINT NOT NULL PRIMARY KEY,
    recorded_at TIMESTAMP WITH TIME ZONE NOT NULL,
    persistence_id VARCHAR(255) NOT NULL,
    sequence_nr BIGINT NOT NULL,
    event_type VARCHAR(255) NOT NULL,
    payload CHARACTER LARGE OBJECT NOT NULL,
    prev_hash CHAR(64) NOT NULL,
    hash CHAR(64) NOT NULL,
    CONSTRAINT audit_log_event_once UNIQUE (persistence_id, sequence_nr)
);

-- journal_ordering: the journal's ordering of the last audited event taken in (an exclusive offset).
CREATE TABLE IF NOT EXISTS audit_offset (
    projection VARCHAR(64) NOT NULL PRIMARY KEY,
    journal_ordering BIGINT NOT NULL
);

MERGE INTO audit_offset o USING (VALUES ('audit')) AS n(projection) ON o.projection = n.projection
    WHEN NOT MATCHED THEN INSERT (projection, journal_ordering) VALUES (n.projection, 0);
