package org.fundbook.audit;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The hash chain of a group's stream, computed in Java exactly as the database trigger of migration V10 computes
 * it when an event is stored: {@code sha256(previous || canonical(row))}, where the canonical form is a version
 * tag followed by every stored column, each length-prefixed (4-byte big-endian, -1 for NULL) so that no two rows
 * share one, and the sequence number as 8 bytes. Plain Java so that it can be checked against the SQL directly.
 */
public final class HashChain {

    private static final byte[] VERSION_TAG = "fundbook-event-v1".getBytes(StandardCharsets.UTF_8);

    /** One stored row of {@code domain_event_entry}, as the chain covers it. */
    public record StoredEvent(String aggregateIdentifier, long sequenceNumber, String type, String eventIdentifier,
                              String payloadType, String payloadRevision, String timeStamp, byte[] payload,
                              byte[] metaData) {
    }

    private HashChain() {
    }

    /** The hash of {@code event} after the one whose hash is {@code previous} (null for the stream's first). */
    public static byte[] next(byte[] previous, StoredEvent event) {
        MessageDigest sha = sha256();
        if (previous != null) {
            sha.update(previous);
        }
        sha.update(canonical(event));
        return sha.digest();
    }

    static byte[] canonical(StoredEvent e) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(VERSION_TAG);
        field(out, text(e.aggregateIdentifier()));
        out.writeBytes(ByteBuffer.allocate(Long.BYTES).putLong(e.sequenceNumber()).array());
        field(out, text(e.type()));
        field(out, text(e.eventIdentifier()));
        field(out, text(e.payloadType()));
        field(out, text(e.payloadRevision()));
        field(out, text(e.timeStamp()));
        field(out, e.payload());
        field(out, e.metaData());
        return out.toByteArray();
    }

    private static void field(ByteArrayOutputStream out, byte[] value) {
        out.writeBytes(ByteBuffer.allocate(Integer.BYTES).putInt(value == null ? -1 : value.length).array());
        if (value != null) {
            out.writeBytes(value);
        }
    }

    private static byte[] text(String value) {
        return value == null ? null : value.getBytes(StandardCharsets.UTF_8);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
