package org.fundbook.group;

import org.fundbook.ledger.GroupAggregate;
import static org.fundbook.group.GroupFixtures.GROUP;
import static org.fundbook.group.GroupFixtures.TODAY;
import static org.fundbook.group.GroupFixtures.capital;
import static org.fundbook.group.GroupFixtures.cashCount;
import static org.fundbook.group.GroupFixtures.changePolicy;
import static org.fundbook.group.GroupFixtures.contribution;
import static org.fundbook.group.GroupFixtures.date;
import static org.fundbook.group.GroupFixtures.fsfDefaults;
import static org.fundbook.group.GroupFixtures.fsfLoanOf200000;
import static org.fundbook.group.GroupFixtures.fsfLoanRepaidWithInterest;
import static org.fundbook.group.GroupFixtures.grant;
import static org.fundbook.group.GroupFixtures.id;
import static org.fundbook.group.GroupFixtures.loan;
import static org.fundbook.group.GroupFixtures.member;
import static org.fundbook.group.GroupFixtures.newFixture;
import static org.fundbook.group.GroupFixtures.payout;
import static org.fundbook.group.GroupFixtures.plus;
import static org.fundbook.group.GroupFixtures.recovery;
import static org.fundbook.group.GroupFixtures.refusal;
import static org.fundbook.group.GroupFixtures.registerGroup;
import static org.fundbook.group.GroupFixtures.repayment;
import static org.fundbook.group.GroupFixtures.reversal;
import static org.fundbook.group.GroupFixtures.startClosing;
import static org.fundbook.group.GroupFixtures.withMemberRate;
import static org.fundbook.group.GroupFixtures.withdrawal;

import java.util.Map;
import java.util.UUID;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.fundbook.group.GroupCommand.ReverseTransaction;
import org.fundbook.group.GroupEvent.GrantRecoveryRecorded;
import org.fundbook.group.GroupEvent.RepaymentRecorded;
import org.fundbook.group.GroupEvent.TransactionReversed;
import org.fundbook.group.GroupEvent.WithdrawalRecorded;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Section 5, reversal of transaction T: the exact inverse of T; refused when T is already reversed
 * ({@code ALREADY_REVERSED}), or T is a closing, a reversal or a registration, a loan with repayments, a repayment
 * that is not its loan's latest, or the inverse would break a rule ({@code NOT_REVERSIBLE}).
 */
class ReversalRulesTest {

    private static final String ON = "2024-06-30";

    private AggregateTestFixture<GroupAggregate> fixture;

    @BeforeEach
    void setUp() {
        fixture = newFixture();
    }

    private static TransactionReversed reversed(String target, TransactionKind kind, long cash, long loanPrincipal,
                                                UUID memberId, long savings, Map<Pool, Long> pools) {
        return new TransactionReversed(GROUP, id("reversal"), id(target), kind, "entered in error", date(ON), cash,
                loanPrincipal, memberId, savings, pools);
    }

    private static ReverseTransaction reverse(String target) {
        return reversal("reversal", target, ON);
    }

    // ------------------------------------------------------------------------------------------ exact inverses

    @Test
    void reversedCapitalLeavesTheBoxAndTheFundCapital() {
        fixture.givenCommands(registerGroup(Scheme.FSF), capital("iom", 120_000, "2024-01-02"))
                .when(reverse("iom"))
                .expectEvents(reversed("iom", TransactionKind.CAPITAL, -120_000, 0, null, 0,
                        Map.of(Pool.FUND_CAPITAL, -120_000L)))
                .expectResultMessagePayload(reversed("iom", TransactionKind.CAPITAL, -120_000, 0, null, 0,
                        Map.of(Pool.FUND_CAPITAL, -120_000L)));
    }

