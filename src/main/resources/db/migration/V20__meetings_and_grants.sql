-- Read models for meetings (one row per meeting, over all its sends: attendance and transactions are unions) and
-- for the Emergency Fund's grants (what the roster of a phone shows). Like every projection they are written with
-- their events and rebuilt from them; read_model_version tells a starting node that the read models of an
-- existing ledger lack a table's rows and must be rebuilt once (see docs/operations.md, "Upgrading").
CREATE TABLE meeting_view (
    group_id        UUID   NOT NULL REFERENCES group_view (group_id),
    meeting_id      UUID   NOT NULL,
    held_on         DATE   NOT NULL,
    attendance      UUID[] NOT NULL,
    transaction_ids UUID[] NOT NULL,
    recorded_by     TEXT   NOT NULL,
    PRIMARY KEY (group_id, meeting_id)
);
CREATE INDEX meeting_view_held_on_idx ON meeting_view (group_id, held_on);

CREATE TABLE grant_view (
    group_id       UUID        NOT NULL REFERENCES group_view (group_id),
    grant_id       UUID        NOT NULL,
    recipient_id   UUID,
    recipient_name TEXT,
    amount         BIGINT      NOT NULL,
    reason         VARCHAR(32) NOT NULL,
    recoverable    BOOLEAN     NOT NULL,
    recovered      BIGINT      NOT NULL DEFAULT 0,
    made_on        DATE        NOT NULL,
    reversed       BOOLEAN     NOT NULL DEFAULT false,
    PRIMARY KEY (group_id, grant_id)
);

CREATE TABLE grant_recovery (
    group_id       UUID    NOT NULL REFERENCES group_view (group_id),
    transaction_id UUID    NOT NULL,
    grant_id       UUID    NOT NULL,
    amount         BIGINT  NOT NULL,
    PRIMARY KEY (group_id, transaction_id)
);

-- The shape of the read models the data in them was built for; 1 is every ledger before these tables.
CREATE TABLE read_model_version (
    only_row BOOLEAN NOT NULL PRIMARY KEY DEFAULT true CHECK (only_row),
    version  INTEGER NOT NULL
);
INSERT INTO read_model_version (version) VALUES (1);
