package org.fundbook.lending;

import org.fundbook.group.InterestMethod;
import org.fundbook.money.Riel;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * What is fixed when a loan is disbursed (domain spec, section 6). The rate is
 * captured here, not looked up from the policy, because a policy change never
 * applies to loans already disbursed.
 */
public record LoanTerms(long principal, int monthlyRateBp, int termMonths, InterestMethod method,
                        LocalDate disbursedOn) {

    public LoanTerms {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(disbursedOn, "disbursedOn");
        if (principal < Riel.MIN_AMOUNT || principal > Riel.MAX_AMOUNT) {
            throw new IllegalArgumentException("principal out of range: " + principal);
        }
        if (monthlyRateBp < Riel.MIN_RATE_BP || monthlyRateBp > Riel.MAX_RATE_BP) {
            throw new IllegalArgumentException("monthlyRateBp out of range: " + monthlyRateBp);
        }
        if (termMonths < 1) {
            throw new IllegalArgumentException("termMonths must be >= 1, was " + termMonths);
        }
    }

    /** The date all principal is due: {@code D + n months}. */
    public LocalDate maturesOn() {
        return disbursedOn.plusMonths(termMonths);
    }

    /**
     * The month of the loan that date {@code t} falls in: month {@code k} is
     * {@code (D + (k-1) months, D + k months]}, and any {@code t <= D} is month 1.
     *
     * <p>Month ends are always {@code D.plusMonths(k)}, never {@code plusMonths(1)}
     * applied k times: a loan from 31 January has month ends 29 February,
     * 31 March, 30 April, ... so one short month does not shift every later
     * boundary to the 29th.
     */
    public int monthOf(LocalDate t) {
        Objects.requireNonNull(t, "t");
        if (!t.isAfter(disbursedOn)) {
            return 1;
        }
        // Calendar-month distance is within one of the answer; step to it exactly.
        long k = Math.max(1, ChronoUnit.MONTHS.between(disbursedOn.withDayOfMonth(1), t.withDayOfMonth(1)));
        while (k > 1 && !t.isAfter(disbursedOn.plusMonths(k - 1))) {
            k--;
        }
        while (t.isAfter(disbursedOn.plusMonths(k))) {
            k++;
        }
        return Math.toIntExact(k);
    }
}
