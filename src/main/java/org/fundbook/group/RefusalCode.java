package org.fundbook.group;

/** The contract's stable codes for ids that do not exist (404) and domain rules that refuse (422). */
public enum RefusalCode {
    GROUP_NOT_FOUND(404),
    MEMBER_NOT_FOUND(404),
    LOAN_NOT_FOUND(404),
    GRANT_NOT_FOUND(404),
    TRANSACTION_NOT_FOUND(404),
    CLOSING_NOT_FOUND(404),
    NON_MEMBER_CANNOT_SAVE(422),
    BELOW_MIN_INITIAL_CONTRIBUTION(422),
    INSUFFICIENT_SAVINGS(422),
    INSUFFICIENT_CASH(422),
    LOAN_OUTSTANDING(422),
    LOAN_LIMIT_EXCEEDED(422),
    TERM_TOO_LONG(422),
    LENDING_SUSPENDED(422),
    NON_MEMBER_LENDING_DISABLED(422),
    NO_RATE_FOR_LOAN(422),
    OVERPAYMENT(422),
    LOAN_ALREADY_REPAID(422),
    INSUFFICIENT_POOL(422),
    OVER_RECOVERY(422),
    PERIOD_CLOSED(422),
    FUTURE_DATE(422),
    CLOSING_TOO_EARLY(422),
    CLOSING_IN_PROGRESS(422),
    NO_CLOSING_IN_PROGRESS(422),
    NOT_REVERSIBLE(422),
    ALREADY_REVERSED(422);

    private final int httpStatus;

    RefusalCode(int httpStatus) {
        this.httpStatus = httpStatus;
    }

    public int httpStatus() {
        return httpStatus;
    }
}
