-- The fund allocation report's facts (PDoWA): interest collected and its split by pool, emergency grants by
-- reason, grant recoveries and pool payouts, one row per transaction and category, on the transaction's value
-- date. Kept by the subscribing projection AllocationProjection in the write's own transaction (read-your-writes)
-- and recreated by the projection rebuild. A reversal adds negative rows on its own value date.

CREATE TABLE allocation_fact (
    group_id       UUID        NOT NULL,
    transaction_id UUID        NOT NULL,
    event_sequence BIGINT      NOT NULL,
    occurred_on    DATE        NOT NULL,
    measure        VARCHAR(16) NOT NULL,
    category       VARCHAR(32) NOT NULL,
    amount         BIGINT      NOT NULL,
    CONSTRAINT allocation_fact_pk PRIMARY KEY (group_id, transaction_id, measure, category)
);
CREATE INDEX allocation_fact_date_idx ON allocation_fact (occurred_on, group_id);
