package org.fundbook.group;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Everything that ever happened to a group: the permanent record. Each event carries the figures a reader
 * needs (rates applied, interest and principal parts, splits) so that no report has to recompute policy.
 * Never rename or move one of these without an upcaster: their class names are stored with them.
 */
public sealed interface GroupEvent {

    UUID groupId();

    /** A money or register transaction of the group, with the client's id and its business date. */
    sealed interface GroupTransaction extends GroupEvent {
        UUID transactionId();

        LocalDate occurredOn();

        TransactionKind kind();
    }

    record GroupRegistered(UUID groupId, String name, Scheme scheme, Location location, LocalDate registeredOn,
                           Policy policy) implements GroupEvent {
    }

    record PolicyChanged(UUID groupId, UUID transactionId, LocalDate effectiveFrom, Policy policy)
            implements GroupEvent {
    }

    record MemberRegistered(UUID groupId, UUID transactionId, UUID memberId, String name, Sex sex,
                            Membership membership, LocalDate joinedOn, boolean poorestFamily,
                            OfficerRole officerRole, String subgroup, int registrationNumber)
            implements GroupEvent {
    }

    record CapitalReceived(UUID groupId, UUID transactionId, String source, long amount, LocalDate occurredOn)
            implements GroupTransaction {
        public TransactionKind kind() {
            return TransactionKind.CAPITAL;
        }
    }

    record ContributionRecorded(UUID groupId, UUID transactionId, UUID memberId, long amount, LocalDate occurredOn,
                                long savingsAfter) implements GroupTransaction {
        public TransactionKind kind() {
            return TransactionKind.CONTRIBUTION;
        }
    }

    record WithdrawalRecorded(UUID groupId, UUID transactionId, UUID memberId, long amount, LocalDate occurredOn,
                              long savingsAfter) implements GroupTransaction {
        public TransactionKind kind() {
            return TransactionKind.WITHDRAWAL;
        }
    }

    /** The loan's terms are fixed here for its whole life; later policy changes never touch them. */
    record LoanDisbursed(UUID groupId, UUID transactionId, UUID borrowerId, Membership borrowerMembership,
                         long principal, int monthlyRateBp, InterestMethod interestMethod, int termMonths,
                         String purpose, LocalDate occurredOn, LocalDate maturesOn,
                         Map<Pool, Integer> interestAllocation) implements GroupTransaction {
        public TransactionKind kind() {
            return TransactionKind.LOAN_DISBURSEMENT;
        }

        public UUID loanId() {
            return transactionId;
        }
    }

    record RepaymentRecorded(UUID groupId, UUID transactionId, UUID loanId, UUID borrowerId, long amount,
                             LocalDate occurredOn, long interestDue, long interestPart, long principalPart,
                             Map<Pool, Long> allocation, long outstandingAfter, boolean repaid)
            implements GroupTransaction {
        public TransactionKind kind() {
            return TransactionKind.REPAYMENT;
        }
    }

    record EmergencyGrantMade(UUID groupId, UUID transactionId, UUID recipientId, String recipientName, long amount,
                              GrantReason reason, boolean recoverable, LocalDate occurredOn)
            implements GroupTransaction {
        public TransactionKind kind() {
            return TransactionKind.EMERGENCY_GRANT;
        }

        public UUID grantId() {
            return transactionId;
        }
    }

    record GrantRecoveryRecorded(UUID groupId, UUID transactionId, UUID grantId, long amount, LocalDate occurredOn,
                                 long leftToRecover) implements GroupTransaction {
        public TransactionKind kind() {
            return TransactionKind.GRANT_RECOVERY;
        }
    }

    record PoolPaidOut(UUID groupId, UUID transactionId, Pool pool, long amount, String payee, LocalDate occurredOn)
            implements GroupTransaction {
        public TransactionKind kind() {
            return TransactionKind.POOL_PAYOUT;
        }
    }

    /** A count of the box; changes no balance, keeps the discrepancy for audit. */
    record CashCounted(UUID groupId, UUID transactionId, LocalDate occurredOn, long expectedCash, long countedCash,
                       long discrepancy) implements GroupTransaction {
        public TransactionKind kind() {
            return TransactionKind.CASH_COUNT;
        }
    }

    /**
     * The exact inverse of an earlier transaction, dated on its own value date. The deltas are the figures
     * applied (already negated): cash, loan principal outstanding, one member's savings, each pool.
     */
    record TransactionReversed(UUID groupId, UUID transactionId, UUID reversedTransactionId,
                               TransactionKind reversedKind, String reason, LocalDate occurredOn,
                               long cashDelta, long loanPrincipalDelta, UUID memberId, long savingsDelta,
                               Map<Pool, Long> poolDeltas) implements GroupTransaction {
        public TransactionKind kind() {
            return TransactionKind.REVERSAL;
        }
    }

    /** The group's money in one moment, as a closing statement shows it. */
    record BalanceFigures(long cash, long loanPrincipalOutstanding, long memberSavings, Map<Pool, Long> pools) {
    }

    /**
     * The leader started closing the books on {@code closingDate}; the figures are the preview, and cannot
     * change before the confirmation because the period under review is frozen meanwhile.
     */
    record ClosingStarted(UUID groupId, UUID transactionId, int periodNumber, LocalDate periodStart,
                          LocalDate closingDate, boolean lendingSuspended, PremiumBasis premiumBasis,
                          long distributable, List<PremiumShare> premiums) implements GroupEvent {
    }

    record ClosingCancelled(UUID groupId, UUID transactionId, int periodNumber, LocalDate closingDate)
            implements GroupEvent {
    }

    /**
     * The period is closed for good: the statement, fixed forever. Opening and closing balances are by value
     * date; movements are the period's transactions by kind (reversals count against the kind they reverse);
     * the closing balances are after the premiums were paid out ({@code CASH}) or added to savings
     * ({@code REINVEST}).
     */
    record BooksClosed(UUID groupId, UUID transactionId, int periodNumber, LocalDate periodStart,
                       LocalDate closingDate, PayoutMode payoutMode, PremiumBasis premiumBasis, long distributable,
                       List<PremiumShare> premiums, BalanceFigures opening, Map<String, Long> movements,
                       BalanceFigures closing, long expectedCash, long countedCash, long discrepancy)
            implements GroupEvent {
    }

    /**
     * A meeting was held (domain spec section 9): its date, who was present, and the transactions recorded at it,
     * each of which is an event of its own recorded just before this one. A resend that adds entries or people
     * present records another {@code MeetingHeld} for the additions only.
     */
    record MeetingHeld(UUID groupId, UUID meetingId, LocalDate heldOn, List<UUID> attendance,
                       List<UUID> transactionIds) implements GroupEvent {
    }
}
