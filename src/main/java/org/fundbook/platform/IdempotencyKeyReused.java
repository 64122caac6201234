package org.fundbook.platform;

/**
 * A write whose idempotency key (the client's transaction id, or the group id of a registration) already
 * recorded another request. Nothing was recorded.
 */
public class IdempotencyKeyReused extends RuntimeException {

    public IdempotencyKeyReused(String message) {
        super(message, null, false, false);
    }
}
