package org.fundbook.lending;

import org.fundbook.group.NonMemberRateTier;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * Picks a non-member's rate. CEDAC groups charge non-members 3-4% a month,
 * the lower rate for big loans repaid quickly; a tier table expresses that,
 * and when several tiers cover a loan the borrower gets the cheapest.
 */
public final class NonMemberRates {

    private NonMemberRates() {
    }

    /**
     * The lowest rate among tiers with {@code principal >= minPrincipal} and
     * {@code termMonths <= maxTermMonths}; empty when no tier covers the loan,
     * which the caller refuses as {@code NO_RATE_FOR_LOAN}.
     */
    public static OptionalInt rateFor(List<NonMemberRateTier> tiers, long principal, int termMonths) {
        Objects.requireNonNull(tiers, "tiers");
        return tiers.stream()
                .filter(tier -> tier.covers(principal, termMonths))
                .mapToInt(NonMemberRateTier::monthlyRateBp)
                .min();
    }
}
