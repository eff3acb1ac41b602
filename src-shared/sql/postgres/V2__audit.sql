-- The audit trail (dev.trader.engine.audit): a hash chain over the audited events of the journal,
-- written by one projection, and where that projection is in the journal. Idempotent: run at every boot.
CREATE TABLE IF NOT EXISTS audit_log (
    seq BIGINT NOT NULL PRIMARY KEY,
    recorded_at TIMESTAMP WITH TIME ZONE NOT NULL,
    persistence_id VARCHAR(255) NOT NULL,
    sequence_nr BIGINT NOT NULL,
    event_type VARCHAR(255) NOT NULL,
    payload TEXT NOT NULL,
    prev_hash CHAR(64) NOT NULL,
    hash CHAR(64) NOT NULL,
    CONSTRAINT audit_log_event_once UNIQUE (persistence_id, sequence_nr)
);

-- journal_ordering: the journal's ordering of the last audited event taken in (an exclusive offset).
CREATE TABLE IF NOT EXISTS audit_offset (
    projection VARCHAR(64) NOT NULL PRIMARY KEY,
    journal_ordering BIGINT NOT NULL
);

INSERT INTO audit_offset (projection, journal_ordering) VALUES ('audit', 0) ON CONFLICT (projection) DO NOTHING;
