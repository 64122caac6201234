package org.fundbook.lending;

import org.fundbook.group.InterestMethod;
import org.fundbook.group.Membership;
import org.fundbook.group.Policy;
import org.fundbook.group.Pool;
import org.fundbook.group.RefusalCode;
import org.fundbook.group.Scheme;
import org.fundbook.ledger.GroupAggregate;
import static org.fundbook.group.GroupFixtures.GROUP;
import static org.fundbook.group.GroupFixtures.PURPOSE;
import static org.fundbook.group.GroupFixtures.capital;
import static org.fundbook.group.GroupFixtures.cedacDefaults;
import static org.fundbook.group.GroupFixtures.contribution;
import static org.fundbook.group.GroupFixtures.date;
import static org.fundbook.group.GroupFixtures.fsfDefaults;
import static org.fundbook.group.GroupFixtures.id;
import static org.fundbook.group.GroupFixtures.loan;
import static org.fundbook.group.GroupFixtures.member;
import static org.fundbook.group.GroupFixtures.newFixture;
import static org.fundbook.group.GroupFixtures.nonMember;
import static org.fundbook.group.GroupFixtures.plus;
import static org.fundbook.group.GroupFixtures.refusal;
import static org.fundbook.group.GroupFixtures.registerGroup;
import static org.fundbook.group.GroupFixtures.repayment;
import static org.fundbook.group.GroupFixtures.startClosing;
import static org.fundbook.group.GroupFixtures.withAllocation;
import static org.fundbook.group.GroupFixtures.withMaxTermMonths;

import java.util.Map;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.fundbook.group.GroupEvent.LoanDisbursed;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Section 5, loan disbursement (cash −P, outstanding +P) and the rate of section 4. Refusal order of the row:
 * LENDING_SUSPENDED, NON_MEMBER_LENDING_DISABLED, TERM_TOO_LONG, LOAN_LIMIT_EXCEEDED, NO_RATE_FOR_LOAN,
 * INSUFFICIENT_CASH.
 */
class LoanRulesTest {

    private static final Map<Pool, Integer> CEDAC_ALLOCATION = Map.of(Pool.PREMIUM, 10_000);
    private static final Map<Pool, Integer> FSF_ALLOCATION = Map.of(Pool.COMMITTEE_OPERATIONS, 5000,
            Pool.PROVINCIAL_DISTRICT, 2500, Pool.EMERGENCY_FUND, 1500, Pool.FUND_CAPITAL, 1000);

    private AggregateTestFixture<GroupAggregate> fixture;

    @BeforeEach
    void setUp() {
        fixture = newFixture();
    }

    private static Object[] cedacWithCapital(long capital) {
        return new Object[] {registerGroup(Scheme.CEDAC), member("sokha"), nonMember("dara"),
                capital("capital", capital, "2024-01-02")};
    }

    private static LoanDisbursed cedacLoan(String borrower, Membership membership, long principal, int rate,
                                           int term, String on) {
        return new LoanDisbursed(GROUP, id("loan"), id(borrower), membership, principal, rate,
                InterestMethod.DECLINING, term, PURPOSE, date(on), date(on).plusMonths(term), CEDAC_ALLOCATION);
    }

    // ------------------------------------------------------------------------------------------ rates

    @Test
    void fsfMemberBorrowsAtTwoPercentFlatWithTheFsfInterestShares() {
        fixture.givenCommands(registerGroup(Scheme.FSF), member("sokha"), capital("iom", 200_000, "2024-01-02"))
                .when(loan("loan", "sokha", 200_000, 12, "2024-01-10"))
                .expectEvents(new LoanDisbursed(GROUP, id("loan"), id("sokha"), Membership.MEMBER, 200_000, 200,
                        InterestMethod.FLAT, 12, PURPOSE, date("2024-01-10"), date("2025-01-10"), FSF_ALLOCATION))
                .expectResultMessagePayload(new LoanDisbursed(GROUP, id("loan"), id("sokha"), Membership.MEMBER,
                        200_000, 200, InterestMethod.FLAT, 12, PURPOSE, date("2024-01-10"), date("2025-01-10"),
                        FSF_ALLOCATION));
    }

    @Test
    void cedacMemberBorrowsAtTheMemberRateOfTwoPercentDeclining() {
        fixture.givenCommands(cedacWithCapital(1_000_000))
                .when(loan("loan", "sokha", 600_000, 2, "2024-02-01"))
                .expectEvents(cedacLoan("sokha", Membership.MEMBER, 600_000, 200, 2, "2024-02-01"));
    }

    @Test
    void cedacNonMemberBigLoanForAShortTermGetsThreePercent() {
        fixture.givenCommands(cedacWithCapital(1_000_000))
                .when(loan("loan", "dara", 600_000, 2, "2024-02-01"))
                .expectEvents(cedacLoan("dara", Membership.NON_MEMBER, 600_000, 300, 2, "2024-02-01"));
    }

    @Test
    void cedacNonMemberSmallLoanGetsFourPercent() {
        fixture.givenCommands(cedacWithCapital(1_000_000))
                .when(loan("loan", "dara", 100_000, 2, "2024-02-01"))
                .expectEvents(cedacLoan("dara", Membership.NON_MEMBER, 100_000, 400, 2, "2024-02-01"));
    }

