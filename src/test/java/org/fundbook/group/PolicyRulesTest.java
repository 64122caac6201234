package org.fundbook.group;

import org.fundbook.ledger.GroupAggregate;
import static org.fundbook.group.GroupFixtures.GROUP;
import static org.fundbook.group.GroupFixtures.PURPOSE;
import static org.fundbook.group.GroupFixtures.capital;
import static org.fundbook.group.GroupFixtures.cedacDefaults;
import static org.fundbook.group.GroupFixtures.changePolicy;
import static org.fundbook.group.GroupFixtures.contribution;
import static org.fundbook.group.GroupFixtures.date;
import static org.fundbook.group.GroupFixtures.fsfDefaults;
import static org.fundbook.group.GroupFixtures.id;
import static org.fundbook.group.GroupFixtures.loan;
import static org.fundbook.group.GroupFixtures.member;
import static org.fundbook.group.GroupFixtures.newFixture;
import static org.fundbook.group.GroupFixtures.refusal;
import static org.fundbook.group.GroupFixtures.registerGroup;
import static org.fundbook.group.GroupFixtures.repayment;
import static org.fundbook.group.GroupFixtures.withAllocation;
import static org.fundbook.group.GroupFixtures.withMemberRate;
import static org.fundbook.group.GroupFixtures.withMinInitialContribution;

import java.util.Map;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.fundbook.group.GroupEvent.ContributionRecorded;
import org.fundbook.group.GroupEvent.LoanDisbursed;
import org.fundbook.group.GroupEvent.PolicyChanged;
import org.fundbook.group.GroupEvent.RepaymentRecorded;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** "A change applies from its effective date and never to loans already disbursed" (section 2, policy). */
class PolicyRulesTest {

    private static final Policy FSF_AT_3_PERCENT = withMemberRate(fsfDefaults(), 300);

    private AggregateTestFixture<GroupAggregate> fixture;

    @BeforeEach
    void setUp() {
        fixture = newFixture();
    }

    @Test
    void policyChangeIsRecordedWithItsEffectiveDate() {
        fixture.givenCommands(registerGroup(Scheme.FSF))
                .when(changePolicy("rate 3%", "2024-06-01", FSF_AT_3_PERCENT))
                .expectEvents(new PolicyChanged(GROUP, id("rate 3%"), date("2024-06-01"), FSF_AT_3_PERCENT))
                .expectResultMessagePayload(
                        new PolicyChanged(GROUP, id("rate 3%"), date("2024-06-01"), FSF_AT_3_PERCENT));
    }

    @Test
    void policyChangeEffectiveOnThePeriodStartIsAccepted() {
        fixture.givenCommands(registerGroup(Scheme.FSF))
                .when(changePolicy("rate 3%", "2024-01-01", FSF_AT_3_PERCENT))
                .expectEvents(new PolicyChanged(GROUP, id("rate 3%"), date("2024-01-01"), FSF_AT_3_PERCENT));
    }

    @Test
    void policyChangeEffectiveBeforeThePeriodStartIsRefusedAsPeriodClosed() {
        fixture.givenCommands(registerGroup(Scheme.FSF))
                .when(changePolicy("rate 3%", "2023-12-31", FSF_AT_3_PERCENT))
                .expectNoEvents()
                .expectException(refusal(RefusalCode.PERIOD_CLOSED));
    }

    @Test
    void policyChangeWithAUsedTransactionIdIsAReusedId() {
        fixture.givenCommands(registerGroup(Scheme.FSF), changePolicy("rate 3%", "2024-06-01", FSF_AT_3_PERCENT))
                .when(changePolicy("rate 3%", "2024-07-01", fsfDefaults()))
                .expectNoEvents()
                .expectException(TransactionIdReused.class);
    }

    @Test
    void loanDisbursedOnTheEffectiveDateTakesTheNewRate() {
        fixture.givenCommands(registerGroup(Scheme.FSF), member("sokha"), capital("iom", 200_000, "2024-01-02"),
                        changePolicy("rate 3%", "2024-06-01", FSF_AT_3_PERCENT))
                .when(loan("loan", "sokha", 100_000, 6, "2024-06-01"))
                .expectEvents(new LoanDisbursed(GROUP, id("loan"), id("sokha"), Membership.MEMBER, 100_000, 300,
                        InterestMethod.FLAT, 6, PURPOSE, date("2024-06-01"), date("2024-12-01"),
                        FSF_AT_3_PERCENT.interestAllocation()));
    }

