package org.fundbook.audit;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.fundbook.audit.HashChain.StoredEvent;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Recomputes a group's hash chain from its stored rows as they are now and compares it, event by event, with the
 * hashes recorded when each event was written. The first event whose content (or place in the stream) no longer
 * matches is named; every later hash differs too, because each covers the one before it.
 */
@Component
public class ChainVerifier {

    public enum Problem {
        /** The stored row no longer hashes to what was recorded when it was written. */
        CONTENT_CHANGED,
        /** An event has no recorded hash: it was stored without the trigger. */
        HASH_MISSING,
        /** A hash was recorded for an event that is no longer stored. */
        EVENT_MISSING
    }

    /**
     * @param expectedHash the hash recomputed from the stored row, chained on the recorded hash before it
     * @param storedHash   the hash recorded when the event was written
     */
    public record Mismatch(long sequence, Problem problem, String eventIdentifier, String type, String expectedHash,
                           String storedHash) {
    }

    /** @param lastHash the hash of the stream's last event: write it down to anchor the chain outside the database */
    public record Verification(boolean verified, long events, String lastHash, Mismatch firstMismatch) {
    }

    private record Row(Long sequence, StoredEvent event, byte[] storedHash) {
    }

    private static final HexFormat HEX = HexFormat.of();

    private final JdbcTemplate jdbc;

    public ChainVerifier(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Verification verify(UUID groupId) {
        String aggregate = groupId.toString();
        List<Row> rows = jdbc.query("""
                SELECT coalesce(e.sequenceNumber, h.sequence_number) AS seq, e.aggregateIdentifier, e.sequenceNumber,
                    e.type, e.eventIdentifier, e.payloadType, e.payloadRevision, e.timeStamp, e.payload, e.metaData,
                    h.hash
                FROM (SELECT * FROM domain_event_entry WHERE aggregateIdentifier = ?) e
                FULL JOIN (SELECT * FROM event_hash WHERE aggregate_identifier = ?) h
                    ON h.sequence_number = e.sequenceNumber
                ORDER BY seq""",
                (rs, i) -> new Row(rs.getLong("seq"), rs.getString("eventIdentifier") == null ? null
                        : new StoredEvent(rs.getString("aggregateIdentifier"), rs.getLong("sequenceNumber"),
                                rs.getString("type"), rs.getString("eventIdentifier"), rs.getString("payloadType"),
                                rs.getString("payloadRevision"), rs.getString("timeStamp"), rs.getBytes("payload"),
                                rs.getBytes("metaData")),
                        rs.getBytes("hash")),
                aggregate, aggregate);
        byte[] previous = null;
        byte[] last = null;
        long events = 0;
        Mismatch first = null;
        for (Row row : rows) {
            if (row.event() != null) {
                events++;
            }
            if (row.storedHash() != null) {
                last = row.storedHash();
            }
            if (first != null) {
                continue;
            }
            if (row.event() == null) {
                first = new Mismatch(row.sequence(), Problem.EVENT_MISSING, null, null, null, hex(row.storedHash()));
                continue;
            }
            byte[] expected = HashChain.next(previous, row.event());
            if (row.storedHash() == null) {
                first = mismatch(row, Problem.HASH_MISSING, expected);
            } else if (!Arrays.equals(expected, row.storedHash())) {
                first = mismatch(row, Problem.CONTENT_CHANGED, expected);
            }
            previous = row.storedHash();
        }
        return new Verification(first == null, events, hex(last), first);
    }

    private static Mismatch mismatch(Row row, Problem problem, byte[] expected) {
        return new Mismatch(row.sequence(), problem, row.event().eventIdentifier(),
                AuditTrail.simpleName(row.event().payloadType()), hex(expected),
                hex(row.storedHash()));
    }

    static String hex(byte[] bytes) {
        return bytes == null ? null : HEX.formatHex(bytes);
    }
}