    @Test
    void reversedContributionLeavesTheBoxAndTheMembersSavings() {
        fixture.givenCommands(registerGroup(Scheme.CEDAC), member("sokha"),
                        contribution("saving", "sokha", 5_000, "2024-01-05"))
                .when(reverse("saving"))
                .expectEvents(reversed("saving", TransactionKind.CONTRIBUTION, -5_000, 0, id("sokha"), -5_000,
                        Map.of()));
    }

    @Test
    void reversedWithdrawalReturnsToTheBoxAndTheMembersSavings() {
        fixture.givenCommands(registerGroup(Scheme.CEDAC), member("sokha"),
                        contribution("saving", "sokha", 5_000, "2024-01-05"),
                        withdrawal("withdrawal", "sokha", 2_000, "2024-02-05"))
                .when(reverse("withdrawal"))
                .expectEvents(reversed("withdrawal", TransactionKind.WITHDRAWAL, 2_000, 0, id("sokha"), 2_000,
                        Map.of()));
    }

    @Test
    void reversedLoanReturnsItsPrincipalToTheBox() {
        fixture.givenCommands(fsfLoanOf200000())
                .when(reverse("loan"))
                .expectEvents(reversed("loan", TransactionKind.LOAN_DISBURSEMENT, 200_000, -200_000, null, 0,
                        Map.of()));
    }

    @Test
    void reversedRepaymentTakesBackItsCashPrincipalAndInterestShares() {
        fixture.givenCommands(fsfLoanRepaidWithInterest())
                .when(reverse("repayment"))
                .expectEvents(reversed("repayment", TransactionKind.REPAYMENT, -204_000, 200_000, null, 0,
                        Map.of(Pool.COMMITTEE_OPERATIONS, -2_000L, Pool.PROVINCIAL_DISTRICT, -1_000L,
                                Pool.EMERGENCY_FUND, -600L, Pool.FUND_CAPITAL, -400L)));
    }

    @Test
    void reversedGrantReturnsToTheEmergencyFund() {
        fixture.givenCommands(plus(fsfLoanRepaidWithInterest(), grant("grant", "sokha", 500, true, "2024-03-01")))
                .when(reverse("grant"))
                .expectEvents(reversed("grant", TransactionKind.EMERGENCY_GRANT, 500, 0, null, 0,
                        Map.of(Pool.EMERGENCY_FUND, 500L)));
    }

    @Test
    void reversedRecoveryLeavesTheEmergencyFund() {
        fixture.givenCommands(plus(fsfLoanRepaidWithInterest(), grant("grant", "sokha", 500, true, "2024-03-01"),
                        recovery("recovery", "grant", 200, "2024-05-01")))
                .when(reverse("recovery"))
                .expectEvents(reversed("recovery", TransactionKind.GRANT_RECOVERY, -200, 0, null, 0,
                        Map.of(Pool.EMERGENCY_FUND, -200L)));
    }

    @Test
    void reversedPayoutReturnsToItsPool() {
        fixture.givenCommands(plus(fsfLoanRepaidWithInterest(),
                        payout("committee", Pool.COMMITTEE_OPERATIONS, 2_000, "2024-03-31")))
                .when(reverse("committee"))
                .expectEvents(reversed("committee", TransactionKind.POOL_PAYOUT, 2_000, 0, null, 0,
                        Map.of(Pool.COMMITTEE_OPERATIONS, 2_000L)));
    }

    @Test
    void reversedCashCountChangesNothing() {
        fixture.givenCommands(plus(fsfLoanRepaidWithInterest(), cashCount("count", 203_500, "2024-02-28")))
                .when(reverse("count"))
                .expectEvents(reversed("count", TransactionKind.CASH_COUNT, 0, 0, null, 0, Map.of()));
    }

    // ------------------------------------------------------------------------------------------ state after

