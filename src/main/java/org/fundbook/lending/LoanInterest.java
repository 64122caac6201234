package org.fundbook.lending;

import org.fundbook.money.Riel;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Interest on one loan, as a pure function of its terms and the repayments
 * recorded so far (domain spec, section 6). Nothing is stored between calls:
 * the aggregate replays its repayments, and an as-of query passes only those
 * dated up to its date, and both get the same figures.
 *
 * <p>Every started month costs a full month of interest, rounded half up per
 * month. Interest keeps accruing past maturity for as long as principal is
 * outstanding, and stops for good once the loan is repaid.
 */
public final class LoanInterest {

    private LoanInterest() {
    }

    /**
     * How a repayment divides: interest first, the rest to principal.
     *
     * @param interestDue      interest owed on the repayment's date before it
     * @param interestPart     {@code min(amount, interestDue)}
     * @param principalPart    {@code amount - interestPart}
     * @param outstandingAfter principal still owed afterwards; negative exactly
     *                         when the repayment would overpay, which the caller
     *                         refuses as {@code OVERPAYMENT}
     */
    public record RepaymentSplit(long interestDue, long interestPart, long principalPart, long outstandingAfter) {

        /** True when the principal part exceeds what is outstanding. */
        public boolean overpays() {
            return outstandingAfter < 0;
        }
    }

    /**
     * Interest charged for month {@code k} of the loan. {@code DECLINING}
     * charges on {@code B_k}, the principal left after repayments dated in
     * months before {@code k}: a repayment reduces the base from the next
     * month on, because the month it falls in had already started.
     *
     * <p>This does not know whether the loan was repaid before month {@code k};
     * {@link #interestAccrued} applies that rule.
     */
    public static long interestForMonth(LoanTerms terms, int k, List<RepaymentRecord> repayments) {
        Objects.requireNonNull(terms, "terms");
        if (k < 1) {
            throw new IllegalArgumentException("loan months start at 1, was " + k);
        }
        requireConsistent(terms, repayments);
        return monthlyInterest(terms, k, repayments);
    }

    /**
     * Interest earned by the loan from disbursement through the month that
     * {@code t} falls in: {@code Σ interestForMonth(k)} for
     * {@code k = 1..monthOf(t)}.
     *
     * <p>Once the recorded principal reaches {@code P} the loan is repaid and
     * interest stops: months after the month of the repayment that cleared it
     * cost nothing, so the sum runs only to
     * {@code min(monthOf(t), monthOf(repaidOn))}. Without that cap a
     * {@code FLAT} loan would go on charging on principal nobody owes.
     * {@code repaidOn} is the latest value date of a repayment that carried
     * principal, i.e. the day the principal, counted by value date, reached 0.
     */
    public static long interestAccrued(LoanTerms terms, LocalDate t, List<RepaymentRecord> repayments) {
        Objects.requireNonNull(terms, "terms");
        Objects.requireNonNull(t, "t");
        requireConsistent(terms, repayments);
        int lastMonth = terms.monthOf(t);
        Optional<LocalDate> repaidOn = repaidOn(terms, repayments);
        if (repaidOn.isPresent()) {
            lastMonth = Math.min(lastMonth, terms.monthOf(repaidOn.get()));
        }
        long accrued = 0;
        for (int k = 1; k <= lastMonth; k++) {
            accrued = Riel.checkedAdd(accrued, monthlyInterest(terms, k, repayments));
        }
        return accrued;
    }

    /**
     * Interest owed on date {@code t}: what has accrued less what the
     * repayments already paid, never below 0 (interest paid cannot become a
     * credit against principal).
     */
    public static long interestDue(LoanTerms terms, LocalDate t, List<RepaymentRecord> repayments) {
        long accrued = interestAccrued(terms, t, repayments);
        long paid = 0;
        for (RepaymentRecord repayment : repayments) {
            paid = Riel.checkedAdd(paid, repayment.interestPart());
        }
        return Math.max(0, accrued - paid);
    }

    /** Principal still owed after the given repayments. */
    public static long outstanding(LoanTerms terms, List<RepaymentRecord> repayments) {
        Objects.requireNonNull(terms, "terms");
        return terms.principal() - requireConsistent(terms, repayments);
    }

    /**
     * Splits a repayment of {@code amount} on date {@code t}, interest first.
     * It never refuses: whether the loan is already repaid or the amount
     * overpays are the caller's rules, with their own error codes.
     */
    public static RepaymentSplit applyRepayment(LoanTerms terms, LocalDate t, long amount,
                                                List<RepaymentRecord> previous) {
        if (amount < 0) {
            throw new IllegalArgumentException("amount must be >= 0, was " + amount);
        }
        long due = interestDue(terms, t, previous);
        long interestPart = Math.min(amount, due);
        long principalPart = amount - interestPart;
        long outstandingAfter = Riel.checkedSubtract(outstanding(terms, previous), principalPart);
        return new RepaymentSplit(due, interestPart, principalPart, outstandingAfter);
    }

    /**
     * Days past maturity on {@code asOf}, counted from the maturity date; 0
     * when not yet past maturity or nothing is owed. Feeds PAR30.
     */
    public static long daysOverdue(LoanTerms terms, long outstandingPrincipal, LocalDate asOf) {
        Objects.requireNonNull(terms, "terms");
        Objects.requireNonNull(asOf, "asOf");
        LocalDate maturity = terms.maturesOn();
        if (outstandingPrincipal <= 0 || !asOf.isAfter(maturity)) {
            return 0;
        }
        return ChronoUnit.DAYS.between(maturity, asOf);
    }

    private static long monthlyInterest(LoanTerms terms, int k, List<RepaymentRecord> repayments) {
        long base = switch (terms.method()) {
            case FLAT -> terms.principal();
            case DECLINING -> balanceAtStartOf(terms, k, repayments);
        };
        return Riel.interestHalfUp(base, terms.monthlyRateBp());
    }

    private static long balanceAtStartOf(LoanTerms terms, int k, List<RepaymentRecord> repayments) {
        long repaidBefore = 0;
        for (RepaymentRecord repayment : repayments) {
            if (terms.monthOf(repayment.occurredOn()) < k) {
                repaidBefore = Riel.checkedAdd(repaidBefore, repayment.principalPart());
            }
        }
        return Math.max(0, terms.principal() - repaidBefore);
    }

    private static Optional<LocalDate> repaidOn(LoanTerms terms, List<RepaymentRecord> repayments) {
        long repaid = 0;
        LocalDate latest = null;
        for (RepaymentRecord repayment : repayments) {
            if (repayment.principalPart() > 0) {
                repaid += repayment.principalPart();
                if (latest == null || repayment.occurredOn().isAfter(latest)) {
                    latest = repayment.occurredOn();
                }
            }
        }
        return repaid == terms.principal() ? Optional.of(latest) : Optional.empty();
    }

    /**
     * Returns the principal repaid, refusing a history that repays more than
     * was lent: that breaks the balance identity, and clamping it to 0 would
     * hide the bug that recorded it.
     */
    private static long requireConsistent(LoanTerms terms, List<RepaymentRecord> repayments) {
        Objects.requireNonNull(repayments, "repayments");
        long repaid = 0;
        for (RepaymentRecord repayment : repayments) {
            repaid = Riel.checkedAdd(repaid, Objects.requireNonNull(repayment, "repayment").principalPart());
        }
        if (repaid > terms.principal()) {
            throw new IllegalArgumentException(
                    "repayments return " + repaid + " riel of principal on a loan of " + terms.principal());
        }
        return repaid;
    }
}
