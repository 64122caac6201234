-- The journal's balances per group, kept by the pooled streaming processor "ledger-check" from the events alone
-- (not from the read models), and the last event of each group it has posted. When that is the group's
-- group_view.last_sequence, both describe the same point of the stream and must agree (docs/audit.md).

CREATE TABLE ledger_check_account (
    group_id UUID        NOT NULL,
    account  VARCHAR(32) NOT NULL,
    debit    BIGINT      NOT NULL DEFAULT 0,
    credit   BIGINT      NOT NULL DEFAULT 0,
    CONSTRAINT ledger_check_account_pk PRIMARY KEY (group_id, account)
);

-- problem: why an event of the group could not be posted (an entry that does not balance, an unknown event);
-- such a group counts as disagreeing until the processor is reset.
CREATE TABLE ledger_check_position (
    group_id      UUID   NOT NULL PRIMARY KEY,
    last_sequence BIGINT NOT NULL,
    problem       TEXT
);
