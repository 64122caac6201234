-- The write side's own record of each group's event stream. Writers to a group lock its row (FOR UPDATE) and
-- take turns, on any node; last_sequence is the stream's last event, set in the same transaction as the events
-- (LedgerWriter). A group exists for the write path when it has a row here. Nothing here is a read model: the
-- rebuild of the read models never touches this table, so writes keep their lock while it runs.
CREATE TABLE ledger_stream (
    group_id      UUID   NOT NULL PRIMARY KEY,
    last_sequence BIGINT NOT NULL CHECK (last_sequence >= 0)
);

-- Every group already recorded: its stream as the event store holds it (Axon names the aggregate type in `type`).
INSERT INTO ledger_stream (group_id, last_sequence)
SELECT aggregateIdentifier::uuid, max(sequenceNumber)
FROM domain_event_entry
WHERE type = 'GroupAggregate'
GROUP BY aggregateIdentifier;
