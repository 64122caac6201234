package org.fundbook.lending;

import org.fundbook.group.Pool;
import org.fundbook.group.RefusalCode;
import org.fundbook.group.Scheme;
import org.fundbook.lending.LendingRules;
import org.fundbook.ledger.GroupAggregate;
import static org.fundbook.group.GroupFixtures.GROUP;
import static org.fundbook.group.GroupFixtures.capital;
import static org.fundbook.group.GroupFixtures.date;
import static org.fundbook.group.GroupFixtures.fsfLoanOf200000;
import static org.fundbook.group.GroupFixtures.fsfLoanRepaidWithInterest;
import static org.fundbook.group.GroupFixtures.id;
import static org.fundbook.group.GroupFixtures.loan;
import static org.fundbook.group.GroupFixtures.member;
import static org.fundbook.group.GroupFixtures.newFixture;
import static org.fundbook.group.GroupFixtures.plus;
import static org.fundbook.group.GroupFixtures.refusal;
import static org.fundbook.group.GroupFixtures.registerGroup;
import static org.fundbook.group.GroupFixtures.repayment;
import static org.fundbook.group.GroupFixtures.reversal;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.fundbook.group.GroupEvent.RepaymentRecorded;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Section 5, loan repayment (cash +(i+p), outstanding −p, pools +split(i)) and the worked examples of section 6.
 */
class RepaymentRulesTest {

    private static final Map<Pool, Integer> FSF_SHARES = Map.of(Pool.COMMITTEE_OPERATIONS, 5000,
            Pool.PROVINCIAL_DISTRICT, 2500, Pool.EMERGENCY_FUND, 1500, Pool.FUND_CAPITAL, 1000);

    private AggregateTestFixture<GroupAggregate> fixture;

    @BeforeEach
    void setUp() {
        fixture = newFixture();
    }

    private static Map<Pool, Long> fsfSplit(long committee, long provincial, long emergency, long capital) {
        return Map.of(Pool.COMMITTEE_OPERATIONS, committee, Pool.PROVINCIAL_DISTRICT, provincial,
                Pool.EMERGENCY_FUND, emergency, Pool.FUND_CAPITAL, capital);
    }

    private static RepaymentRecorded fsfRepayment(long amount, String on, long due, long interest, long principal,
                                                  Map<Pool, Long> allocation, long outstandingAfter) {
        return new RepaymentRecorded(GROUP, id("repayment"), id("loan"), id("sokha"), amount, date(on), due,
                interest, principal, allocation, outstandingAfter, outstandingAfter == 0);
    }

    // ------------------------------------------------------------------------------------------ worked examples

    @Test
    void fsfLoanRepaidAfterOneMonthPaysFourThousandSplitFiftyTwentyFiveFifteenTen() {
        fixture.givenCommands(fsfLoanOf200000())
                .when(repayment("repayment", "loan", 204_000, "2024-02-10"))
                .expectEvents(fsfRepayment(204_000, "2024-02-10", 4_000, 4_000, 200_000,
                        fsfSplit(2_000, 1_000, 600, 400), 0))
                .expectResultMessagePayload(fsfRepayment(204_000, "2024-02-10", 4_000, 4_000, 200_000,
                        fsfSplit(2_000, 1_000, 600, 400), 0));
    }

    @Test
    void oneDayIntoTheSecondMonthTheInterestDueIsEightThousand() {
        fixture.givenCommands(fsfLoanOf200000())
                .when(repayment("repayment", "loan", 204_000, "2024-02-11"))
                .expectEvents(fsfRepayment(204_000, "2024-02-11", 8_000, 8_000, 196_000,
                        fsfSplit(4_000, 2_000, 1_200, 800), 4_000));
    }

    @Test
    void fsfLoanRepaidOneDayIntoTheSecondMonthCosts208000() {
        fixture.givenCommands(fsfLoanOf200000())
                .when(repayment("repayment", "loan", 208_000, "2024-02-11"))
                .expectEvents(fsfRepayment(208_000, "2024-02-11", 8_000, 8_000, 200_000,
                        fsfSplit(4_000, 2_000, 1_200, 800), 0));
    }

    @Test
    void cedacDecliningLoanFirstRepaymentPaysTwoThousandInterestAndFiftyThousandPrincipal() {
        fixture.givenCommands(registerGroup(Scheme.CEDAC), member("sokha"),
                        capital("capital", 100_000, "2024-02-01"), loan("loan", "sokha", 100_000, 2, "2024-03-01"))
                .when(repayment("april", "loan", 52_000, "2024-04-01"))
                .expectEvents(new RepaymentRecorded(GROUP, id("april"), id("loan"), id("sokha"), 52_000,
                        date("2024-04-01"), 2_000, 2_000, 50_000, Map.of(Pool.PREMIUM, 2_000L), 50_000, false));
    }