    @Test
    void reversedContributionIsNoLongerSavings() {
        fixture.givenCommands(registerGroup(Scheme.CEDAC), member("sokha"),
                        contribution("first", "sokha", 5_000, "2024-01-05"),
                        contribution("saving", "sokha", 5_000, "2024-01-06"), reverse("saving"))
                .when(withdrawal("withdrawal", "sokha", 5_001, "2024-07-01"))
                .expectNoEvents()
                .expectException(refusal(RefusalCode.INSUFFICIENT_SAVINGS));
    }

    @Test
    void borrowerOfAReversedLoanHasNoLoanOutstanding() {
        fixture.givenCommands(registerGroup(Scheme.FSF), member("sokha"), capital("iom", 100_000, "2024-01-02"),
                        contribution("saving", "sokha", 5_000, "2024-01-05"),
                        loan("loan", "sokha", 50_000, 6, "2024-01-10"), reverse("loan"))
                .when(withdrawal("withdrawal", "sokha", 5_000, "2024-07-01"))
                .expectEvents(new WithdrawalRecorded(GROUP, id("withdrawal"), id("sokha"), 5_000, date("2024-07-01"),
                        0));
    }

    @Test
    void loanWhoseRepaymentWasReversedIsOwedAgain() {
        fixture.givenCommands(plus(fsfLoanRepaidWithInterest(), reverse("repayment")))
                .when(repayment("again", "loan", 204_000, "2024-02-10"))
                .expectEvents(new RepaymentRecorded(GROUP, id("again"), id("loan"), id("sokha"), 204_000,
                        date("2024-02-10"), 4_000, 4_000, 200_000,
                        Map.of(Pool.COMMITTEE_OPERATIONS, 2_000L, Pool.PROVINCIAL_DISTRICT, 1_000L,
                                Pool.EMERGENCY_FUND, 600L, Pool.FUND_CAPITAL, 400L),
                        0, true));
    }

    @Test
    void reversedRecoveryMayBeRecoveredAgain() {
        fixture.givenCommands(plus(fsfLoanRepaidWithInterest(), grant("grant", "sokha", 500, true, "2024-03-01"),
                        recovery("recovery", "grant", 500, "2024-05-01"), reverse("recovery")))
                .when(recovery("again", "grant", 500, "2024-07-01"))
                .expectEvents(new GrantRecoveryRecorded(GROUP, id("again"), id("grant"), 500, date("2024-07-01"),
                        0));
    }

    @Test
    void onceTheLatestRepaymentIsReversedTheOneBeforeIsTheLatest() {
        fixture.givenCommands(plus(fsfLoanOf200000(), repayment("first", "loan", 4_000, "2024-02-10"),
                        repayment("second", "loan", 50_000, "2024-03-10"), reversal("undo second", "second", ON)))
                .when(reverse("first"))
                .expectEvents(reversed("first", TransactionKind.REPAYMENT, -4_000, 0, null, 0,
                        Map.of(Pool.COMMITTEE_OPERATIONS, -2_000L, Pool.PROVINCIAL_DISTRICT, -1_000L,
                                Pool.EMERGENCY_FUND, -600L, Pool.FUND_CAPITAL, -400L)));
    }

    @Test
    void loanWhoseOnlyRepaymentWasReversedMayBeReversed() {
        fixture.givenCommands(plus(fsfLoanOf200000(), repayment("first", "loan", 4_000, "2024-02-10"),
                        reversal("undo first", "first", ON)))
                .when(reverse("loan"))
                .expectEvents(reversed("loan", TransactionKind.LOAN_DISBURSEMENT, 200_000, -200_000, null, 0,
                        Map.of()));
    }

    @Test
    void grantWhoseOnlyRecoveryWasReversedMayBeReversed() {
        fixture.givenCommands(plus(fsfLoanRepaidWithInterest(), grant("grant", "sokha", 500, true, "2024-03-01"),
                        recovery("recovery", "grant", 200, "2024-05-01"), reversal("undo recovery", "recovery", ON)))
                .when(reverse("grant"))
                .expectEvents(reversed("grant", TransactionKind.EMERGENCY_GRANT, 500, 0, null, 0,
                        Map.of(Pool.EMERGENCY_FUND, 500L)));
    }

