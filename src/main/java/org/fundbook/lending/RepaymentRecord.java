package org.fundbook.lending;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A repayment as already recorded, reduced to what interest depends on: its
 * value date and how it was split. The split is stored rather than recomputed
 * so that interest already paid is exactly what the ledger says was paid.
 */
public record RepaymentRecord(LocalDate occurredOn, long interestPart, long principalPart) {

    public RepaymentRecord {
        Objects.requireNonNull(occurredOn, "occurredOn");
        if (interestPart < 0) {
            throw new IllegalArgumentException("interestPart must be >= 0, was " + interestPart);
        }
        if (principalPart < 0) {
            throw new IllegalArgumentException("principalPart must be >= 0, was " + principalPart);
        }
    }
}
