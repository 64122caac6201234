package org.fundbook.lending;

import org.fundbook.group.InterestMethod;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.fundbook.lending.LoanInterest.RepaymentSplit;
import org.fundbook.money.Riel;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LoanInterestProperties {

    @Property
    void interest_due_is_never_negative(@ForAll("loans") LoanTerms terms,
                                        @ForAll("paymentPlans") List<Payment> plan,
                                        @ForAll @IntRange(min = -30, max = 1_000) int askedOnDay) {
        List<RepaymentRecord> history = record(terms, plan);
        LocalDate asked = terms.disbursedOn().plusDays(askedOnDay);

        assertTrue(LoanInterest.interestDue(terms, asked, history) >= 0);
    }

    @Property
    void paying_the_interest_due_plus_the_outstanding_principal_clears_the_loan(
            @ForAll("loans") LoanTerms terms,
            @ForAll("paymentPlans") List<Payment> plan,
            @ForAll @IntRange(min = 0, max = 400) int daysAfterLastPayment) {
        List<RepaymentRecord> history = record(terms, plan);
        long outstanding = LoanInterest.outstanding(terms, history);
        LocalDate lastDate = history.isEmpty() ? terms.disbursedOn() : history.get(history.size() - 1).occurredOn();
        LocalDate payOn = lastDate.plusDays(daysAfterLastPayment);
        long due = LoanInterest.interestDue(terms, payOn, history);

        RepaymentSplit split = LoanInterest.applyRepayment(terms, payOn, due + outstanding, history);

        assertEquals(due, split.interestPart());
        assertEquals(outstanding, split.principalPart());
        assertEquals(0, split.outstandingAfter());
        assertFalse(split.overpays());
    }

    @Property
    void a_flat_loan_costs_the_same_every_month(@ForAll("flatLoans") LoanTerms terms,
                                                @ForAll("paymentPlans") List<Payment> plan,
                                                @ForAll @IntRange(min = 1, max = 60) int month) {
        List<RepaymentRecord> history = record(terms, plan);

        assertEquals(Riel.interestHalfUp(terms.principal(), terms.monthlyRateBp()),
                LoanInterest.interestForMonth(terms, month, history));
    }

    @Property
    void accrued_interest_is_the_sum_of_the_months_started_while_principal_was_owed(
            @ForAll("loans") LoanTerms terms,
            @ForAll("paymentPlans") List<Payment> plan,
            @ForAll @IntRange(min = 0, max = 1_000) int askedOnDay) {
        List<RepaymentRecord> history = record(terms, plan);
        LocalDate asked = terms.disbursedOn().plusDays(askedOnDay);
        int lastMonth = terms.monthOf(asked);
        if (LoanInterest.outstanding(terms, history) == 0) {
            lastMonth = Math.min(lastMonth, terms.monthOf(history.get(history.size() - 1).occurredOn()));
        }
        long expected = 0;
        for (int k = 1; k <= lastMonth; k++) {
            expected += LoanInterest.interestForMonth(terms, k, history);
        }

        assertEquals(expected, LoanInterest.interestAccrued(terms, asked, history));
    }

    @Property
    void a_declining_loan_never_costs_more_than_the_same_flat_loan(
            @ForAll("loans") LoanTerms terms,
            @ForAll("paymentPlans") List<Payment> plan,
            @ForAll @IntRange(min = 1, max = 60) int month) {
        LoanTerms declining = withMethod(terms, InterestMethod.DECLINING);
        List<RepaymentRecord> history = record(declining, plan);

        assertTrue(LoanInterest.interestForMonth(declining, month, history)
                <= LoanInterest.interestForMonth(withMethod(terms, InterestMethod.FLAT), month, history));
    }

    /** A repayment the cashier brings: so many days after the previous one, so much cash. */
    record Payment(int daysLater, long amount) {
    }

    /**
     * Records a plan the way the aggregate would: in date order, each split by
     * {@link LoanInterest#applyRepayment}, an overpaying amount cut down to what
     * clears the loan, and nothing after the loan is repaid.
     */
    private static List<RepaymentRecord> record(LoanTerms terms, List<Payment> plan) {
        List<RepaymentRecord> history = new ArrayList<>();
        LocalDate date = terms.disbursedOn();
        for (Payment payment : plan) {
            if (LoanInterest.outstanding(terms, history) == 0) {
                break;
            }
            date = date.plusDays(payment.daysLater());
            RepaymentSplit split = LoanInterest.applyRepayment(terms, date, payment.amount(), history);
            if (split.overpays()) {
                split = LoanInterest.applyRepayment(terms, date, split.interestDue()
                        + LoanInterest.outstanding(terms, history), history);
            }
            history.add(new RepaymentRecord(date, split.interestPart(), split.principalPart()));
        }
        return history;
    }

    private static LoanTerms withMethod(LoanTerms terms, InterestMethod method) {
        return new LoanTerms(terms.principal(), terms.monthlyRateBp(), terms.termMonths(), method,
                terms.disbursedOn());
    }

    @Provide
    Arbitrary<LoanTerms> loans() {
        return loansWith(Arbitraries.of(InterestMethod.class));
    }

    @Provide
    Arbitrary<LoanTerms> flatLoans() {
        return loansWith(Arbitraries.just(InterestMethod.FLAT));
    }

    private static Arbitrary<LoanTerms> loansWith(Arbitrary<InterestMethod> methods) {
        Arbitrary<Long> principals = Arbitraries.oneOf(
                Arbitraries.longs().between(Riel.MIN_AMOUNT, 1_000_000),
                Arbitraries.longs().between(Riel.MIN_AMOUNT, Riel.MAX_AMOUNT));
        Arbitrary<Integer> rates = Arbitraries.integers().between(Riel.MIN_RATE_BP, Riel.MAX_RATE_BP);
        Arbitrary<Integer> terms = Arbitraries.integers().between(1, 12);
        Arbitrary<LocalDate> disbursed = Arbitraries.integers().between(0, 365 * 30)
                .map(days -> LocalDate.of(2000, 1, 1).plusDays(days));
        return Combinators.combine(principals, rates, terms, methods, disbursed).as(LoanTerms::new);
    }

    @Provide
    Arbitrary<List<Payment>> paymentPlans() {
        Arbitrary<Integer> gaps = Arbitraries.integers().between(0, 70);
        Arbitrary<Long> amounts = Arbitraries.oneOf(
                Arbitraries.longs().between(1, 100_000),
                Arbitraries.longs().between(1, Riel.MAX_AMOUNT));
        return Combinators.combine(gaps, amounts).as(Payment::new).list().ofMaxSize(8);
    }
}
