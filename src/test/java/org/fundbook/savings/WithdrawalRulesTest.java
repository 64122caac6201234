package org.fundbook.savings;

import org.fundbook.group.Policy;
import org.fundbook.group.Pool;
import org.fundbook.group.RefusalCode;
import org.fundbook.group.Scheme;
import org.fundbook.ledger.GroupAggregate;
import static org.fundbook.group.GroupFixtures.GROUP;
import static org.fundbook.group.GroupFixtures.capital;
import static org.fundbook.group.GroupFixtures.contribution;
import static org.fundbook.group.GroupFixtures.date;
import static org.fundbook.group.GroupFixtures.fsfDefaults;
import static org.fundbook.group.GroupFixtures.id;
import static org.fundbook.group.GroupFixtures.loan;
import static org.fundbook.group.GroupFixtures.member;
import static org.fundbook.group.GroupFixtures.newFixture;
import static org.fundbook.group.GroupFixtures.nonMember;
import static org.fundbook.group.GroupFixtures.refusal;
import static org.fundbook.group.GroupFixtures.registerGroup;
import static org.fundbook.group.GroupFixtures.repayment;
import static org.fundbook.group.GroupFixtures.withAllocation;
import static org.fundbook.group.GroupFixtures.withdrawal;

import java.util.Map;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.fundbook.group.GroupEvent.WithdrawalRecorded;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Section 5, savings withdrawal: cash −a, savings[m] −a; refused when a > savings[m] ({@code INSUFFICIENT_SAVINGS}),
 * a > lendable cash ({@code INSUFFICIENT_CASH}), the member has a loan outstanding ({@code LOAN_OUTSTANDING}), in
 * that order.
 */
class WithdrawalRulesTest {

    private AggregateTestFixture<GroupAggregate> fixture;

    @BeforeEach
    void setUp() {
        fixture = newFixture();
    }

    @Test
    void withdrawalWithinSavingsAndCashIsRecordedWithTheSavingsAfterIt() {
        fixture.givenCommands(registerGroup(Scheme.CEDAC), member("sokha"),
                        contribution("saving", "sokha", 10_000, "2024-01-05"))
                .when(withdrawal("withdrawal", "sokha", 4_000, "2024-03-01"))
                .expectEvents(new WithdrawalRecorded(GROUP, id("withdrawal"), id("sokha"), 4_000,
                        date("2024-03-01"), 6_000))
                .expectResultMessagePayload(new WithdrawalRecorded(GROUP, id("withdrawal"), id("sokha"), 4_000,
                        date("2024-03-01"), 6_000));
    }

    @Test
    void memberMayWithdrawAllTheirSavings() {
        fixture.givenCommands(registerGroup(Scheme.CEDAC), member("sokha"),
                        contribution("saving", "sokha", 10_000, "2024-01-05"))
                .when(withdrawal("withdrawal", "sokha", 10_000, "2024-03-01"))
                .expectEvents(new WithdrawalRecorded(GROUP, id("withdrawal"), id("sokha"), 10_000,
                        date("2024-03-01"), 0));
    }

    @Test
    void withdrawalAboveTheMembersSavingsIsRefused() {
        // the box holds enough (capital), but not of this member's savings
        fixture.givenCommands(registerGroup(Scheme.CEDAC), member("sokha"), capital("iom", 100_000, "2024-01-02"),
                        contribution("saving", "sokha", 10_000, "2024-01-05"))
                .when(withdrawal("withdrawal", "sokha", 10_001, "2024-03-01"))
                .expectNoEvents()
                .expectException(refusal(RefusalCode.INSUFFICIENT_SAVINGS));
    }

    @Test
    void nonMemberHasNoSavingsToWithdraw() {
        fixture.givenCommands(registerGroup(Scheme.CEDAC), nonMember("dara"), capital("iom", 100_000, "2024-01-02"))
                .when(withdrawal("withdrawal", "dara", 1, "2024-03-01"))
                .expectNoEvents()
                .expectException(refusal(RefusalCode.INSUFFICIENT_SAVINGS));
    }

    @Test
    void savingsLentToAnotherMemberCannotBeWithdrawn() {
        fixture.givenCommands(registerGroup(Scheme.FSF), member("sokha"), member("srey"),
                        contribution("saving", "sokha", 10_000, "2024-01-05"),
                        loan("loan", "srey", 8_000, 6, "2024-01-10"))
                .when(withdrawal("withdrawal", "sokha", 2_001, "2024-01-20"))
                .expectNoEvents()
                .expectException(refusal(RefusalCode.INSUFFICIENT_CASH));
    }

    @Test
    void savingsNotLentOutMayBeWithdrawn() {
        fixture.givenCommands(registerGroup(Scheme.FSF), member("sokha"), member("srey"),
                        contribution("saving", "sokha", 10_000, "2024-01-05"),
                        loan("loan", "srey", 8_000, 6, "2024-01-10"))
                .when(withdrawal("withdrawal", "sokha", 2_000, "2024-01-20"))
                .expectEvents(new WithdrawalRecorded(GROUP, id("withdrawal"), id("sokha"), 2_000,
                        date("2024-01-20"), 8_000));
    }

