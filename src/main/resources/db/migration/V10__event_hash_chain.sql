-- Tamper evidence: each group's stream is hash-chained. The hash of an event covers the hash of the event
-- before it in the same stream and the event's stored content, so changing, removing or inserting any stored
-- event breaks the chain from there on. The database computes it as each event row is inserted, whoever inserts
-- it; GET .../audit/verify recomputes the chain in Java from the rows as they are now (docs/audit.md).
-- Writers to one group take turns (LedgerWriter locks the group's row), so "the event before" is well defined.

CREATE TABLE event_hash (
    aggregate_identifier VARCHAR(255) NOT NULL,
    sequence_number      BIGINT       NOT NULL,
    hash                 BYTEA        NOT NULL,
    CONSTRAINT event_hash_pk PRIMARY KEY (aggregate_identifier, sequence_number)
);

-- One field of the canonical form: its length as a 4-byte big-endian integer (-1 for NULL), then its bytes.
-- The length prefix makes the concatenation unambiguous.
CREATE FUNCTION event_hash_field(value BYTEA) RETURNS BYTEA
    LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE WHEN value IS NULL THEN int4send(-1) ELSE int4send(length(value)) || value END
$$;

-- sha256(previous hash (empty for the stream's first event) || canonical form of the stored row).
-- Text columns are taken as UTF-8; the sequence number as an 8-byte big-endian integer.
-- Must stay identical to org.fundbook.audit.HashChain.
CREATE FUNCTION event_hash_compute(previous BYTEA, e domain_event_entry) RETURNS BYTEA
    LANGUAGE sql IMMUTABLE AS $$
    SELECT sha256(coalesce(previous, ''::BYTEA)
        || convert_to('fundbook-event-v1', 'UTF8')
        || event_hash_field(convert_to(e.aggregateIdentifier, 'UTF8'))
        || int8send(e.sequenceNumber)
        || event_hash_field(convert_to(e.type, 'UTF8'))
        || event_hash_field(convert_to(e.eventIdentifier, 'UTF8'))
        || event_hash_field(convert_to(e.payloadType, 'UTF8'))
        || event_hash_field(convert_to(e.payloadRevision, 'UTF8'))
        || event_hash_field(convert_to(e.timeStamp, 'UTF8'))
        || event_hash_field(e.payload)
        || event_hash_field(e.metaData))
$$;

CREATE FUNCTION event_hash_append() RETURNS TRIGGER
    LANGUAGE plpgsql AS $$
DECLARE
    previous BYTEA;
BEGIN
    SELECT h.hash INTO previous FROM event_hash h
    WHERE h.aggregate_identifier = NEW.aggregateIdentifier AND h.sequence_number < NEW.sequenceNumber
    ORDER BY h.sequence_number DESC LIMIT 1;
    INSERT INTO event_hash (aggregate_identifier, sequence_number, hash)
    VALUES (NEW.aggregateIdentifier, NEW.sequenceNumber, event_hash_compute(previous, NEW));
    RETURN NULL;
END
$$;

-- AFTER, so that an insert refused by the unique (aggregate, sequence) index never reaches the chain.
CREATE TRIGGER domain_event_entry_hash
    AFTER INSERT ON domain_event_entry
    FOR EACH ROW EXECUTE FUNCTION event_hash_append();

-- Chains events stored before this migration (or by a restore that left the hashes out), stream by stream in
-- sequence order. Events that already have a hash keep it.
CREATE FUNCTION event_hash_backfill() RETURNS BIGINT
    LANGUAGE plpgsql AS $$
DECLARE
    e        domain_event_entry;
    previous BYTEA;
    added    BIGINT := 0;
BEGIN
    FOR e IN SELECT d.* FROM domain_event_entry d
             WHERE NOT EXISTS (SELECT 1 FROM event_hash h WHERE h.aggregate_identifier = d.aggregateIdentifier
                                                          AND h.sequence_number = d.sequenceNumber)
             ORDER BY d.aggregateIdentifier, d.sequenceNumber
    LOOP
        SELECT h.hash INTO previous FROM event_hash h
        WHERE h.aggregate_identifier = e.aggregateIdentifier AND h.sequence_number < e.sequenceNumber
        ORDER BY h.sequence_number DESC LIMIT 1;
        INSERT INTO event_hash (aggregate_identifier, sequence_number, hash)
        VALUES (e.aggregateIdentifier, e.sequenceNumber, event_hash_compute(previous, e));
        added := added + 1;
    END LOOP;
    RETURN added;
END
$$;

SELECT event_hash_backfill();
