package org.fundbook.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.fundbook.group.GroupEvent;
import org.fundbook.group.GroupEvent.BooksClosed;
import org.fundbook.group.GroupEvent.ClosingCancelled;
import org.fundbook.group.GroupEvent.ClosingStarted;
import org.fundbook.group.GroupEvent.GroupRegistered;
import org.fundbook.group.GroupEvent.GroupTransaction;
import org.fundbook.group.GroupEvent.MeetingHeld;
import org.fundbook.group.GroupEvent.MemberRegistered;
import org.fundbook.group.GroupEvent.PolicyChanged;
import org.fundbook.platform.RequestMetadata;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The audit trail: every stored event of a group as the event store keeps it (payload and metadata exactly as
 * stored, not as re-serialized today) with the hash the chain recorded for it. A row whose stored payload no
 * longer reads as an event is still listed, its payload as the stored text, so that tampering shows rather than
 * breaking the trail.
 */
@Component
public class AuditTrail {

    public record AuditEvent(long sequence, String type, LocalDate occurredOn, Instant recordedAt, String recordedBy,
                             String transactionId, String correlationId, JsonNode payload, String hash) {
    }

    private final JdbcTemplate jdbc;
    private final Serializer serializer;
    private final ObjectMapper json;

    public AuditTrail(JdbcTemplate jdbc, @Qualifier("eventSerializer") Serializer serializer, ObjectMapper json) {
        this.jdbc = jdbc;
        this.serializer = serializer;
        this.json = json;
    }

    /** Events with a value date in {@code [from, to]} (either may be null), in stream order. */
    public List<AuditEvent> events(UUID groupId, LocalDate from, LocalDate to) {
        List<AuditEvent> trail = new ArrayList<>();
        jdbc.query("""
                SELECT e.sequenceNumber, e.payloadType, e.payloadRevision, e.timeStamp, e.payload, e.metaData, h.hash
                FROM domain_event_entry e
                LEFT JOIN event_hash h ON h.aggregate_identifier = e.aggregateIdentifier
                    AND h.sequence_number = e.sequenceNumber
                WHERE e.aggregateIdentifier = ?
                ORDER BY e.sequenceNumber""", rs -> {
            byte[] payload = rs.getBytes("payload");
            String payloadType = rs.getString("payloadType");
            GroupEvent event = read(payload, payloadType, rs.getString("payloadRevision"));
            LocalDate occurredOn = event == null ? null : valueDate(event);
            if ((from != null || to != null) && (occurredOn == null
                    || (from != null && occurredOn.isBefore(from)) || (to != null && occurredOn.isAfter(to)))) {
                return;
            }
            JsonNode meta = tree(rs.getBytes("metaData"));
            trail.add(new AuditEvent(rs.getLong("sequenceNumber"), simpleName(payloadType), occurredOn,
                    instant(rs.getString("timeStamp")), text(meta, RequestMetadata.RECORDED_BY),
                    text(meta, RequestMetadata.TRANSACTION_ID), text(meta, RequestMetadata.CORRELATION_ID),
                    tree(payload), ChainVerifier.hex(rs.getBytes("hash"))));
        }, groupId.toString());
        return trail;
    }

    /**
     * The business date of any event: a transaction's value date, or the date a registration, policy, closing or
     * meeting takes effect.
     */
    static LocalDate valueDate(GroupEvent event) {
        if (event instanceof GroupTransaction e) {
            return e.occurredOn();
        } else if (event instanceof GroupRegistered e) {
            return e.registeredOn();
        } else if (event instanceof PolicyChanged e) {
            return e.effectiveFrom();
        } else if (event instanceof MemberRegistered e) {
            return e.joinedOn();
        } else if (event instanceof ClosingStarted e) {
            return e.closingDate();
        } else if (event instanceof ClosingCancelled e) {
            return e.closingDate();
        } else if (event instanceof BooksClosed e) {
            return e.closingDate();
        } else if (event instanceof MeetingHeld e) {
            return e.heldOn();
        }
        throw new IllegalArgumentException("no value date for " + event.getClass().getSimpleName());
    }

    /** {@code org.fundbook.group.GroupEvent$ContributionRecorded} → {@code ContributionRecorded}. */
    static String simpleName(String payloadType) {
        return payloadType.substring(Math.max(payloadType.lastIndexOf('.'), payloadType.lastIndexOf('$')) + 1);
    }

    private GroupEvent read(byte[] payload, String type, String revision) {
        try {
            Object event = serializer.deserialize(new SimpleSerializedObject<>(payload, byte[].class, type, revision));
            return event instanceof GroupEvent e ? e : null;
        } catch (RuntimeException e) {
            // a stored payload that no longer reads as an event: listed, not fatal; verify names it
            return null;
        }
    }

    private JsonNode tree(byte[] bytes) {
        if (bytes == null) {
            return null;
        }
        try {
            return json.readTree(bytes);
        } catch (IOException e) {
            return TextNode.valueOf(new String(bytes, StandardCharsets.UTF_8));
        }
    }

    private static String text(JsonNode node, String field) {
        return node == null || !node.hasNonNull(field) ? null : node.get(field).asText();
    }

    private static Instant instant(String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