    @Test
    void loanDatedTheDayBeforeTheEffectiveDateKeepsTheOldRateThoughRecordedAfterTheChange() {
        fixture.givenCommands(registerGroup(Scheme.FSF), member("sokha"), capital("iom", 200_000, "2024-01-02"),
                        changePolicy("rate 3%", "2024-06-01", FSF_AT_3_PERCENT))
                .when(loan("loan", "sokha", 100_000, 6, "2024-05-31"))
                .expectEvents(new LoanDisbursed(GROUP, id("loan"), id("sokha"), Membership.MEMBER, 100_000, 200,
                        InterestMethod.FLAT, 6, PURPOSE, date("2024-05-31"), date("2024-11-30"),
                        fsfDefaults().interestAllocation()));
    }

    @Test
    void rateChangeNeverAppliesToALoanAlreadyDisbursedEvenWhenEffectiveBeforeIt() {
        // the loan of 2024-01-10 was disbursed at 2%; a later change back-dated to 2024-01-01 must not touch it
        fixture.givenCommands(registerGroup(Scheme.FSF), member("sokha"), capital("iom", 200_000, "2024-01-02"),
                        loan("loan", "sokha", 200_000, 12, "2024-01-10"),
                        changePolicy("rate 3%", "2024-01-01", FSF_AT_3_PERCENT))
                .when(repayment("repayment", "loan", 204_000, "2024-02-10"))
                .expectEvents(new RepaymentRecorded(GROUP, id("repayment"), id("loan"), id("sokha"), 204_000,
                        date("2024-02-10"), 4_000, 4_000, 200_000,
                        Map.of(Pool.COMMITTEE_OPERATIONS, 2_000L, Pool.PROVINCIAL_DISTRICT, 1_000L,
                                Pool.EMERGENCY_FUND, 600L, Pool.FUND_CAPITAL, 400L),
                        0, true));
    }

    @Test
    void allocationChangeNeverAppliesToTheInterestOfALoanAlreadyDisbursed() {
        Policy allToCapital = withAllocation(fsfDefaults(), Map.of(Pool.FUND_CAPITAL, 10_000));

        fixture.givenCommands(registerGroup(Scheme.FSF), member("sokha"), capital("iom", 200_000, "2024-01-02"),
                        loan("loan", "sokha", 200_000, 12, "2024-01-10"),
                        changePolicy("all to capital", "2024-02-01", allToCapital))
                .when(repayment("repayment", "loan", 4_000, "2024-02-10"))
                .expectEvents(new RepaymentRecorded(GROUP, id("repayment"), id("loan"), id("sokha"), 4_000,
                        date("2024-02-10"), 4_000, 4_000, 0,
                        Map.of(Pool.COMMITTEE_OPERATIONS, 2_000L, Pool.PROVINCIAL_DISTRICT, 1_000L,
                                Pool.EMERGENCY_FUND, 600L, Pool.FUND_CAPITAL, 400L),
                        200_000, false));
    }

    @Test
    void newMinimumFirstContributionAppliesFromItsEffectiveDate() {
        Policy minimum5000 = withMinInitialContribution(cedacDefaults(), 5_000L);

        fixture.givenCommands(registerGroup(Scheme.CEDAC), member("sokha"),
                        changePolicy("minimum 5000", "2024-06-01", minimum5000))
                .when(contribution("first", "sokha", 2_000, "2024-06-01"))
                .expectNoEvents()
                .expectException(refusal(RefusalCode.BELOW_MIN_INITIAL_CONTRIBUTION));
    }

    @Test
    void contributionDatedBeforeANewMinimumIsJudgedByTheOldOne() {
        Policy minimum5000 = withMinInitialContribution(cedacDefaults(), 5_000L);

        fixture.givenCommands(registerGroup(Scheme.CEDAC), member("sokha"),
                        changePolicy("minimum 5000", "2024-06-01", minimum5000))
                .when(contribution("first", "sokha", 2_000, "2024-05-31"))
                .expectEvents(new ContributionRecorded(GROUP, id("first"), id("sokha"), 2_000, date("2024-05-31"),
                        2_000));
    }

    @Test
    void ofTwoChangesEffectiveTheSameDayTheOneRecordedLaterApplies() {
        fixture.givenCommands(registerGroup(Scheme.FSF), member("sokha"), capital("iom", 200_000, "2024-01-02"),
                        changePolicy("rate 3%", "2024-06-01", FSF_AT_3_PERCENT),
                        changePolicy("rate 2.5%", "2024-06-01", withMemberRate(fsfDefaults(), 250)))
                .when(loan("loan", "sokha", 100_000, 6, "2024-06-15"))
                .expectEvents(new LoanDisbursed(GROUP, id("loan"), id("sokha"), Membership.MEMBER, 100_000, 250,
                        InterestMethod.FLAT, 6, PURPOSE, date("2024-06-15"), date("2024-12-15"),
                        fsfDefaults().interestAllocation()));
    }
}
