package org.fundbook.group;

import org.fundbook.money.Riel;

/**
 * One line of a group's non-member rate table (domain spec, section 4): loans
 * of at least {@code minPrincipal}, for at most {@code maxTermMonths}, may be
 * charged {@code monthlyRateBp}.
 */
public record NonMemberRateTier(long minPrincipal, int maxTermMonths, int monthlyRateBp) {

    public NonMemberRateTier {
        if (minPrincipal < 0) {
            throw new IllegalArgumentException("minPrincipal must be >= 0, was " + minPrincipal);
        }
        if (maxTermMonths < 1) {
            throw new IllegalArgumentException("maxTermMonths must be >= 1, was " + maxTermMonths);
        }
        if (monthlyRateBp < Riel.MIN_RATE_BP || monthlyRateBp > Riel.MAX_RATE_BP) {
            throw new IllegalArgumentException("monthlyRateBp out of range: " + monthlyRateBp);
        }
    }

    public boolean covers(long principal, int termMonths) {
        return principal >= minPrincipal && termMonths <= maxTermMonths;
    }
}
