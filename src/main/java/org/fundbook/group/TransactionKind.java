package org.fundbook.group;

/** What a recorded transaction was; the kinds of a statement's movements and of the audit trail. */
public enum TransactionKind {
    GROUP_REGISTRATION(false),
    POLICY_CHANGE(false),
    MEMBER_REGISTRATION(false),
    CAPITAL(true),
    CONTRIBUTION(true),
    WITHDRAWAL(true),
    LOAN_DISBURSEMENT(true),
    REPAYMENT(true),
    EMERGENCY_GRANT(true),
    GRANT_RECOVERY(true),
    POOL_PAYOUT(true),
    CASH_COUNT(true),
    REVERSAL(false),
    CLOSING(false);

    private final boolean reversible;

    TransactionKind(boolean reversible) {
        this.reversible = reversible;
    }

    /** Registrations, policy changes, closings and reversals themselves are never reversed. */
    public boolean reversibleKind() {
        return reversible;
    }
}