    @Test
    void cedacDecliningLoanSecondMonthChargesOnlyOnTheFiftyThousandLeftAndRepaysIt() {
        fixture.givenCommands(registerGroup(Scheme.CEDAC), member("sokha"),
                        capital("capital", 100_000, "2024-02-01"), loan("loan", "sokha", 100_000, 2, "2024-03-01"),
                        repayment("april", "loan", 52_000, "2024-04-01"))
                .when(repayment("may", "loan", 51_000, "2024-05-01"))
                .expectEvents(new RepaymentRecorded(GROUP, id("may"), id("loan"), id("sokha"), 51_000,
                        date("2024-05-01"), 1_000, 1_000, 50_000, Map.of(Pool.PREMIUM, 1_000L), 0, true));
    }

    @Test
    void interestOf3010SplitsItsLeftOverRielToTheEmergencyFundByPoolOrder() {
        // 150,500 riel at 2% flat: one month of interest is exactly 3,010
        fixture.givenCommands(registerGroup(Scheme.FSF), member("sokha"), capital("iom", 200_000, "2024-01-02"),
                        loan("loan", "sokha", 150_500, 12, "2024-01-10"))
                .when(repayment("repayment", "loan", 3_010, "2024-02-10"))
                .expectEvents(fsfRepayment(3_010, "2024-02-10", 3_010, 3_010, 0,
                        fsfSplit(1_505, 752, 452, 301), 150_500));
    }

    @Test
    void allocateGivesTheTieOf3010ToTheEarlierPool() {
        Map<Pool, Long> split = LendingRules.allocate(3_010, FSF_SHARES);

        assertEquals(fsfSplit(1_505, 752, 452, 301), split);
        // and in pool order, whatever order the shares came in
        assertEquals(List.of(Pool.FUND_CAPITAL, Pool.EMERGENCY_FUND, Pool.COMMITTEE_OPERATIONS,
                Pool.PROVINCIAL_DISTRICT), List.copyOf(split.keySet()));
    }

    @Test
    void allocateOfNoInterestIsEmpty() {
        assertTrue(LendingRules.allocate(0, FSF_SHARES).isEmpty());
    }

    @Test
    void allocateGivesAnEvenTieToTheFirstPoolInPoolOrder() {
        assertEquals(Map.of(Pool.FUND_CAPITAL, 1L),
                LendingRules.allocate(1, Map.of(Pool.PREMIUM, 5000, Pool.FUND_CAPITAL, 5000)));
        assertEquals(Map.of(Pool.EMERGENCY_FUND, 1L),
                LendingRules.allocate(1, Map.of(Pool.PROVINCIAL_DISTRICT, 5000, Pool.EMERGENCY_FUND, 5000)));
    }

    // ------------------------------------------------------------------------------------------ interest first

    @Test
    void repaymentSmallerThanTheInterestDueIsAllInterest() {
        fixture.givenCommands(fsfLoanOf200000())
                .when(repayment("repayment", "loan", 3_000, "2024-02-10"))
                .expectEvents(fsfRepayment(3_000, "2024-02-10", 4_000, 3_000, 0,
                        fsfSplit(1_500, 750, 450, 300), 200_000));
    }

    @Test
    void interestAlreadyPaidIsNotChargedAgain() {
        fixture.givenCommands(plus(fsfLoanOf200000(), repayment("interest", "loan", 4_000, "2024-02-01")))
                .when(repayment("repayment", "loan", 200_000, "2024-02-10"))
                .expectEvents(fsfRepayment(200_000, "2024-02-10", 0, 0, 200_000, Map.of(), 0));
    }

    // ------------------------------------------------------------------------------------------ refusals

    @Test
    void repaymentAboveInterestDuePlusOutstandingPrincipalIsAnOverpayment() {
        fixture.givenCommands(fsfLoanOf200000())
                .when(repayment("repayment", "loan", 204_001, "2024-02-10"))
                .expectNoEvents()
                .expectException(refusal(RefusalCode.OVERPAYMENT));
    }

    @Test
    void repaymentOfARepaidLoanIsRefused() {
        fixture.givenCommands(fsfLoanRepaidWithInterest())
                .when(repayment("again", "loan", 1_000, "2024-03-10"))
                .expectNoEvents()
                .expectException(refusal(RefusalCode.LOAN_ALREADY_REPAID));
    }

    @Test
    void repaymentOfAnUnknownLoanIsRefusedAsLoanNotFound() {
        fixture.givenCommands(fsfLoanOf200000())
                .when(repayment("repayment", "no such loan", 1_000, "2024-02-10"))
                .expectNoEvents()
                .expectException(refusal(RefusalCode.LOAN_NOT_FOUND));
    }

    @Test
    void repaymentOfAReversedLoanIsRefusedAsLoanNotFound() {
        fixture.givenCommands(plus(fsfLoanOf200000(), reversal("undo loan", "loan", "2024-01-11")))
                .when(repayment("repayment", "loan", 1_000, "2024-02-10"))
                .expectNoEvents()
                .expectException(refusal(RefusalCode.LOAN_NOT_FOUND));
    }

    @Test
    void repaymentNamingACapitalReceiptIsRefusedAsLoanNotFound() {
        fixture.givenCommands(fsfLoanOf200000())
                .when(repayment("repayment", "iom", 1_000, "2024-02-10"))
                .expectNoEvents()
                .expectException(refusal(RefusalCode.LOAN_NOT_FOUND));
    }
}
