-- Book closings: the preview of the closing in progress, and each closed period's statement, fixed forever.

CREATE TABLE closing_preview (
    group_id       UUID    NOT NULL PRIMARY KEY REFERENCES group_view (group_id),
    transaction_id UUID    NOT NULL,
    period_number  INTEGER NOT NULL,
    period_start   DATE    NOT NULL,
    closing_date   DATE    NOT NULL,
    distributable  BIGINT  NOT NULL,
    premiums       TEXT    NOT NULL
);

CREATE TABLE closing_statement (
    group_id       UUID        NOT NULL REFERENCES group_view (group_id),
    period_number  INTEGER     NOT NULL,
    transaction_id UUID        NOT NULL,
    period_start   DATE        NOT NULL,
    closing_date   DATE        NOT NULL,
    payout_mode    VARCHAR(16) NOT NULL,
    distributable  BIGINT      NOT NULL,
    counted_cash   BIGINT      NOT NULL,
    discrepancy    BIGINT      NOT NULL,
    statement      TEXT        NOT NULL,
    PRIMARY KEY (group_id, period_number)
);

CREATE TABLE premium_payment (
    group_id      UUID        NOT NULL,
    period_number INTEGER     NOT NULL,
    member_id     UUID        NOT NULL,
    closing_date  DATE        NOT NULL,
    payout_mode   VARCHAR(16) NOT NULL,
    premium       BIGINT      NOT NULL,
    PRIMARY KEY (group_id, period_number, member_id)
);
