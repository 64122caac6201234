package org.fundbook.demo;

import java.time.LocalDate;
import java.util.UUID;
import org.fundbook.group.GrantReason;
import org.fundbook.group.Membership;
import org.fundbook.group.OfficerRole;
import org.fundbook.group.PayoutMode;
import org.fundbook.group.Pool;
import org.fundbook.group.Sex;

/**
 * One write of the demo, as a client of the HTTP API would send it: each step is one request of the contract
 * (docs: /work/shared/spec/api.md) with its client-chosen {@code transactionId}. The steps of a group are in the
 * order they are recorded, which is also value-date order.
 */
public sealed interface DemoStep {

    UUID transactionId();

    /** The value date the step is recorded at (a closing's confirmation takes its closing date). */
    LocalDate date();

    record RegisterMember(UUID transactionId, UUID memberId, String name, Sex sex, Membership membership,
                          LocalDate joinedOn, boolean poorestFamily, OfficerRole officerRole, String subgroup)
            implements DemoStep {
        public LocalDate date() {
            return joinedOn;
        }
    }

    record ReceiveCapital(UUID transactionId, String source, long amount, LocalDate occurredOn) implements DemoStep {
        public LocalDate date() {
            return occurredOn;
        }
    }

    record Contribute(UUID transactionId, UUID memberId, long amount, LocalDate occurredOn) implements DemoStep {
        public LocalDate date() {
            return occurredOn;
        }
    }

    record Withdraw(UUID transactionId, UUID memberId, long amount, LocalDate occurredOn) implements DemoStep {
        public LocalDate date() {
            return occurredOn;
        }
    }

    record DisburseLoan(UUID transactionId, UUID borrowerId, long principal, int termMonths, String purpose,
                        LocalDate occurredOn) implements DemoStep {
        public LocalDate date() {
            return occurredOn;
        }
    }

    record Repay(UUID transactionId, UUID loanId, long amount, LocalDate occurredOn) implements DemoStep {
        public LocalDate date() {
            return occurredOn;
        }
    }

    record Grant(UUID transactionId, UUID recipientId, String recipientName, long amount, GrantReason reason,
                 boolean recoverable, LocalDate occurredOn) implements DemoStep {
        public LocalDate date() {
            return occurredOn;
        }
    }

    record RecoverGrant(UUID transactionId, UUID grantId, long amount, LocalDate occurredOn) implements DemoStep {
        public LocalDate date() {
            return occurredOn;
        }
    }

    record PayOut(UUID transactionId, Pool pool, long amount, String payee, LocalDate occurredOn)
            implements DemoStep {
        public LocalDate date() {
            return occurredOn;
        }
    }

    record CountCash(UUID transactionId, long countedCash, LocalDate occurredOn) implements DemoStep {
        public LocalDate date() {
            return occurredOn;
        }
    }

    record StartClosing(UUID transactionId, LocalDate closingDate) implements DemoStep {
        public LocalDate date() {
            return closingDate;
        }
    }

    record ConfirmClosing(UUID transactionId, LocalDate closingDate, long countedCash, PayoutMode payoutMode)
            implements DemoStep {
        public LocalDate date() {
            return closingDate;
        }
    }
}
