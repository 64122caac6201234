package org.fundbook.group.query;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A member's savings between two value dates; each line's balance is the running sum by value date. */
public record MemberStatement(UUID memberId, LocalDate from, LocalDate to, long openingSavings, List<Line> lines,
                              long closingSavings, long premiumsReceived) {

    public record Line(LocalDate occurredOn, UUID transactionId, String kind, long amount, long savingsAfter) {
    }
}
