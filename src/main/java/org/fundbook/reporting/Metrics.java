package org.fundbook.reporting;

import java.math.BigDecimal;

/**
 * The group performance metrics of domain spec section 10, for one group or summed over many, computed from
 * {@link Sums} alone: every ratio is divided once, from sums, never averaged. Beside each ratio are the parts it is
 * divided from that are not metrics themselves, so that any row can be re-aggregated exactly by whoever reads it.
 */
public record Metrics(long members, long women, long poorest, long memberSavings, long savingsPerMember,
                      long loansOutstanding, long loanPrincipalOutstanding, BigDecimal borrowerShare,
                      long averageLoanOutstanding, BigDecimal loanFundUtilization, BigDecimal par30,
                      long interestCollected, BigDecimal annualizedReturnOnSavings, long emergencyGrants,
                      BigDecimal grantRecoveryRate, long meetings, BigDecimal attendanceRate, long cashDiscrepancy,
                      long borrowers, long par30Principal, long cash, long savingsRielDays, long recoverableGranted,
                      long grantsRecovered, long attendances, long memberMeetings) {

    static final long DAYS_A_YEAR = 365;

    /**
     * What a row or an aggregate adds up. For one group: {@code memberMeetings} is its meetings in the window times
     * its members at {@code asOf}; {@code borrowers} are the people (members and non-members) with a loan
     * outstanding; {@code savingsRielDays} is the sum over the window's days of the members' savings at each day's
     * end.
     */
    public record Sums(long members, long women, long poorest, long memberSavings, long loansOutstanding,
                       long loanPrincipalOutstanding, long borrowers, long par30Principal, long cash,
                       long interestCollected, long savingsRielDays, long emergencyGrants, long recoverableGranted,
                       long grantsRecovered, long meetings, long attendances, long memberMeetings,
                       long cashDiscrepancy) {

        public static final Sums ZERO = new Sums(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

        /** Exact (overflow-checked) sums of two rows' figures. */
        public Sums plus(Sums o) {
            return new Sums(Math.addExact(members, o.members), Math.addExact(women, o.women),
                    Math.addExact(poorest, o.poorest), Math.addExact(memberSavings, o.memberSavings),
                    Math.addExact(loansOutstanding, o.loansOutstanding),
                    Math.addExact(loanPrincipalOutstanding, o.loanPrincipalOutstanding),
                    Math.addExact(borrowers, o.borrowers), Math.addExact(par30Principal, o.par30Principal),
                    Math.addExact(cash, o.cash), Math.addExact(interestCollected, o.interestCollected),
                    Math.addExact(savingsRielDays, o.savingsRielDays), Math.addExact(emergencyGrants, o.emergencyGrants),
                    Math.addExact(recoverableGranted, o.recoverableGranted),
                    Math.addExact(grantsRecovered, o.grantsRecovered), Math.addExact(meetings, o.meetings),
                    Math.addExact(attendances, o.attendances), Math.addExact(memberMeetings, o.memberMeetings),
                    Math.addExact(cashDiscrepancy, o.cashDiscrepancy));
        }
    }

    public static Metrics of(Sums s) {
        return new Metrics(s.members(), s.women(), s.poorest(), s.memberSavings(),
                Fractions.wholeRiel(s.memberSavings(), s.members()), s.loansOutstanding(),
                s.loanPrincipalOutstanding(), Fractions.ratio(s.borrowers(), s.members()),
                Fractions.wholeRiel(s.loanPrincipalOutstanding(), s.loansOutstanding()),
                Fractions.ratio(s.loanPrincipalOutstanding(), Math.addExact(s.cash(), s.loanPrincipalOutstanding())),
                Fractions.ratio(s.par30Principal(), s.loanPrincipalOutstanding()), s.interestCollected(),
                Fractions.ratio(Math.multiplyExact(s.interestCollected(), DAYS_A_YEAR), s.savingsRielDays()),
                s.emergencyGrants(), Fractions.ratio(s.grantsRecovered(), s.recoverableGranted()), s.meetings(),
                Fractions.ratio(s.attendances(), s.memberMeetings()), s.cashDiscrepancy(), s.borrowers(),
                s.par30Principal(), s.cash(), s.savingsRielDays(), s.recoverableGranted(), s.grantsRecovered(),
                s.attendances(), s.memberMeetings());
    }
}
