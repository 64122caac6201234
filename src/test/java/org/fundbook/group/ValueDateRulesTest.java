package org.fundbook.group;

import org.fundbook.ledger.GroupAggregate;
import static org.fundbook.group.GroupFixtures.GROUP;
import static org.fundbook.group.GroupFixtures.TODAY;
import static org.fundbook.group.GroupFixtures.capital;
import static org.fundbook.group.GroupFixtures.cashCount;
import static org.fundbook.group.GroupFixtures.contribution;
import static org.fundbook.group.GroupFixtures.date;
import static org.fundbook.group.GroupFixtures.fsfLoanRepaidWithInterest;
import static org.fundbook.group.GroupFixtures.grant;
import static org.fundbook.group.GroupFixtures.id;
import static org.fundbook.group.GroupFixtures.loan;
import static org.fundbook.group.GroupFixtures.member;
import static org.fundbook.group.GroupFixtures.newFixture;
import static org.fundbook.group.GroupFixtures.payout;
import static org.fundbook.group.GroupFixtures.plus;
import static org.fundbook.group.GroupFixtures.refusal;
import static org.fundbook.group.GroupFixtures.registerGroup;
import static org.fundbook.group.GroupFixtures.reversal;
import static org.fundbook.group.GroupFixtures.withdrawal;

import java.time.LocalDate;
import java.util.stream.Stream;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.fundbook.group.GroupCommand.CountCash;
import org.fundbook.group.GroupCommand.DisburseLoan;
import org.fundbook.group.GroupCommand.MakeEmergencyGrant;
import org.fundbook.group.GroupCommand.PayOutPool;
import org.fundbook.group.GroupCommand.ReceiveCapital;
import org.fundbook.group.GroupCommand.RecordContribution;
import org.fundbook.group.GroupCommand.RecordGrantRecovery;
import org.fundbook.group.GroupCommand.RecordRepayment;
import org.fundbook.group.GroupCommand.RecordWithdrawal;
import org.fundbook.group.GroupCommand.ReverseTransaction;
import org.fundbook.group.GroupEvent.ContributionRecorded;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Section 5, value dates: a transaction dated after today is refused {@code FUTURE_DATE}; one dated before the open
 * period's start (the registration date, 2024-01-01, for the first period) {@code PERIOD_CLOSED}; rules are checked
 * against the state recorded so far, whatever the value date; unknown ids are answered before any rule.
 */
class ValueDateRulesTest {

    /** The FSF loan repaid, "sokha" owing a second loan, a recoverable grant of 500 riel, "srey" saving 10,000. */
    private static final Object[] HISTORY = plus(fsfLoanRepaidWithInterest(), member("srey"),
            loan("open loan", "sokha", 100_000, 6, "2024-03-01"),
            grant("grant", "sokha", 500, true, "2024-03-05"),
            contribution("saving", "srey", 10_000, "2024-03-10"));

    private AggregateTestFixture<GroupAggregate> fixture;

    @BeforeEach
    void setUp() {
        fixture = newFixture();
    }

    /** One of each dated command, all of which the history above would otherwise accept. */
    static Stream<Arguments> datedCommands() {
        return Stream.of(
                Arguments.of("capital", (DatedOn) on -> new ReceiveCapital(GROUP, id("tx"), "IOM", 1_000, on, TODAY)),
                Arguments.of("contribution",
                        (DatedOn) on -> new RecordContribution(GROUP, id("tx"), id("sokha"), 1_000, on, TODAY)),
                Arguments.of("withdrawal",
                        (DatedOn) on -> new RecordWithdrawal(GROUP, id("tx"), id("srey"), 1, on, TODAY)),
                Arguments.of("loan",
                        (DatedOn) on -> new DisburseLoan(GROUP, id("tx"), id("sokha"), 1_000, 6, null, on, TODAY)),
                Arguments.of("repayment",
                        (DatedOn) on -> new RecordRepayment(GROUP, id("tx"), id("open loan"), 1_000, on, TODAY)),
                Arguments.of("emergency grant", (DatedOn) on -> new MakeEmergencyGrant(GROUP, id("tx"), id("sokha"),
                        null, 50, GrantReason.DEATH, false, on, TODAY)),
                Arguments.of("grant recovery",
                        (DatedOn) on -> new RecordGrantRecovery(GROUP, id("tx"), id("grant"), 50, on, TODAY)),
                Arguments.of("pool payout", (DatedOn) on -> new PayOutPool(GROUP, id("tx"),
                        Pool.PROVINCIAL_DISTRICT, 500, "district office", on, TODAY)),
                Arguments.of("cash count", (DatedOn) on -> new CountCash(GROUP, id("tx"), 0, on, TODAY)),
                Arguments.of("reversal", (DatedOn) on -> new ReverseTransaction(GROUP, id("tx"), id("saving"),
                        "entered in error", on, TODAY)));
    }

