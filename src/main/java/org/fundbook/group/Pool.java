package org.fundbook.group;

/**
 * A named share of the group's money. Declaration order is the tie order of the largest-remainder split.
 * Earmarked pools stay in the cash box: they are never lent.
 */
public enum Pool {
    FUND_CAPITAL(false),
    PREMIUM(false),
    EMERGENCY_FUND(true),
    COMMITTEE_OPERATIONS(true),
    PROVINCIAL_DISTRICT(true);

    private final boolean earmarked;

    Pool(boolean earmarked) {
        this.earmarked = earmarked;
    }

    public boolean earmarked() {
        return earmarked;
    }
}
