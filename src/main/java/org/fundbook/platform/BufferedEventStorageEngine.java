package org.fundbook.platform;

import java.util.List;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventUtils;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.fundbook.platform.jdbc.BufferedWrites;

/**
 * Axon's JDBC storage engine, except that appended events are handed to the transaction's {@link BufferedWrites}:
 * the event rows travel to PostgreSQL in the same request as the projection rows they cause, and commit with
 * them. The rows are exactly those Axon writes (same columns, serialized forms and timestamp format). A stream
 * that already has the sequence number fails at that request with a duplicate key, which the write path retries.
 * Each stream's last appended sequence is noted for the transaction ({@link AppendedEvents}).
 */
final class BufferedEventStorageEngine extends JdbcEventStorageEngine {

    private final BufferedWrites writes;
    private final TransactionManager transactions;
    private final String insert;

    BufferedEventStorageEngine(Builder builder, EventSchema schema, TransactionManager transactions,
                               BufferedWrites writes) {
        super(builder);
        this.writes = writes;
        this.transactions = transactions;
        this.insert = "INSERT INTO " + schema.domainEventTable() + " (" + schema.domainEventFields() + ") "
                + "VALUES (?,?,?,?,?,?,?,?,?)";
    }

    @Override
    protected void appendEvents(List<? extends EventMessage<?>> events, Serializer serializer) {
        // as Axon does: in the caller's transaction, or in one of its own, so that the events stand or fall together
        transactions.executeInTransaction(() -> append(events, serializer));
    }

    private void append(List<? extends EventMessage<?>> events, Serializer serializer) {
        for (EventMessage<?> message : events) {
            DomainEventMessage<?> event = EventUtils.asDomainEventMessage(message);
            SerializedObject<byte[]> payload = event.serializePayload(serializer, byte[].class);
            SerializedObject<byte[]> metaData = event.serializeMetaData(serializer, byte[].class);
            writes.update(insert, event.getIdentifier(), event.getAggregateIdentifier(), event.getSequenceNumber(),
                    event.getType(), DateTimeUtils.formatInstant(event.getTimestamp()), payload.getType().getName(),
                    payload.getType().getRevision(), payload.getData(), metaData.getData());
            AppendedEvents.note(event.getAggregateIdentifier(), event.getSequenceNumber());
        }
    }
}
