package org.fundbook.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** The metrics' divisions, from sums alone (domain spec section 10). */
class MetricsTest {

    private static Metrics.Sums sums(long members, long savings, long loans, long principal, long cash,
                                     long interest, long rielDays, long meetings, long attendances) {
        return new Metrics.Sums(members, 0, 0, savings, loans, principal, loans, 0, cash, interest, rielDays, 0, 0, 0,
                meetings, attendances, Math.multiplyExact(meetings, members), 0);
    }

    @Test
    void ratiosAreRoundedHalfUpToFourPlacesAndZeroWithNothingToDivideBy() {
        assertThat(Fractions.ratio(1, 3)).isEqualByComparingTo("0.3333");
        assertThat(Fractions.ratio(2, 3)).isEqualByComparingTo("0.6667");
        assertThat(Fractions.ratio(1, 8)).isEqualByComparingTo("0.125");
        assertThat(Fractions.ratio(15, 100_000)).isEqualByComparingTo("0.0002"); // 0.00015 half-up
        assertThat(Fractions.ratio(7, 0)).isEqualByComparingTo("0");
        assertThat(Fractions.ratio(10, 1).toString()).isEqualTo("10"); // a plain number, never 1E+1
        assertThat(Fractions.ratio(-1, 3)).isEqualByComparingTo("-0.3333");
        assertThat(Fractions.wholeRiel(190_000, 3)).isEqualTo(63_333);
        assertThat(Fractions.wholeRiel(5, 2)).isEqualTo(3);
        assertThat(Fractions.wholeRiel(5, 0)).isZero();
    }

    @Test
    void aSumOfGroupsRecomputesEveryRatioFromTheSumsNeverAveragesThem() {
        // one big group with a low return and one small group with a high one
        Metrics.Sums big = sums(20, 2_000_000, 4, 400_000, 1_600_000, 10_000, 365_000_000, 2, 30);
        Metrics.Sums small = sums(5, 100_000, 1, 50_000, 50_000, 5_000, 18_250_000, 3, 15);

        Metrics total = Metrics.of(big.plus(small));

        assertThat(Metrics.of(big).annualizedReturnOnSavings()).isEqualByComparingTo("0.01");
        assertThat(Metrics.of(small).annualizedReturnOnSavings()).isEqualByComparingTo("0.1");
        // 15,000 x 365 / 383,250,000, not (0.01 + 0.1) / 2
        assertThat(total.annualizedReturnOnSavings()).isEqualByComparingTo("0.0143");
        assertThat(total.savingsPerMember()).isEqualTo(84_000); // 2,100,000 / 25
        assertThat(total.averageLoanOutstanding()).isEqualTo(90_000); // 450,000 / 5
        assertThat(total.loanFundUtilization()).isEqualByComparingTo("0.2143"); // 450,000 / 2,100,000
        assertThat(total.borrowerShare()).isEqualByComparingTo("0.2"); // 5 / 25
        // (30 + 15) / (2 x 20 + 3 x 5): each group's meetings times its own members
        assertThat(total.memberMeetings()).isEqualTo(55);
        assertThat(total.attendanceRate()).isEqualByComparingTo("0.8182");
        assertThat(total.meetings()).isEqualTo(5);
    }

    @Test
    void aGroupWithNothingHasZerosEverywhere() {
        Metrics none = Metrics.of(Metrics.Sums.ZERO);
        assertThat(none.savingsPerMember()).isZero();
        assertThat(none.borrowerShare()).isEqualTo(BigDecimal.ZERO);
        assertThat(none.loanFundUtilization()).isEqualTo(BigDecimal.ZERO);
        assertThat(none.annualizedReturnOnSavings()).isEqualTo(BigDecimal.ZERO);
        assertThat(none.attendanceRate()).isEqualTo(BigDecimal.ZERO);
        assertThat(none.grantRecoveryRate()).isEqualTo(BigDecimal.ZERO);
    }

    @Test
    void sumsAreOverflowChecked() {
        Metrics.Sums huge = new Metrics.Sums(0, 0, 0, Long.MAX_VALUE, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
        assertThatThrownBy(() -> huge.plus(huge)).isInstanceOf(ArithmeticException.class);
    }
}
