package org.fundbook.platform;

import java.util.List;
import java.util.Map;

/** Metadata every command carries and every event it causes keeps: who, which request, which transaction. */
public final class RequestMetadata {

    public static final String RECORDED_BY = "recordedBy";
    public static final String CORRELATION_ID = "correlationId";
    public static final String TRANSACTION_ID = "transactionId";
    public static final List<String> KEYS = List.of(RECORDED_BY, CORRELATION_ID, TRANSACTION_ID);

    private RequestMetadata() {
    }

    public static Map<String, Object> of(String recordedBy, String correlationId, String transactionId) {
        return Map.of(RECORDED_BY, recordedBy, CORRELATION_ID, correlationId, TRANSACTION_ID, transactionId);
    }
}
