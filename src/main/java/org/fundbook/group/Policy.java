package org.fundbook.group;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.fundbook.money.Riel;

/**
 * A group's own rules (domain spec section 4). Immutable; a change is a new version with an effective date.
 *
 * @param maxLoanPrincipal       cap per loan, or null for none
 * @param minInitialContribution least first contribution of a member, or null for none
 * @param interestAllocation     basis points of interest per pool, only pools with a share, summing to 10,000
 */
public record Policy(
        int memberMonthlyRateBp,
        NonMemberLending nonMemberLending,
        List<NonMemberRateTier> nonMemberRates,
        InterestMethod interestMethod,
        Long maxLoanPrincipal,
        int maxTermMonths,
        Long minInitialContribution,
        Map<Pool, Integer> interestAllocation,
        int closingCycleMonths,
        boolean suspendLendingDuringClosing,
        PremiumBasis premiumBasis) {

    public static final int ALLOCATION_WHOLE_BP = 10_000;
    public static final int MAX_TERM_MONTHS_LIMIT = 120;

    public Policy {
        nonMemberRates = nonMemberRates == null ? List.of() : List.copyOf(nonMemberRates);
        EnumMap<Pool, Integer> allocation = new EnumMap<>(Pool.class);
        if (interestAllocation != null) {
            interestAllocation.forEach((pool, bp) -> {
                if (bp != null && bp != 0) {
                    allocation.put(pool, bp);
                }
            });
        }
        interestAllocation = Collections.unmodifiableMap(allocation);
    }

    public static Policy defaultsFor(Scheme scheme) {
        return switch (scheme) {
            case FSF -> new Policy(200, NonMemberLending.DISABLED, List.of(), InterestMethod.FLAT,
                    200_000L, 12, null,
                    Map.of(Pool.COMMITTEE_OPERATIONS, 5000, Pool.PROVINCIAL_DISTRICT, 2500,
                            Pool.EMERGENCY_FUND, 1500, Pool.FUND_CAPITAL, 1000),
                    6, true, PremiumBasis.AVERAGE_BALANCE);
            case CEDAC -> new Policy(200, NonMemberLending.ALLOWED,
                    List.of(new NonMemberRateTier(0, 12, 400), new NonMemberRateTier(500_000, 3, 300)),
                    InterestMethod.DECLINING, null, 12, 1_000L,
                    Map.of(Pool.PREMIUM, 10_000), 6, true, PremiumBasis.AVERAGE_BALANCE);
        };
    }

    /** What is wrong with this policy, as (field, message) pairs; empty when it is valid. */
    public List<String[]> problems() {
        List<String[]> problems = new ArrayList<>();
        if (!validRate(memberMonthlyRateBp)) {
            problems.add(new String[] {"policy.memberMonthlyRateBp", rateMessage()});
        }
        if (nonMemberLending == null) {
            problems.add(new String[] {"policy.nonMemberLending", "must be ALLOWED or DISABLED"});
        }
        for (int i = 0; i < nonMemberRates.size(); i++) {
            NonMemberRateTier tier = nonMemberRates.get(i);
            String field = "policy.nonMemberRates[" + i + "]";
            if (tier == null) {
                problems.add(new String[] {field, "must not be null"});
                continue;
            }
            if (tier.minPrincipal() < 0 || tier.minPrincipal() > Riel.MAX_AMOUNT) {
                problems.add(new String[] {field + ".minPrincipal", "must be between 0 and " + Riel.MAX_AMOUNT});
            }
            if (tier.maxTermMonths() < 1 || tier.maxTermMonths() > MAX_TERM_MONTHS_LIMIT) {
                problems.add(new String[] {field + ".maxTermMonths", "must be between 1 and " + MAX_TERM_MONTHS_LIMIT});
            }
            if (!validRate(tier.monthlyRateBp())) {
                problems.add(new String[] {field + ".monthlyRateBp", rateMessage()});
            }
        }
        if (interestMethod == null) {
            problems.add(new String[] {"policy.interestMethod", "must be FLAT or DECLINING"});
        }
        if (maxLoanPrincipal != null && (maxLoanPrincipal < Riel.MIN_AMOUNT || maxLoanPrincipal > Riel.MAX_AMOUNT)) {
            problems.add(new String[] {"policy.maxLoanPrincipal", amountMessage()});
        }
        if (maxTermMonths < 1 || maxTermMonths > MAX_TERM_MONTHS_LIMIT) {
            problems.add(new String[] {"policy.maxTermMonths", "must be between 1 and " + MAX_TERM_MONTHS_LIMIT});
        }
        if (minInitialContribution != null
                && (minInitialContribution < Riel.MIN_AMOUNT || minInitialContribution > Riel.MAX_AMOUNT)) {
            problems.add(new String[] {"policy.minInitialContribution", amountMessage()});
        }
        long allocated = 0;
        boolean negative = false;
        for (int bp : interestAllocation.values()) {
            allocated += bp;
            negative |= bp < 0;
        }
        if (negative || allocated != ALLOCATION_WHOLE_BP) {
            problems.add(new String[] {"policy.interestAllocation",
                    "shares must be non-negative basis points summing to " + ALLOCATION_WHOLE_BP});
        }
        if (closingCycleMonths != 6 && closingCycleMonths != 12) {
            problems.add(new String[] {"policy.closingCycleMonths", "must be 6 or 12"});
        }
        if (premiumBasis == null) {
            problems.add(new String[] {"policy.premiumBasis", "must be AVERAGE_BALANCE or BALANCE_AT_CLOSE"});
        }
        return problems;
    }

    private static boolean validRate(int bp) {
        return bp >= Riel.MIN_RATE_BP && bp <= Riel.MAX_RATE_BP;
    }

    private static String rateMessage() {
        return "must be between " + Riel.MIN_RATE_BP + " and " + Riel.MAX_RATE_BP + " basis points per month";
    }

    private static String amountMessage() {
        return "must be between " + Riel.MIN_AMOUNT + " and " + Riel.MAX_AMOUNT + " riel";
    }
}