    @Test
    void cedacNonMemberBigLoanForALongTermGetsFourPercent() {
        fixture.givenCommands(cedacWithCapital(1_000_000))
                .when(loan("loan", "dara", 600_000, 6, "2024-02-01"))
                .expectEvents(cedacLoan("dara", Membership.NON_MEMBER, 600_000, 400, 6, "2024-02-01"));
    }

    @Test
    void cedacNonMemberLoanOnBothTierBoundsGetsThreePercent() {
        fixture.givenCommands(cedacWithCapital(1_000_000))
                .when(loan("loan", "dara", 500_000, 3, "2024-02-01"))
                .expectEvents(cedacLoan("dara", Membership.NON_MEMBER, 500_000, 300, 3, "2024-02-01"));
    }

    @Test
    void nonMemberLoanCoveredByNoTierIsRefusedAsNoRate() {
        // a group that allows 24-month loans, but its non-member tiers stop at 12 months
        fixture.givenCommands(registerGroup(Scheme.CEDAC, withMaxTermMonths(cedacDefaults(), 24)), nonMember("dara"),
                        capital("capital", 1_000_000, "2024-01-02"))
                .when(loan("loan", "dara", 100_000, 13, "2024-02-01"))
                .expectNoEvents()
                .expectException(refusal(RefusalCode.NO_RATE_FOR_LOAN));
    }

    @Test
    void memberNeedsNoTierForALongLoanTheGroupAllows() {
        fixture.givenCommands(registerGroup(Scheme.CEDAC, withMaxTermMonths(cedacDefaults(), 24)), member("sokha"),
                        capital("capital", 1_000_000, "2024-01-02"))
                .when(loan("loan", "sokha", 100_000, 13, "2024-02-01"))
                .expectEvents(cedacLoan("sokha", Membership.MEMBER, 100_000, 200, 13, "2024-02-01"));
    }

    // ------------------------------------------------------------------------------------------ refusals

    @Test
    void fsfDoesNotLendToNonMembers() {
        fixture.givenCommands(registerGroup(Scheme.FSF), nonMember("dara"), capital("iom", 200_000, "2024-01-02"))
                .when(loan("loan", "dara", 50_000, 6, "2024-02-01"))
                .expectNoEvents()
                .expectException(refusal(RefusalCode.NON_MEMBER_LENDING_DISABLED));
    }

    @Test
    void loanLongerThanTheLongestTermIsRefused() {
        fixture.givenCommands(cedacWithCapital(1_000_000))
                .when(loan("loan", "sokha", 100_000, 13, "2024-02-01"))
                .expectNoEvents()
                .expectException(refusal(RefusalCode.TERM_TOO_LONG));
    }

    @Test
    void loanOfExactlyTheLongestTermIsAccepted() {
        fixture.givenCommands(cedacWithCapital(1_000_000))
                .when(loan("loan", "sokha", 100_000, 12, "2024-02-01"))
                .expectEvents(cedacLoan("sokha", Membership.MEMBER, 100_000, 200, 12, "2024-02-01"));
    }

    @Test
    void fsfLoanAboveTwoHundredThousandRielIsRefused() {
        fixture.givenCommands(registerGroup(Scheme.FSF), member("sokha"), capital("iom", 500_000, "2024-01-02"))
                .when(loan("loan", "sokha", 200_001, 12, "2024-02-01"))
                .expectNoEvents()
                .expectException(refusal(RefusalCode.LOAN_LIMIT_EXCEEDED));
    }

    @Test
    void cedacHasNoLoanCap() {
        fixture.givenCommands(cedacWithCapital(5_000_000))
                .when(loan("loan", "sokha", 5_000_000, 12, "2024-02-01"))
                .expectEvents(cedacLoan("sokha", Membership.MEMBER, 5_000_000, 200, 12, "2024-02-01"));
    }

    @Test
    void loanAboveTheCashInTheBoxIsRefused() {
        fixture.givenCommands(cedacWithCapital(100_000))
                .when(loan("loan", "sokha", 100_001, 6, "2024-02-01"))
                .expectNoEvents()
                .expectException(refusal(RefusalCode.INSUFFICIENT_CASH));
    }

    @Test
    void emergencyFundCashIsNotLendable() {
        Policy interestToEmergencyFund = withAllocation(fsfDefaults(), Map.of(Pool.EMERGENCY_FUND, 10_000));

        fixture.givenCommands(registerGroup(Scheme.FSF, interestToEmergencyFund), member("sokha"), member("srey"),
                        contribution("saving", "sokha", 10_000, "2024-01-05"),
                        loan("first loan", "srey", 10_000, 12, "2024-01-10"),
                        repayment("interest", "first loan", 200, "2024-02-10"))
                .when(loan("loan", "sokha", 1, 1, "2024-02-20"))
                .expectNoEvents()
                .expectException(refusal(RefusalCode.INSUFFICIENT_CASH));
    }