    @Test
    void cashHeldByTheEmergencyFundIsNotPaidOutAsSavings() {
        // all interest goes to the Emergency Fund: the 200 riel in the box are earmarked, lendable cash is 0
        Policy interestToEmergencyFund = withAllocation(fsfDefaults(), Map.of(Pool.EMERGENCY_FUND, 10_000));

        fixture.givenCommands(registerGroup(Scheme.FSF, interestToEmergencyFund), member("sokha"), member("srey"),
                        contribution("saving", "sokha", 10_000, "2024-01-05"),
                        loan("loan", "srey", 10_000, 12, "2024-01-10"),
                        repayment("interest", "loan", 200, "2024-02-10"))
                .when(withdrawal("withdrawal", "sokha", 1, "2024-02-20"))
                .expectNoEvents()
                .expectException(refusal(RefusalCode.INSUFFICIENT_CASH));
    }

    @Test
    void earmarkedPoolsKeepTheirCashButTheRestMayBeWithdrawn() {
        // FSF split of 200 riel interest: COMMITTEE 100, PROVINCIAL 50, EMERGENCY 30 earmarked; FUND_CAPITAL 20 not
        Object[] history = {registerGroup(Scheme.FSF), member("sokha"), member("srey"),
                contribution("saving", "sokha", 10_000, "2024-01-05"),
                loan("loan", "srey", 10_000, 12, "2024-01-10"),
                repayment("interest", "loan", 200, "2024-02-10")};

        fixture.givenCommands(history)
                .when(withdrawal("withdrawal", "sokha", 20, "2024-02-20"))
                .expectEvents(new WithdrawalRecorded(GROUP, id("withdrawal"), id("sokha"), 20, date("2024-02-20"),
                        9_980));
        fixture.givenCommands(history)
                .when(withdrawal("withdrawal", "sokha", 21, "2024-02-20"))
                .expectNoEvents()
                .expectException(refusal(RefusalCode.INSUFFICIENT_CASH));
    }

    @Test
    void memberWithALoanOutstandingCannotWithdraw() {
        fixture.givenCommands(registerGroup(Scheme.FSF), member("sokha"), capital("iom", 100_000, "2024-01-02"),
                        contribution("saving", "sokha", 10_000, "2024-01-05"),
                        loan("loan", "sokha", 5_000, 6, "2024-01-10"))
                .when(withdrawal("withdrawal", "sokha", 1_000, "2024-01-20"))
                .expectNoEvents()
                .expectException(refusal(RefusalCode.LOAN_OUTSTANDING));
    }

    @Test
    void memberWhoseLoanIsRepaidMayWithdrawAgain() {
        fixture.givenCommands(registerGroup(Scheme.FSF), member("sokha"), capital("iom", 100_000, "2024-01-02"),
                        contribution("saving", "sokha", 10_000, "2024-01-05"),
                        loan("loan", "sokha", 5_000, 6, "2024-01-10"),
                        repayment("repaid", "loan", 5_100, "2024-02-10"))
                .when(withdrawal("withdrawal", "sokha", 1_000, "2024-02-20"))
                .expectEvents(new WithdrawalRecorded(GROUP, id("withdrawal"), id("sokha"), 1_000,
                        date("2024-02-20"), 9_000));
    }

    @Test
    void aboveSavingsIsNamedBeforeShortCashAndLoanOutstanding() {
        // all three rules refuse: savings 10,000 < 20,000; cash 0; a loan outstanding
        fixture.givenCommands(registerGroup(Scheme.FSF), member("sokha"),
                        contribution("saving", "sokha", 10_000, "2024-01-05"),
                        loan("loan", "sokha", 10_000, 6, "2024-01-10"))
                .when(withdrawal("withdrawal", "sokha", 20_000, "2024-01-20"))
                .expectNoEvents()
                .expectException(refusal(RefusalCode.INSUFFICIENT_SAVINGS));
    }

    @Test
    void shortCashIsNamedBeforeLoanOutstanding() {
        fixture.givenCommands(registerGroup(Scheme.FSF), member("sokha"),
                        contribution("saving", "sokha", 10_000, "2024-01-05"),
                        loan("loan", "sokha", 10_000, 6, "2024-01-10"))
                .when(withdrawal("withdrawal", "sokha", 5_000, "2024-01-20"))
                .expectNoEvents()
                .expectException(refusal(RefusalCode.INSUFFICIENT_CASH));
    }

    @Test
    void withdrawalForUnknownMemberIsRefusedAsMemberNotFound() {
        fixture.givenCommands(registerGroup(Scheme.CEDAC), member("sokha"),
                        contribution("saving", "sokha", 10_000, "2024-01-05"))
                .when(withdrawal("withdrawal", "nobody", 1_000, "2024-01-20"))
                .expectNoEvents()
                .expectException(refusal(RefusalCode.MEMBER_NOT_FOUND));
    }
}
