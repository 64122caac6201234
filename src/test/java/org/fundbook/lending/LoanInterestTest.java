package org.fundbook.lending;

import org.fundbook.group.InterestMethod;
import org.fundbook.lending.LoanInterest.RepaymentSplit;
import org.fundbook.money.Riel;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.fundbook.group.InterestMethod.DECLINING;
import static org.fundbook.group.InterestMethod.FLAT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LoanInterestTest {

    private static LocalDate date(String iso) {
        return LocalDate.parse(iso);
    }

    @Nested
    class WorkedExamplesOfTheSpec {

        private final LoanTerms fsfLoan = new LoanTerms(200_000, 200, 1, FLAT, date("2024-01-10"));
        private final LoanTerms cedacLoan = new LoanTerms(100_000, 200, 2, DECLINING, date("2024-03-01"));

        @Test
        void fsf_loan_repaid_on_the_last_day_of_month_one_pays_one_month_of_interest() {
            RepaymentSplit split = LoanInterest.applyRepayment(fsfLoan, date("2024-02-10"), 204_000, List.of());

            assertEquals(new RepaymentSplit(4_000, 4_000, 200_000, 0), split);
            assertFalse(split.overpays());
        }

        @Test
        void fsf_loan_repaid_a_day_later_has_started_month_two_and_owes_two_months() {
            assertEquals(8_000, LoanInterest.interestDue(fsfLoan, date("2024-02-11"), List.of()));

            RepaymentSplit split = LoanInterest.applyRepayment(fsfLoan, date("2024-02-11"), 204_000, List.of());
            assertEquals(new RepaymentSplit(8_000, 8_000, 196_000, 4_000), split);
        }

        @Test
        void cedac_declining_loan_charges_month_two_on_what_was_left_after_month_one() {
            RepaymentSplit first = LoanInterest.applyRepayment(cedacLoan, date("2024-04-01"), 52_000, List.of());
            assertEquals(new RepaymentSplit(2_000, 2_000, 50_000, 50_000), first);

            List<RepaymentRecord> recorded =
                    List.of(new RepaymentRecord(date("2024-04-01"), first.interestPart(), first.principalPart()));
            RepaymentSplit second = LoanInterest.applyRepayment(cedacLoan, date("2024-05-01"), 51_000, recorded);
            assertEquals(new RepaymentSplit(1_000, 1_000, 50_000, 0), second);

            List<RepaymentRecord> all = List.of(recorded.get(0),
                    new RepaymentRecord(date("2024-05-01"), second.interestPart(), second.principalPart()));
            assertEquals(0, LoanInterest.outstanding(cedacLoan, all));
            assertEquals(3_000, LoanInterest.interestAccrued(cedacLoan, date("2024-05-01"), all));
        }

        @Test
        void a_repayment_that_would_pay_more_principal_than_is_owed_is_flagged_not_refused() {
            RepaymentSplit split = LoanInterest.applyRepayment(fsfLoan, date("2024-02-10"), 204_001, List.of());

            assertEquals(new RepaymentSplit(4_000, 4_000, 200_001, -1), split);
            assertTrue(split.overpays());
        }
    }

    @Nested
    class MonthsOfALoan {

        private final LoanTerms loan = new LoanTerms(100_000, 200, 6, FLAT, date("2024-01-10"));

        @Test
        void disbursement_day_and_earlier_are_month_one() {
            assertEquals(1, loan.monthOf(date("2024-01-10")));
            assertEquals(1, loan.monthOf(date("2023-12-01")));
        }

        @Test
        void a_month_ends_on_the_same_day_of_the_next_month_inclusive() {
            assertEquals(1, loan.monthOf(date("2024-01-11")));
            assertEquals(1, loan.monthOf(date("2024-02-10")));
            assertEquals(2, loan.monthOf(date("2024-02-11")));
            assertEquals(2, loan.monthOf(date("2024-03-10")));
            assertEquals(3, loan.monthOf(date("2024-03-11")));
            assertEquals(13, loan.monthOf(date("2025-01-11")));
        }

        @Test
        void month_ends_clamp_to_short_months_without_dragging_later_ones_back() {
            LoanTerms endOfJanuary = new LoanTerms(100_000, 200, 3, FLAT, date("2024-01-31"));

            // Month 1 ends 2024-02-29 (leap year clamp).
            assertEquals(1, endOfJanuary.monthOf(date("2024-02-29")));
            assertEquals(2, endOfJanuary.monthOf(date("2024-03-01")));
            // Month 2 ends 2024-03-31, not 2024-03-29: each end is D.plusMonths(k).
            assertEquals(2, endOfJanuary.monthOf(date("2024-03-30")));
            assertEquals(2, endOfJanuary.monthOf(date("2024-03-31")));
            assertEquals(3, endOfJanuary.monthOf(date("2024-04-01")));
            assertEquals(3, endOfJanuary.monthOf(date("2024-04-30")));
            assertEquals(4, endOfJanuary.monthOf(date("2024-05-01")));
            assertEquals(date("2024-04-30"), endOfJanuary.maturesOn());
        }

        @Test
        void a_month_is_found_across_year_ends_and_far_into_the_future() {
            LoanTerms december = new LoanTerms(100_000, 200, 3, FLAT, date("2023-12-31"));

            assertEquals(1, december.monthOf(date("2024-01-31")));
            assertEquals(2, december.monthOf(date("2024-02-01")));
            assertEquals(2, december.monthOf(date("2024-02-29")));
            assertEquals(3, december.monthOf(date("2024-03-01")));
            assertEquals(1201, december.monthOf(date("2124-01-01")));
        }
    }

    @Nested
    class Rounding {

        @Test
        void half_a_riel_rounds_up() {
            assertEquals(21, Riel.interestHalfUp(1_025, 200)); // 20.50
            assertEquals(21, Riel.interestHalfUp(1_049, 200)); // 20.98
        }

        @Test
        void less_than_half_a_riel_rounds_down() {
            assertEquals(20, Riel.interestHalfUp(1_024, 200)); // 20.48
            assertEquals(0, Riel.interestHalfUp(24, 200));     //  0.48
        }

        @Test
        void every_month_is_rounded_on_its_own() {
            // 1,025 at 2% is 20.5 a month: two months cost 21 + 21 = 42, not round(41.0) = 41.
            LoanTerms loan = new LoanTerms(1_025, 200, 2, FLAT, date("2024-01-10"));
            assertEquals(42, LoanInterest.interestAccrued(loan, date("2024-03-10"), List.of()));
        }

        @Test
        void the_largest_loan_at_the_highest_rate_is_computed_exactly() {
            assertEquals(200_000_000_000L, Riel.interestHalfUp(Riel.MAX_AMOUNT, Riel.MAX_RATE_BP));
        }
    }

    @Nested
    class WhenInterestStops {

        @Test
        void a_repaid_flat_loan_accrues_nothing_more() {
            LoanTerms loan = new LoanTerms(200_000, 200, 1, FLAT, date("2024-01-10"));
            List<RepaymentRecord> repaid = List.of(new RepaymentRecord(date("2024-02-10"), 4_000, 200_000));

            assertEquals(4_000, LoanInterest.interestAccrued(loan, date("2024-02-10"), repaid));
            assertEquals(4_000, LoanInterest.interestAccrued(loan, date("2025-06-30"), repaid));
            assertEquals(0, LoanInterest.interestDue(loan, date("2025-06-30"), repaid));
        }

        @Test
        void interest_runs_to_the_month_of_the_repayment_that_cleared_the_principal() {
            LoanTerms loan = new LoanTerms(100_000, 200, 3, FLAT, date("2024-01-10"));
            // Principal cleared on 2024-03-15, in month 3; the interest of month 3 was paid with it.
            List<RepaymentRecord> repaid = List.of(
                    new RepaymentRecord(date("2024-02-01"), 2_000, 40_000),
                    new RepaymentRecord(date("2024-03-15"), 4_000, 60_000));

            assertEquals(6_000, LoanInterest.interestAccrued(loan, date("2024-12-31"), repaid));
            assertEquals(0, LoanInterest.interestDue(loan, date("2024-12-31"), repaid));
        }

        @Test
        void interest_keeps_running_past_maturity_while_principal_is_owed() {
            LoanTerms loan = new LoanTerms(200_000, 200, 1, FLAT, date("2024-01-10"));

            // Maturity 2024-02-10; on 2024-05-11 month 5 has started.
            assertEquals(20_000, LoanInterest.interestDue(loan, date("2024-05-11"), List.of()));
        }

        @Test
        void a_declining_loan_stops_charging_once_its_balance_is_zero() {
            LoanTerms loan = new LoanTerms(100_000, 200, 2, DECLINING, date("2024-03-01"));
            List<RepaymentRecord> repaid = List.of(new RepaymentRecord(date("2024-03-20"), 2_000, 100_000));

            assertEquals(0, LoanInterest.interestForMonth(loan, 2, repaid));
            assertEquals(2_000, LoanInterest.interestAccrued(loan, date("2024-09-01"), repaid));
        }
    }

    @Nested
    class InterestByMonth {

        @Test
        void a_declining_repayment_lowers_the_base_from_the_following_month() {
            LoanTerms loan = new LoanTerms(100_000, 200, 3, DECLINING, date("2024-03-01"));
            List<RepaymentRecord> repayments = List.of(new RepaymentRecord(date("2024-03-15"), 0, 30_000));

            assertEquals(2_000, LoanInterest.interestForMonth(loan, 1, repayments));
            assertEquals(1_400, LoanInterest.interestForMonth(loan, 2, repayments));
            assertEquals(1_400, LoanInterest.interestForMonth(loan, 3, repayments));
        }

        @Test
        void a_flat_loan_charges_the_original_principal_whatever_was_repaid() {
            LoanTerms loan = new LoanTerms(100_000, 200, 3, FLAT, date("2024-03-01"));
            List<RepaymentRecord> repayments = List.of(new RepaymentRecord(date("2024-03-15"), 0, 30_000));

            assertEquals(2_000, LoanInterest.interestForMonth(loan, 3, repayments));
        }

        @Test
        void interest_already_paid_is_not_owed_again() {
            LoanTerms loan = new LoanTerms(100_000, 200, 3, FLAT, date("2024-03-01"));
            List<RepaymentRecord> repayments = List.of(new RepaymentRecord(date("2024-03-15"), 1_500, 0));

            assertEquals(500, LoanInterest.interestDue(loan, date("2024-04-01"), repayments));
            assertEquals(2_500, LoanInterest.interestDue(loan, date("2024-04-02"), repayments));
        }

        @Test
        void a_repayment_smaller_than_the_interest_due_is_all_interest() {
            LoanTerms loan = new LoanTerms(100_000, 200, 3, FLAT, date("2024-03-01"));

            assertEquals(new RepaymentSplit(2_000, 1_500, 0, 100_000),
                    LoanInterest.applyRepayment(loan, date("2024-03-20"), 1_500, List.of()));
        }

        @Test
        void a_history_that_repays_more_principal_than_was_lent_is_refused() {
            LoanTerms loan = new LoanTerms(100_000, 200, 3, FLAT, date("2024-03-01"));
            List<RepaymentRecord> impossible = List.of(new RepaymentRecord(date("2024-03-15"), 0, 100_001));

            assertThrows(IllegalArgumentException.class, () -> LoanInterest.outstanding(loan, impossible));
            assertThrows(IllegalArgumentException.class,
                    () -> LoanInterest.interestAccrued(loan, date("2024-04-01"), impossible));
        }

        @Test
        void month_numbers_start_at_one() {
            LoanTerms loan = new LoanTerms(100_000, 200, 3, FLAT, date("2024-03-01"));
            assertThrows(IllegalArgumentException.class, () -> LoanInterest.interestForMonth(loan, 0, List.of()));
        }
    }

    @Nested
    class DaysOverdue {

        private final LoanTerms loan = new LoanTerms(200_000, 200, 3, FLAT, date("2024-01-10"));

        @Test
        void a_loan_is_not_overdue_on_or_before_its_maturity_date() {
            assertEquals(date("2024-04-10"), loan.maturesOn());
            assertEquals(0, LoanInterest.daysOverdue(loan, 200_000, date("2024-03-01")));
            assertEquals(0, LoanInterest.daysOverdue(loan, 200_000, date("2024-04-10")));
        }

        @Test
        void days_overdue_count_from_maturity() {
            assertEquals(1, LoanInterest.daysOverdue(loan, 200_000, date("2024-04-11")));
            assertEquals(31, LoanInterest.daysOverdue(loan, 1, date("2024-05-11")));
        }

        @Test
        void a_repaid_loan_is_never_overdue() {
            assertEquals(0, LoanInterest.daysOverdue(loan, 0, date("2025-01-01")));
        }
    }
}
