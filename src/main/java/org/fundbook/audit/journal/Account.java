package org.fundbook.audit.journal;

import org.fundbook.group.Pool;

/**
 * The chart of accounts of one group's journal (docs/journal.md). Assets are debit-normal; what the group owes its
 * members and what it holds in each pool are credit-normal, so {@code Σ assets = Σ savings + Σ pools} is the
 * balance identity of domain spec section 5 written as double entry. Declaration order is the order of lines and
 * of the trial balance.
 */
public enum Account {
    CASH(Side.DEBIT, null),
    LOANS_RECEIVABLE(Side.DEBIT, null),
    MEMBER_SAVINGS(Side.CREDIT, null),
    POOL_FUND_CAPITAL(Side.CREDIT, Pool.FUND_CAPITAL),
    POOL_PREMIUM(Side.CREDIT, Pool.PREMIUM),
    POOL_EMERGENCY_FUND(Side.CREDIT, Pool.EMERGENCY_FUND),
    POOL_COMMITTEE_OPERATIONS(Side.CREDIT, Pool.COMMITTEE_OPERATIONS),
    POOL_PROVINCIAL_DISTRICT(Side.CREDIT, Pool.PROVINCIAL_DISTRICT);

    /** The side on which an account's balance normally stands. */
    public enum Side {
        DEBIT, CREDIT
    }

    private final Side normalSide;
    private final Pool pool;

    Account(Side normalSide, Pool pool) {
        this.normalSide = normalSide;
        this.pool = pool;
    }

    public Side normalSide() {
        return normalSide;
    }

    /** The pool this account holds, or null for cash, loans and savings. */
    public Pool pool() {
        return pool;
    }

    public static Account of(Pool pool) {
        for (Account account : values()) {
            if (account.pool == pool) {
                return account;
            }
        }
        throw new IllegalArgumentException("no account for pool " + pool);
    }
}