    // ------------------------------------------------------------------------------------------ refusals

    @Test
    void transactionReversedTwiceIsAlreadyReversed() {
        fixture.givenCommands(registerGroup(Scheme.FSF), capital("iom", 120_000, "2024-01-02"),
                        reversal("first reversal", "iom", ON))
                .when(reverse("iom"))
                .expectNoEvents()
                .expectException(refusal(RefusalCode.ALREADY_REVERSED));
    }

    @Test
    void alreadyReversedIsNamedBeforeNotReversible() {
        // "second" is reversed, and, being out of the loan's repayments, is no longer its latest either
        fixture.givenCommands(plus(fsfLoanOf200000(), repayment("first", "loan", 4_000, "2024-02-10"),
                        repayment("second", "loan", 50_000, "2024-03-10"), reversal("undo second", "second", ON)))
                .when(reverse("second"))
                .expectNoEvents()
                .expectException(refusal(RefusalCode.ALREADY_REVERSED));
    }

    @Test
    void memberRegistrationIsNotReversible() {
        fixture.givenCommands(registerGroup(Scheme.CEDAC), member("sokha"))
                .when(reverse("sokha"))
                .expectNoEvents()
                .expectException(refusal(RefusalCode.NOT_REVERSIBLE));
    }

    @Test
    void policyChangeIsNotReversible() {
        fixture.givenCommands(registerGroup(Scheme.FSF),
                        changePolicy("rate 3%", "2024-06-01", withMemberRate(fsfDefaults(), 300)))
                .when(reverse("rate 3%"))
                .expectNoEvents()
                .expectException(refusal(RefusalCode.NOT_REVERSIBLE));
    }

    @Test
    void reversalIsNotReversible() {
        fixture.givenCommands(registerGroup(Scheme.FSF), capital("iom", 120_000, "2024-01-02"),
                        reversal("first reversal", "iom", ON))
                .when(reverse("first reversal"))
                .expectNoEvents()
                .expectException(refusal(RefusalCode.NOT_REVERSIBLE));
    }

    @Test
    void closingIsNotReversible() {
        fixture.givenCommands(registerGroup(Scheme.FSF), capital("iom", 120_000, "2024-01-02"),
                        startClosing("closing", "2024-07-01"))
                .when(reversal("reversal", "closing", "2024-08-01"))
                .expectNoEvents()
                .expectException(refusal(RefusalCode.NOT_REVERSIBLE));
    }

    @Test
    void loanWithRepaymentsIsNotReversible() {
        fixture.givenCommands(plus(fsfLoanOf200000(), repayment("interest", "loan", 4_000, "2024-02-10")))
                .when(reverse("loan"))
                .expectNoEvents()
                .expectException(refusal(RefusalCode.NOT_REVERSIBLE));
    }

    @Test
    void repaymentThatIsNotItsLoansLatestIsNotReversible() {
        fixture.givenCommands(plus(fsfLoanOf200000(), repayment("first", "loan", 4_000, "2024-02-10"),
                        repayment("second", "loan", 50_000, "2024-03-10")))
                .when(reverse("first"))
                .expectNoEvents()
                .expectException(refusal(RefusalCode.NOT_REVERSIBLE));
    }

    @Test
    void grantWithRecoveriesIsNotReversible() {
        fixture.givenCommands(plus(fsfLoanRepaidWithInterest(), grant("grant", "sokha", 500, true, "2024-03-01"),
                        recovery("recovery", "grant", 200, "2024-05-01")))
                .when(reverse("grant"))
                .expectNoEvents()
                .expectException(refusal(RefusalCode.NOT_REVERSIBLE));
    }

