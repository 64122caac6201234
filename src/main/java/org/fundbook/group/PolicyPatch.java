package org.fundbook.group;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The fields of a policy that a change gives; a null field keeps the value in force. For the two fields that may
 * be "none", an empty Optional says none and a null says keep. Lists and the allocation are replaced whole.
 * Applied by the group itself to the policy in force on the effective date, so two changes cannot undo each
 * other.
 */
public record PolicyPatch(Integer memberMonthlyRateBp, NonMemberLending nonMemberLending,
                          List<NonMemberRateTier> nonMemberRates, InterestMethod interestMethod,
                          Optional<Long> maxLoanPrincipal, Integer maxTermMonths,
                          Optional<Long> minInitialContribution, Map<Pool, Integer> interestAllocation,
                          Integer closingCycleMonths, Boolean suspendLendingDuringClosing,
                          PremiumBasis premiumBasis) {

    /** Every field of the given policy. */
    public static PolicyPatch whole(Policy p) {
        return new PolicyPatch(p.memberMonthlyRateBp(), p.nonMemberLending(), p.nonMemberRates(),
                p.interestMethod(), Optional.ofNullable(p.maxLoanPrincipal()), p.maxTermMonths(),
                Optional.ofNullable(p.minInitialContribution()), p.interestAllocation(), p.closingCycleMonths(),
                p.suspendLendingDuringClosing(), p.premiumBasis());
    }

    public Policy applyTo(Policy base) {
        return new Policy(
                pick(memberMonthlyRateBp, base.memberMonthlyRateBp()),
                pick(nonMemberLending, base.nonMemberLending()),
                pick(nonMemberRates, base.nonMemberRates()),
                pick(interestMethod, base.interestMethod()),
                maxLoanPrincipal == null ? base.maxLoanPrincipal() : maxLoanPrincipal.orElse(null),
                pick(maxTermMonths, base.maxTermMonths()),
                minInitialContribution == null ? base.minInitialContribution() : minInitialContribution.orElse(null),
                pick(interestAllocation, base.interestAllocation()),
                pick(closingCycleMonths, base.closingCycleMonths()),
                pick(suspendLendingDuringClosing, base.suspendLendingDuringClosing()),
                pick(premiumBasis, base.premiumBasis()));
    }

    private static <T> T pick(T given, T base) {
        return given != null ? given : base;
    }
}
