-- Read models of the group performance metrics (domain spec section 10), kept by reporting's MetricsProjection in
-- the write's own transaction and recreated by the projection rebuild (read_model_version 3: an existing ledger
-- gets their rows from its events once, at the first start after this migration).

-- What each day (by value date) changed, per group: the balances the metrics read as of a date (cash, members'
-- savings) and the figures they sum over a window or a life (interest collected, emergency grants made, grants
-- made recoverable, recovered). One row per group and day with at least one such change, so that a report sums a
-- few dozen rows per group instead of every transaction: a meeting's entries share their day. A reversal changes
-- the row of its own value date, as in the allocation report.
CREATE TABLE metric_day (
    group_id            UUID   NOT NULL REFERENCES group_view (group_id),
    day                 DATE   NOT NULL,
    cash                BIGINT NOT NULL DEFAULT 0,
    member_savings      BIGINT NOT NULL DEFAULT 0,
    interest            BIGINT NOT NULL DEFAULT 0,
    emergency_grants    BIGINT NOT NULL DEFAULT 0,
    recoverable_granted BIGINT NOT NULL DEFAULT 0,
    recovered           BIGINT NOT NULL DEFAULT 0,
    PRIMARY KEY (group_id, day)
);

-- Every count of the cash box: a cash count, or the count at a closing's confirmation (dated its closing date).
-- The metrics show the discrepancy of the last one by value date (then by event) on or before their date.
CREATE TABLE cash_count_view (
    group_id       UUID        NOT NULL REFERENCES group_view (group_id),
    transaction_id UUID        NOT NULL,
    event_sequence BIGINT      NOT NULL,
    counted_on     DATE        NOT NULL,
    kind           VARCHAR(16) NOT NULL,
    expected_cash  BIGINT      NOT NULL,
    counted_cash   BIGINT      NOT NULL,
    discrepancy    BIGINT      NOT NULL,
    reversed       BOOLEAN     NOT NULL DEFAULT false,
    PRIMARY KEY (group_id, transaction_id)
);
CREATE INDEX cash_count_view_counted_on_idx ON cash_count_view (group_id, counted_on, event_sequence);