    @Test
    void contributionWhoseSavingsWereWithdrawnIsNotReversible() {
        fixture.givenCommands(registerGroup(Scheme.CEDAC), member("sokha"),
                        contribution("saving", "sokha", 5_000, "2024-01-05"),
                        withdrawal("withdrawal", "sokha", 1, "2024-02-05"))
                .when(reverse("saving"))
                .expectNoEvents()
                .expectException(refusal(RefusalCode.NOT_REVERSIBLE));
    }

    @Test
    void contributionWhoseCashWasLentIsNotReversible() {
        fixture.givenCommands(registerGroup(Scheme.FSF), member("sokha"), member("srey"),
                        contribution("saving", "sokha", 5_000, "2024-01-05"),
                        loan("loan", "srey", 5_000, 6, "2024-01-10"))
                .when(reverse("saving"))
                .expectNoEvents()
                .expectException(refusal(RefusalCode.NOT_REVERSIBLE));
    }

    @Test
    void capitalAlreadyLentOutIsNotReversible() {
        fixture.givenCommands(fsfLoanOf200000())
                .when(reverse("iom"))
                .expectNoEvents()
                .expectException(refusal(RefusalCode.NOT_REVERSIBLE));
    }

    @Test
    void capitalWhoseReversalWouldLeaveTheEarmarkedPoolsWithoutTheirCashIsNotReversible() {
        // after the repaid loan: cash 204,000, earmarked 3,600. Capital 1,000 more, then loans of 200,000 and
        // 1,000: cash 4,000. Taking the 1,000 back would leave 3,000 in a box that must hold 3,600.
        fixture.givenCommands(plus(fsfLoanRepaidWithInterest(), member("srey"),
                        capital("second capital", 1_000, "2024-03-01"),
                        loan("second loan", "sokha", 200_000, 12, "2024-03-02"),
                        loan("third loan", "srey", 1_000, 12, "2024-03-03")))
                .when(reverse("second capital"))
                .expectNoEvents()
                .expectException(refusal(RefusalCode.NOT_REVERSIBLE));
    }

    @Test
    void repaymentWhoseInterestShareWasPaidOutIsNotReversible() {
        fixture.givenCommands(plus(fsfLoanRepaidWithInterest(),
                        payout("committee", Pool.COMMITTEE_OPERATIONS, 2_000, "2024-03-31")))
                .when(reverse("repayment"))
                .expectNoEvents()
                .expectException(refusal(RefusalCode.NOT_REVERSIBLE));
    }

    @Test
    void recoveryWhoseMoneyWasGrantedAgainIsNotReversible() {
        fixture.givenCommands(plus(fsfLoanRepaidWithInterest(), grant("grant", "sokha", 600, true, "2024-03-01"),
                        recovery("recovery", "grant", 300, "2024-05-01"),
                        grant("second grant", "sokha", 300, false, "2024-05-02")))
                .when(reverse("recovery"))
                .expectNoEvents()
                .expectException(refusal(RefusalCode.NOT_REVERSIBLE));
    }

    @Test
    void unknownTransactionIsRefusedAsTransactionNotFound() {
        fixture.givenCommands(registerGroup(Scheme.FSF), capital("iom", 120_000, "2024-01-02"))
                .when(reverse("no such transaction"))
                .expectNoEvents()
                .expectException(refusal(RefusalCode.TRANSACTION_NOT_FOUND));
    }

    @Test
    void groupRegistrationIsNotReversible() {
        fixture.givenCommands(registerGroup(Scheme.FSF))
                .when(new ReverseTransaction(GROUP, id("reversal"), GROUP, "entered in error", date(ON), TODAY))
                .expectNoEvents()
                .expectException(refusal(RefusalCode.NOT_REVERSIBLE));
    }

    @Test
    void reversalReusingTheReversedTransactionsIdIsAReusedId() {
        fixture.givenCommands(registerGroup(Scheme.FSF), capital("iom", 120_000, "2024-01-02"))
                .when(reversal("iom", "iom", ON))
                .expectNoEvents()
                .expectException(TransactionIdReused.class);
    }
}
