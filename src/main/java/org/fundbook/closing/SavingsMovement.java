package org.fundbook.closing;

import java.time.LocalDate;
import java.util.UUID;

/** A change of one member's savings on a value date. */
public record SavingsMovement(UUID memberId, LocalDate occurredOn, long amount) {
}
