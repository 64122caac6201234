-- Axon's event store, snapshots and tokens, owned by Flyway rather than created by the framework.
-- Payloads and metadata are bytea: large objects (oid) would leak on every token update.
-- Column names follow Axon's JDBC EventSchema / TokenSchema defaults (unquoted, so folded to lower case).

CREATE SEQUENCE domain_event_entry_global_index_seq INCREMENT BY 1 START WITH 1;

CREATE TABLE domain_event_entry (
    globalIndex         BIGINT       NOT NULL DEFAULT nextval('domain_event_entry_global_index_seq'),
    aggregateIdentifier VARCHAR(255) NOT NULL,
    sequenceNumber      BIGINT       NOT NULL,
    type                VARCHAR(255),
    eventIdentifier     VARCHAR(255) NOT NULL,
    metaData            BYTEA,
    payload             BYTEA        NOT NULL,
    payloadRevision     VARCHAR(255),
    payloadType         VARCHAR(255) NOT NULL,
    timeStamp           VARCHAR(255) NOT NULL,
    CONSTRAINT domain_event_entry_pk PRIMARY KEY (globalIndex),
    CONSTRAINT domain_event_entry_aggregate_sequence_uk UNIQUE (aggregateIdentifier, sequenceNumber),
    CONSTRAINT domain_event_entry_event_identifier_uk UNIQUE (eventIdentifier)
);
ALTER SEQUENCE domain_event_entry_global_index_seq OWNED BY domain_event_entry.globalIndex;

CREATE TABLE snapshot_event_entry (
    aggregateIdentifier VARCHAR(255) NOT NULL,
    sequenceNumber      BIGINT       NOT NULL,
    type                VARCHAR(255) NOT NULL,
    eventIdentifier     VARCHAR(255) NOT NULL,
    metaData            BYTEA,
    payload             BYTEA        NOT NULL,
    payloadRevision     VARCHAR(255),
    payloadType         VARCHAR(255) NOT NULL,
    timeStamp           VARCHAR(255) NOT NULL,
    CONSTRAINT snapshot_event_entry_pk PRIMARY KEY (aggregateIdentifier, sequenceNumber),
    CONSTRAINT snapshot_event_entry_event_identifier_uk UNIQUE (eventIdentifier)
);

CREATE TABLE token_entry (
    processorName VARCHAR(255) NOT NULL,
    segment       INTEGER      NOT NULL,
    token         BYTEA,
    tokenType     VARCHAR(255),
    timestamp     VARCHAR(255),
    owner         VARCHAR(255),
    CONSTRAINT token_entry_pk PRIMARY KEY (processorName, segment)
);

-- Every accepted write, keyed by its client-chosen transaction id, with the answer it got.
-- Written in the same database transaction as the write's events, so a replay can never record twice
-- and an acknowledged write always has its answer. Kept forever: offline devices replay days later.
CREATE TABLE idempotent_request (
    transaction_id UUID         NOT NULL PRIMARY KEY,
    group_id       UUID         NOT NULL,
    request_hash   VARCHAR(64)  NOT NULL,
    status         INTEGER      NOT NULL,
    body           TEXT         NOT NULL,
    recorded_at    TIMESTAMPTZ  NOT NULL DEFAULT now()
);
