-- Read models the API serves. Written by a subscribing processor in the same database transaction as the
-- events they come from, so they never lag behind an acknowledged write and can always be rebuilt from events.

CREATE TABLE group_view (
    group_id                   UUID        NOT NULL PRIMARY KEY,
    name                       TEXT        NOT NULL,
    scheme                     VARCHAR(8)  NOT NULL,
    province                   TEXT        NOT NULL,
    district                   TEXT        NOT NULL,
    commune                    TEXT        NOT NULL,
    village                    TEXT        NOT NULL,
    registered_on              DATE        NOT NULL,
    period_number              INTEGER     NOT NULL,
    period_start               DATE        NOT NULL,
    closing_in_progress        BOOLEAN     NOT NULL DEFAULT false,
    lending_suspended          BOOLEAN     NOT NULL DEFAULT false,
    member_count               INTEGER     NOT NULL DEFAULT 0,
    cash                       BIGINT      NOT NULL DEFAULT 0,
    loan_principal_outstanding BIGINT      NOT NULL DEFAULT 0,
    member_savings             BIGINT      NOT NULL DEFAULT 0,
    pool_fund_capital          BIGINT      NOT NULL DEFAULT 0,
    pool_premium               BIGINT      NOT NULL DEFAULT 0,
    pool_emergency_fund        BIGINT      NOT NULL DEFAULT 0,
    pool_committee_operations  BIGINT      NOT NULL DEFAULT 0,
    pool_provincial_district   BIGINT      NOT NULL DEFAULT 0
);
CREATE INDEX group_view_location_idx ON group_view (province, district, commune);

CREATE TABLE policy_version (
    group_id       UUID    NOT NULL REFERENCES group_view (group_id),
    version        INTEGER NOT NULL,
    effective_from DATE    NOT NULL,
    policy         TEXT    NOT NULL,
    PRIMARY KEY (group_id, version)
);

CREATE TABLE member_view (
    group_id                   UUID        NOT NULL REFERENCES group_view (group_id),
    member_id                  UUID        NOT NULL,
    registration_number        INTEGER     NOT NULL,
    name                       TEXT        NOT NULL,
    sex                        VARCHAR(1)  NOT NULL,
    membership                 VARCHAR(16) NOT NULL,
    joined_on                  DATE        NOT NULL,
    poorest_family             BOOLEAN     NOT NULL,
    officer_role               VARCHAR(16),
    subgroup                   TEXT,
    savings                    BIGINT      NOT NULL DEFAULT 0,
    loan_principal_outstanding BIGINT      NOT NULL DEFAULT 0,
    premiums_received          BIGINT      NOT NULL DEFAULT 0,
    PRIMARY KEY (group_id, member_id)
);

-- One row per change of a member's savings; statements are running sums of these by value date.
CREATE TABLE savings_movement (
    group_id       UUID        NOT NULL,
    member_id      UUID        NOT NULL,
    transaction_id UUID        NOT NULL,
    event_sequence BIGINT      NOT NULL,
    occurred_on    DATE        NOT NULL,
    kind           VARCHAR(32) NOT NULL,
    amount         BIGINT      NOT NULL,
    PRIMARY KEY (group_id, transaction_id, member_id)
);
CREATE INDEX savings_movement_member_idx ON savings_movement (group_id, member_id, occurred_on, event_sequence);

CREATE TABLE loan_view (
    group_id        UUID        NOT NULL,
    loan_id         UUID        NOT NULL,
    borrower_id     UUID        NOT NULL,
    principal       BIGINT      NOT NULL,
    monthly_rate_bp INTEGER     NOT NULL,
    interest_method VARCHAR(16) NOT NULL,
    term_months     INTEGER     NOT NULL,
    purpose         TEXT,
    disbursed_on    DATE        NOT NULL,
    matures_on      DATE        NOT NULL,
    reversed        BOOLEAN     NOT NULL DEFAULT false,
    PRIMARY KEY (group_id, loan_id)
);

CREATE TABLE loan_repayment (
    group_id          UUID    NOT NULL,
    transaction_id    UUID    NOT NULL,
    loan_id           UUID    NOT NULL,
    event_sequence    BIGINT  NOT NULL,
    occurred_on       DATE    NOT NULL,
    amount            BIGINT  NOT NULL,
    interest_part     BIGINT  NOT NULL,
    principal_part    BIGINT  NOT NULL,
    allocation        TEXT    NOT NULL,
    outstanding_after BIGINT  NOT NULL,
    reversed          BOOLEAN NOT NULL DEFAULT false,
    PRIMARY KEY (group_id, transaction_id)
);
CREATE INDEX loan_repayment_loan_idx ON loan_repayment (group_id, loan_id, event_sequence);
