package org.fundbook.reporting;

import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import org.fundbook.audit.journal.Movement;
import org.fundbook.group.GroupEvent;
import org.fundbook.group.GroupEvent.EmergencyGrantMade;
import org.fundbook.group.GroupEvent.GrantRecoveryRecorded;
import org.fundbook.group.GroupEvent.RepaymentRecorded;
import org.fundbook.group.GroupEvent.TransactionReversed;

/**
 * What one event adds to a group's day for the performance metrics (domain spec section 10), on its value date:
 * the change of cash and of the members' savings (the {@link Movement} the journal and the as-of balances use, so
 * the metrics' balances as of a date are theirs), interest collected, emergency grants made, grants made
 * recoverable, and riel recovered. A reversal subtracts what it reverses, at its own value date.
 */
public final class MetricFacts {

    public record DayChange(LocalDate day, long cash, long memberSavings, long interest, long emergencyGrants,
                            long recoverableGranted, long recovered) {

        boolean isEmpty() {
            return cash == 0 && memberSavings == 0 && interest == 0 && emergencyGrants == 0 && recoverableGranted == 0
                    && recovered == 0;
        }
    }

    private MetricFacts() {
    }

    /**
     * @param recoverable whether an earlier grant of the group was made recoverable (asked only when a reversal
     *                    takes a grant back)
     */
    public static Optional<DayChange> of(GroupEvent event, Predicate<UUID> recoverable) {
        Optional<Movement> movement = Movement.of(event);
        if (movement.isEmpty()) {
            return Optional.empty();
        }
        Movement m = movement.get();
        long interest = 0;
        long grants = 0;
        long recoverableGranted = 0;
        long recovered = 0;
        if (event instanceof RepaymentRecorded e) {
            interest = e.interestPart();
        } else if (event instanceof EmergencyGrantMade e) {
            grants = e.amount();
            recoverableGranted = e.recoverable() ? e.amount() : 0;
        } else if (event instanceof GrantRecoveryRecorded e) {
            recovered = e.amount();
        } else if (event instanceof TransactionReversed e) {
            switch (e.reversedKind()) {
                // cash went back out as interest + principal; the principal went back onto the loan
                case REPAYMENT -> interest = Math.addExact(e.cashDelta(), e.loanPrincipalDelta());
                case EMERGENCY_GRANT -> {
                    grants = Math.negateExact(e.cashDelta());
                    recoverableGranted = recoverable.test(e.reversedTransactionId()) ? grants : 0;
                }
                case GRANT_RECOVERY -> recovered = e.cashDelta();
                default -> {
                    // the balances' change is all there is
                }
            }
        }
        DayChange change = new DayChange(m.valueDate(), m.cash(), m.savings(), interest, grants, recoverableGranted,
                recovered);
        return change.isEmpty() ? Optional.empty() : Optional.of(change);
    }
}