    @Test
    void onlyCashAboveTheEarmarkedPoolsIsLent() {
        // cash 200 after the interest; COMMITTEE 100 + PROVINCIAL 50 + EMERGENCY 30 earmarked; 20 lendable
        Object[] history = {registerGroup(Scheme.FSF), member("sokha"), member("srey"),
                contribution("saving", "sokha", 10_000, "2024-01-05"),
                loan("first loan", "srey", 10_000, 12, "2024-01-10"),
                repayment("interest", "first loan", 200, "2024-02-10")};

        fixture.givenCommands(history)
                .when(loan("loan", "sokha", 21, 1, "2024-02-20"))
                .expectNoEvents()
                .expectException(refusal(RefusalCode.INSUFFICIENT_CASH));
        fixture.givenCommands(history)
                .when(loan("loan", "sokha", 20, 1, "2024-02-20"))
                .expectEvents(new LoanDisbursed(GROUP, id("loan"), id("sokha"), Membership.MEMBER, 20, 200,
                        InterestMethod.FLAT, 1, PURPOSE, date("2024-02-20"), date("2024-03-20"), FSF_ALLOCATION));
    }

    @Test
    void backDatedLoanStillNeedsTheCashThatIsInTheBoxNow() {
        // on 2024-03-01 the box held 100,000 by value date, but that money has since been lent (recorded first)
        fixture.givenCommands(plus(cedacWithCapital(100_000), loan("first loan", "sokha", 100_000, 6, "2024-06-01")))
                .when(loan("loan", "dara", 50_000, 6, "2024-03-01"))
                .expectNoEvents()
                .expectException(refusal(RefusalCode.INSUFFICIENT_CASH));
    }

    @Test
    void backDatedLoanMayUseCashRecordedWithALaterValueDate() {
        fixture.givenCommands(registerGroup(Scheme.CEDAC), member("sokha"), capital("capital", 100_000, "2024-06-01"))
                .when(loan("loan", "sokha", 100_000, 6, "2024-03-01"))
                .expectEvents(cedacLoan("sokha", Membership.MEMBER, 100_000, 200, 6, "2024-03-01"));
    }

    @Test
    void loanToUnknownBorrowerIsRefusedAsMemberNotFound() {
        fixture.givenCommands(cedacWithCapital(100_000))
                .when(loan("loan", "nobody", 50_000, 6, "2024-02-01"))
                .expectNoEvents()
                .expectException(refusal(RefusalCode.MEMBER_NOT_FOUND));
    }

    @Test
    void noLoanIsDisbursedWhileTheBooksAreBeingClosed() {
        // FSF suspends lending during a closing; the loan is dated after the closing date, so the period is open
        fixture.givenCommands(registerGroup(Scheme.FSF), member("sokha"), capital("iom", 200_000, "2024-01-02"),
                        startClosing("closing", "2024-07-01"))
                .when(loan("loan", "sokha", 50_000, 6, "2024-08-01"))
                .expectNoEvents()
                .expectException(refusal(RefusalCode.LENDING_SUSPENDED));
    }

    // ------------------------------------------------------------------------------------------ order

    @Test
    void lendingSuspendedIsNamedBeforeEveryOtherRuleOfTheRow() {
        // a non-member, in a group that does not lend to non-members, for too long, too much, with no cash
        fixture.givenCommands(registerGroup(Scheme.FSF), nonMember("dara"), startClosing("closing", "2024-07-01"))
                .when(loan("loan", "dara", 300_000, 13, "2024-08-01"))
                .expectNoEvents()
                .expectException(refusal(RefusalCode.LENDING_SUSPENDED));
    }

    @Test
    void nonMemberLendingDisabledIsNamedBeforeTermCapAndCash() {
        fixture.givenCommands(registerGroup(Scheme.FSF), nonMember("dara"))
                .when(loan("loan", "dara", 300_000, 13, "2024-02-01"))
                .expectNoEvents()
                .expectException(refusal(RefusalCode.NON_MEMBER_LENDING_DISABLED));
    }

    @Test
    void termTooLongIsNamedBeforeCapAndCash() {
        fixture.givenCommands(registerGroup(Scheme.FSF), member("sokha"))
                .when(loan("loan", "sokha", 300_000, 13, "2024-02-01"))
                .expectNoEvents()
                .expectException(refusal(RefusalCode.TERM_TOO_LONG));
    }

    @Test
    void loanLimitIsNamedBeforeCash() {
        fixture.givenCommands(registerGroup(Scheme.FSF), member("sokha"))
                .when(loan("loan", "sokha", 300_000, 12, "2024-02-01"))
                .expectNoEvents()
                .expectException(refusal(RefusalCode.LOAN_LIMIT_EXCEEDED));
    }

    @Test
    void noRateIsNamedBeforeCash() {
        fixture.givenCommands(registerGroup(Scheme.CEDAC, withMaxTermMonths(cedacDefaults(), 24)), nonMember("dara"))
                .when(loan("loan", "dara", 100_000, 13, "2024-02-01"))
                .expectNoEvents()
                .expectException(refusal(RefusalCode.NO_RATE_FOR_LOAN));
    }
}