    /** Builds a command with the given value date. */
    interface DatedOn {
        GroupCommand.Dated on(LocalDate occurredOn);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("datedCommands")
    void transactionDatedAfterTodayIsRefusedAsFutureDate(String kind, DatedOn command) {
        fixture.givenCommands(HISTORY)
                .when(command.on(TODAY.plusDays(1)))
                .expectNoEvents()
                .expectException(refusal(RefusalCode.FUTURE_DATE));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("datedCommands")
    void transactionDatedBeforeTheRegistrationDateIsRefusedAsPeriodClosed(String kind, DatedOn command) {
        fixture.givenCommands(HISTORY)
                .when(command.on(date("2023-12-31")))
                .expectNoEvents()
                .expectException(refusal(RefusalCode.PERIOD_CLOSED));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("datedCommands")
    void transactionDatedTodayIsAccepted(String kind, DatedOn command) {
        fixture.givenCommands(HISTORY)
                .when(command.on(TODAY))
                .expectSuccessfulHandlerExecution();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("datedCommands")
    void transactionDatedOnTheRegistrationDateIsAccepted(String kind, DatedOn command) {
        fixture.givenCommands(HISTORY)
                .when(command.on(date("2024-01-01")))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void backDatedTransactionIsAccepted() {
        fixture.givenCommands(registerGroup(Scheme.CEDAC), member("sokha"),
                        contribution("june", "sokha", 5_000, "2024-06-01"))
                .when(contribution("march", "sokha", 2_000, "2024-03-01"))
                .expectEvents(new ContributionRecorded(GROUP, id("march"), id("sokha"), 2_000, date("2024-03-01"),
                        7_000));
    }

    @Test
    void todayIsTheOneTheCommandCarries() {
        // a server whose date is already 2025-01-15 may record 2025-01-10
        RecordContribution later = new RecordContribution(GROUP, id("january"), id("sokha"), 2_000,
                date("2025-01-10"), date("2025-01-15"));

        fixture.givenCommands(registerGroup(Scheme.CEDAC), member("sokha"))
                .when(later)
                .expectEvents(new ContributionRecorded(GROUP, id("january"), id("sokha"), 2_000, date("2025-01-10"),
                        2_000));
    }

    @Test
    void futureDateIsNamedBeforeTheRowsOwnRules() {
        fixture.givenCommands(registerGroup(Scheme.CEDAC), member("sokha"))
                .when(withdrawal("withdrawal", "sokha", 1_000_000, "2025-01-01"))
                .expectNoEvents()
                .expectException(refusal(RefusalCode.FUTURE_DATE));
    }

    @Test
    void unknownIdIsNamedBeforeTheValueDate() {
        fixture.givenCommands(registerGroup(Scheme.CEDAC), member("sokha"))
                .when(contribution("saving", "nobody", 1_000, "2025-01-01"))
                .expectNoEvents()
                .expectException(refusal(RefusalCode.MEMBER_NOT_FOUND));
    }

    @Test
    void transactionIdUsedByAnotherKindOfTransactionIsAReusedId() {
        fixture.givenCommands(registerGroup(Scheme.FSF), member("sokha"), capital("iom", 200_000, "2024-01-02"))
                .when(loan("iom", "sokha", 1_000, 6, "2024-02-01"))
                .expectNoEvents()
                .expectException(TransactionIdReused.class);
    }

    @Test
    void sameTransactionSentTwiceIsAReusedIdAndRecordsOnce() {
        fixture.givenCommands(registerGroup(Scheme.CEDAC), member("sokha"),
                        contribution("saving", "sokha", 1_000, "2024-01-05"))
                .when(contribution("saving", "sokha", 1_000, "2024-01-05"))
                .expectNoEvents()
                .expectException(TransactionIdReused.class);
    }

    @Test
    void transactionIdOfAMemberRegistrationIsAReusedId() {
        fixture.givenCommands(registerGroup(Scheme.CEDAC), member("sokha"))
                .when(contribution("sokha", "sokha", 1_000, "2024-01-05"))
                .expectNoEvents()
                .expectException(TransactionIdReused.class);
    }

    @Test
    void transactionIdOfAReversedTransactionStaysUsed() {
        fixture.givenCommands(registerGroup(Scheme.FSF), capital("iom", 200_000, "2024-01-02"),
                        reversal("undo", "iom", "2024-01-03"))
                .when(capital("iom", 200_000, "2024-01-02"))
                .expectNoEvents()
                .expectException(TransactionIdReused.class);
    }

    @Test
    void reusedIdOfAPaymentIntoAPoolIsRefused() {
        fixture.givenCommands(plus(fsfLoanRepaidWithInterest(),
                        payout("payout", Pool.COMMITTEE_OPERATIONS, 100, "2024-03-01")))
                .when(cashCount("payout", 1, "2024-03-02"))
                .expectNoEvents()
                .expectException(TransactionIdReused.class);
    }
}
