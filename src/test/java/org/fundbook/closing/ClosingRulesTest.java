package org.fundbook.closing;

import org.fundbook.group.GroupEvent;
import org.fundbook.group.InterestMethod;
import org.fundbook.group.Membership;
import org.fundbook.group.PayoutMode;
import org.fundbook.group.Policy;
import org.fundbook.group.Pool;
import org.fundbook.group.PremiumBasis;
import org.fundbook.group.PremiumShare;
import org.fundbook.group.RefusalCode;
import org.fundbook.group.Scheme;
import org.fundbook.group.TransactionIdReused;
import org.fundbook.group.TransactionKind;
import org.fundbook.ledger.GroupAggregate;
import static org.fundbook.group.GroupFixtures.GROUP;
import static org.fundbook.group.GroupFixtures.PURPOSE;
import static org.fundbook.group.GroupFixtures.cancelClosing;
import static org.fundbook.group.GroupFixtures.capital;
import static org.fundbook.group.GroupFixtures.cashCount;
import static org.fundbook.group.GroupFixtures.cedacDefaults;
import static org.fundbook.group.GroupFixtures.changePolicy;
import static org.fundbook.group.GroupFixtures.confirmClosing;
import static org.fundbook.group.GroupFixtures.contribution;
import static org.fundbook.group.GroupFixtures.date;
import static org.fundbook.group.GroupFixtures.grant;
import static org.fundbook.group.GroupFixtures.id;
import static org.fundbook.group.GroupFixtures.loan;
import static org.fundbook.group.GroupFixtures.member;
import static org.fundbook.group.GroupFixtures.newFixture;
import static org.fundbook.group.GroupFixtures.nonMember;
import static org.fundbook.group.GroupFixtures.payout;
import static org.fundbook.group.GroupFixtures.plus;
import static org.fundbook.group.GroupFixtures.recovery;
import static org.fundbook.group.GroupFixtures.refusal;
import static org.fundbook.group.GroupFixtures.registerGroup;
import static org.fundbook.group.GroupFixtures.repayment;
import static org.fundbook.group.GroupFixtures.reversal;
import static org.fundbook.group.GroupFixtures.startClosing;
import static org.fundbook.group.GroupFixtures.withAllocation;
import static org.fundbook.group.GroupFixtures.withClosingCycleMonths;
import static org.fundbook.group.GroupFixtures.withPremiumBasis;
import static org.fundbook.group.GroupFixtures.withSuspendLendingDuringClosing;
import static org.fundbook.group.GroupFixtures.withdrawal;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.fundbook.group.GroupEvent.BalanceFigures;
import org.fundbook.group.GroupEvent.BooksClosed;
import org.fundbook.group.GroupEvent.ClosingCancelled;
import org.fundbook.group.GroupEvent.ClosingStarted;
import org.fundbook.group.GroupEvent.ContributionRecorded;
import org.fundbook.group.GroupEvent.LoanDisbursed;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Section 7, book closing and premiums: a closing starts on a closing date {@code c} no earlier than
 * {@code periodStart + closingCycleMonths} ({@code CLOSING_TOO_EARLY}); while it is in progress the period before
 * {@code c} is frozen ({@code CLOSING_IN_PROGRESS}) and lending may be suspended ({@code LENDING_SUSPENDED});
 * the PREMIUM pool dated before {@code c} is shared among members by their weights; confirming fixes the statement
 * and opens the next period at {@code c} ({@code PERIOD_CLOSED} before it); cancelling changes nothing.
 */
class ClosingRulesTest {

    /** The closing date of the first period of a group registered on 2024-01-01 with a six-month cycle. */
    private static final String C = "2024-07-01";

    private AggregateTestFixture<GroupAggregate> fixture;

    @BeforeEach
    void setUp() {
        fixture = newFixture();
    }

    // ------------------------------------------------------------------------------------------ histories

    /**
     * The worked example: chanthy saves 10,000 from day one, bopha 10,000 from 2024-04-01, sopheap 1,000 from day
     * one (registered in that order); the non-member dara borrows their 11,000 for one month at 400 bp and repays
     * 11,440 on 2024-02-01, so the PREMIUM pool holds 440. Before the closing date: cash 21,440, savings 21,000.
     */
    private static Object[] workedExample(Policy policy) {
        return new Object[] {
                registerGroup(Scheme.CEDAC, policy),
                member("chanthy"), member("bopha"), member("sopheap"), nonMember("dara"),
                contribution("chanthy saves", "chanthy", 10_000, "2024-01-01"),
                contribution("sopheap saves", "sopheap", 1_000, "2024-01-01"),
                loan("dara borrows", "dara", 11_000, 1, "2024-01-01"),
                repayment("dara repays", "dara borrows", 11_440, "2024-02-01"),
                contribution("bopha saves", "bopha", 10_000, "2024-04-01")};
    }

    private static Object[] workedExample() {
        return workedExample(cedacDefaults());
    }

    private static Object[] workedExampleClosing() {
        return plus(workedExample(), startClosing("closing", C));
    }

    private static Object[] workedExampleClosed(PayoutMode mode) {
        return plus(workedExampleClosing(), confirmClosing("confirm", mode == PayoutMode.CASH ? 21_000 : 21_440, mode));
    }

    /** A group that does not suspend lending while it closes, closing the worked example. */
    private static Object[] workedExampleClosingWithoutSuspension() {
        return plus(workedExample(withSuspendLendingDuringClosing(cedacDefaults(), false)), startClosing("closing", C));
    }

    private static final List<PremiumShare> WORKED_EXAMPLE_PREMIUMS = List.of(
            new PremiumShare(id("chanthy"), 10_000L * 182, 275),
            new PremiumShare(id("bopha"), 10_000L * 91, 138),
            new PremiumShare(id("sopheap"), 1_000L * 182, 27));

    private static ClosingStarted started(String tx, int period, String periodStart, String closingDate,
                                          boolean suspended, PremiumBasis basis, long distributable,
                                          PremiumShare... premiums) {
        return new ClosingStarted(GROUP, id(tx), period, date(periodStart), date(closingDate), suspended, basis,
                distributable, List.of(premiums));
    }

    private static ClosingStarted started(long distributable, PremiumShare... premiums) {
        return started("closing", 1, "2024-01-01", C, true, PremiumBasis.AVERAGE_BALANCE, distributable, premiums);
    }

    private static PremiumShare share(String member, long weight, long premium) {
        return new PremiumShare(id(member), weight, premium);
    }

    // ------------------------------------------------------------------------------------------ matchers

    /** Every pool named, absent ones as 0, so that figures compare by value whatever map the event carries. */
    private static BalanceFigures figures(long cash, long loans, long savings, Map<Pool, Long> pools) {
        EnumMap<Pool, Long> all = new EnumMap<>(Pool.class);
        for (Pool pool : Pool.values()) {
            all.put(pool, pools.getOrDefault(pool, 0L));
        }
        return new BalanceFigures(cash, loans, savings, all);
    }

    private static BalanceFigures normalized(BalanceFigures f) {
        return figures(f.cash(), f.loanPrincipalOutstanding(), f.memberSavings(), f.pools());
    }

    /** Movements by kind with kinds that moved nothing left out, so that an absent kind and a 0 compare equal. */
    private static Map<String, Long> moved(Map<String, Long> movements) {
        Map<String, Long> nonZero = new LinkedHashMap<>();
        movements.forEach((kind, amount) -> {
            if (amount != 0) {
                nonZero.put(kind, amount);
            }
        });
        return nonZero;
    }

    /** Exactly one event, of this type, whose figure equals the expected value. */
    private static <T> Matcher<List<EventMessage<?>>> onlyEvent(Class<T> type, String figure,
                                                                 Function<T, Object> field, Object expected) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(List<EventMessage<?>> events) {
                return events.size() == 1 && type.isInstance(events.get(0).getPayload())
                        && expected.equals(field.apply(type.cast(events.get(0).getPayload())));
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("one " + type.getSimpleName() + " with " + figure + " ").appendValue(expected);
            }

            @Override
            protected void describeMismatchSafely(List<EventMessage<?>> events, Description mismatch) {
                if (events.size() != 1 || !type.isInstance(events.get(0).getPayload())) {
                    mismatch.appendText("events were ").appendValueList("[", ", ", "]",
                            events.stream().map(EventMessage::getPayload).toList());
                } else {
                    mismatch.appendText(figure + " was ")
                            .appendValue(field.apply(type.cast(events.get(0).getPayload())));
                }
            }
        };
    }

    private static Matcher<List<EventMessage<?>>> statement(String figure, Function<BooksClosed, Object> field,
                                                            Object expected) {
        return onlyEvent(BooksClosed.class, figure, field, expected);
    }

    // ------------------------------------------------------------------------------------------ start: dates

    @Test
    void closingBeforeSixMonthsIsTooEarly() {
        fixture.givenCommands(registerGroup(Scheme.CEDAC))
                .when(startClosing("closing", "2024-06-30"))
                .expectNoEvents()
                .expectException(refusal(RefusalCode.CLOSING_TOO_EARLY));
    }

    @Test
    void sixMonthClosingMayStartExactlySixMonthsAfterThePeriodStart() {
        fixture.givenCommands(registerGroup(Scheme.FSF))
                .when(startClosing("closing", C))
                .expectEvents(started(0))
                .expectResultMessagePayload(started(0));
    }

    @Test
    void twelveMonthClosingAfterOnlySixMonthsIsTooEarly() {
        fixture.givenCommands(registerGroup(Scheme.CEDAC, withClosingCycleMonths(cedacDefaults(), 12)))
                .when(startClosing("closing", "2024-12-31"))
                .expectNoEvents()
                .expectException(refusal(RefusalCode.CLOSING_TOO_EARLY));
    }

    @Test
    void twelveMonthClosingMayStartExactlyTwelveMonthsAfterThePeriodStart() {
        fixture.givenCommands(registerGroup(Scheme.CEDAC, withClosingCycleMonths(cedacDefaults(), 12)))
                .when(startClosing("closing", "2025-01-01", "2025-01-01"))
                .expectEvents(started("closing", 1, "2024-01-01", "2025-01-01", true, PremiumBasis.AVERAGE_BALANCE,
                        0));
    }

    @Test
    void closingDateAfterTodayIsFutureDate() {
        fixture.givenCommands(registerGroup(Scheme.CEDAC))
                .when(startClosing("closing", "2025-01-01"))
                .expectNoEvents()
                .expectException(refusal(RefusalCode.FUTURE_DATE));
    }

    @Test
    void secondClosingWhileOneIsInProgressIsRefusedAsClosingInProgress() {
        fixture.givenCommands(registerGroup(Scheme.CEDAC), startClosing("closing", C))
                .when(startClosing("another closing", "2024-08-01"))
                .expectNoEvents()
                .expectException(refusal(RefusalCode.CLOSING_IN_PROGRESS));
    }

    // ------------------------------------------------------------------------------------------ start: preview

    @Test
    void workedExampleSharesFourHundredFortyRielAsTwoSeventyFiveOneThirtyEightAndTwentySeven() {
        // riel-days over the 182 days 2024-01-01..2024-06-30: 1,820,000 / 910,000 / 182,000 of 2,912,000;
        // exact shares 275, 137.5, 27.5: the riel left over goes to bopha, registered before sopheap
        fixture.givenCommands(workedExample())
                .when(startClosing("closing", C))
                .expectEvents(new ClosingStarted(GROUP, id("closing"), 1, date("2024-01-01"), date(C), true,
                        PremiumBasis.AVERAGE_BALANCE, 440, WORKED_EXAMPLE_PREMIUMS));
    }

    @Test
    void distributableIsThePremiumPoolFromTransactionsDatedBeforeTheClosingDate() {
        // two member loans each earn 200 riel of PREMIUM; the second is repaid on the closing date itself
        fixture.givenCommands(registerGroup(Scheme.CEDAC), member("sokha"),
                        contribution("saving", "sokha", 100_000, "2024-01-01"),
                        loan("june loan", "sokha", 10_000, 1, "2024-06-01"),
                        repayment("june repayment", "june loan", 10_200, "2024-06-30"),
                        loan("july loan", "sokha", 10_000, 1, C),
                        repayment("july repayment", "july loan", 10_200, C))
                .when(startClosing("closing", C))
                .expectEvents(started(200, share("sokha", 100_000L * 182, 200)));
    }

    @Test
    void averageBalanceWeightIsRielDaysBySavingsAtTheEndOfEachDayBeforeTheClosingDate() {
        // sokha: 10,000 for 91 days, then 6,000 from the day of the withdrawal; srey: 1,000 for 182 days, and her
        // saving dated on the closing date earns nothing in this period
        fixture.givenCommands(registerGroup(Scheme.CEDAC), member("sokha"), member("srey"), nonMember("dara"),
                        contribution("sokha saves", "sokha", 10_000, "2024-01-01"),
                        contribution("srey saves", "srey", 1_000, "2024-01-01"),
                        loan("dara borrows", "dara", 11_000, 1, "2024-01-01"),
                        repayment("dara repays", "dara borrows", 11_440, "2024-02-01"),
                        withdrawal("sokha withdraws", "sokha", 4_000, "2024-04-01"),
                        contribution("srey saves more", "srey", 9_000, C))
                .when(startClosing("closing", C))
                .expectEvents(started(440, share("sokha", 10_000L * 91 + 6_000L * 91, 391),
                        share("srey", 1_000L * 182, 49)));
    }

    @Test
    void balanceAtCloseWeightIsSavingsAtTheEndOfTheDayBeforeTheClosingDate() {
        // bopha saved only the day before; sopheap's 5,000 dated on the closing date belong to the next period.
        // Weights 10,000 / 10,000 / 1,000: floors 209 / 209 / 20, the two riel left to sopheap (.95), then chanthy
        // (.52, registered before bopha)
        Policy policy = withPremiumBasis(cedacDefaults(), PremiumBasis.BALANCE_AT_CLOSE);
        fixture.givenCommands(registerGroup(Scheme.CEDAC, policy),
                        member("chanthy"), member("bopha"), member("sopheap"), nonMember("dara"),
                        contribution("chanthy saves", "chanthy", 10_000, "2024-01-01"),
                        contribution("sopheap saves", "sopheap", 1_000, "2024-01-01"),
                        loan("dara borrows", "dara", 11_000, 1, "2024-01-01"),
                        repayment("dara repays", "dara borrows", 11_440, "2024-02-01"),
                        contribution("bopha saves", "bopha", 10_000, "2024-06-30"),
                        contribution("sopheap saves more", "sopheap", 5_000, C))
                .when(startClosing("closing", C))
                .expectEvents(started("closing", 1, "2024-01-01", C, true, PremiumBasis.BALANCE_AT_CLOSE, 440,
                        share("chanthy", 10_000, 210), share("bopha", 10_000, 209), share("sopheap", 1_000, 21)));
    }

    @Test
    void tiedPremiumRielGoesToTheMemberRegisteredFirst() {
        // equal weights, 501 riel: srey registered first gets 251 although sokha saved first
        fixture.givenCommands(registerGroup(Scheme.CEDAC), member("srey"), member("sokha"), nonMember("dara"),
                        contribution("sokha saves", "sokha", 6_300, "2024-01-01"),
                        contribution("srey saves", "srey", 6_300, "2024-01-01"),
                        loan("dara borrows", "dara", 12_525, 1, "2024-01-01"),
                        repayment("dara repays", "dara borrows", 13_026, "2024-02-01"))
                .when(startClosing("closing", C))
                .expectEvents(started(501, share("srey", 6_300L * 182, 251), share("sokha", 6_300L * 182, 250)));
    }

    @Test
    void nonMembersShareNoPremium() {
        fixture.givenCommands(registerGroup(Scheme.CEDAC), nonMember("dara"), member("sokha"),
                        contribution("sokha saves", "sokha", 11_000, "2024-01-01"),
                        loan("dara borrows", "dara", 11_000, 1, "2024-01-01"),
                        repayment("dara repays", "dara borrows", 11_440, "2024-02-01"))
                .when(startClosing("closing", C))
                .expectEvents(started(440, share("sokha", 11_000L * 182, 440)));
    }

    @Test
    void whenEveryWeightIsZeroEveryPremiumIsZero() {
        // the PREMIUM comes from lending the donor's capital; sokha's only saving is dated on the closing date
        fixture.givenCommands(registerGroup(Scheme.CEDAC), member("sokha"), nonMember("dara"),
                        capital("iom", 11_000, "2024-01-01"),
                        loan("dara borrows", "dara", 11_000, 1, "2024-01-01"),
                        repayment("dara repays", "dara borrows", 11_440, "2024-02-01"),
                        contribution("sokha saves", "sokha", 1_000, C))
                .when(startClosing("closing", C))
                .expectEvents(started(440, share("sokha", 0, 0)));
    }

    @Test
    void closingSuspendsLendingWhenThePolicySaysSo() {
        fixture.givenCommands(registerGroup(Scheme.CEDAC))
                .when(startClosing("closing", C))
                .expectEventsMatching(onlyEvent(ClosingStarted.class, "lendingSuspended",
                        ClosingStarted::lendingSuspended, true));
    }

    @Test
    void closingLeavesLendingOpenWhenThePolicyDoesNotSuspendIt() {
        fixture.givenCommands(registerGroup(Scheme.CEDAC, withSuspendLendingDuringClosing(cedacDefaults(), false)))
                .when(startClosing("closing", C))
                .expectEvents(started("closing", 1, "2024-01-01", C, false, PremiumBasis.AVERAGE_BALANCE, 0));
    }

    // ------------------------------------------------------------------------------------------ while in progress

    @Test
    void transactionDatedBeforeTheClosingDateIsRefusedWhileClosing() {
        fixture.givenCommands(workedExampleClosing())
                .when(contribution("late paper", "chanthy", 1_000, "2024-06-30"))
                .expectNoEvents()
                .expectException(refusal(RefusalCode.CLOSING_IN_PROGRESS));
    }

    @Test
    void transactionDatedOnTheClosingDateIsAcceptedWhileClosing() {
        fixture.givenCommands(workedExampleClosing())
                .when(contribution("saving", "chanthy", 1_000, C))
                .expectEvents(new ContributionRecorded(GROUP, id("saving"), id("chanthy"), 1_000, date(C), 11_000));
    }

    @Test
    void transactionDatedAfterTheClosingDateIsAcceptedWhileClosing() {
        fixture.givenCommands(workedExampleClosing())
                .when(capital("iom", 50_000, "2024-08-01"))
                .expectEvents(new GroupEvent.CapitalReceived(GROUP, id("iom"), "IOM", 50_000, date("2024-08-01")));
    }

    @Test
    void loanDatedOnTheClosingDateIsRefusedWhileLendingIsSuspended() {
        fixture.givenCommands(workedExampleClosing())
                .when(loan("loan", "chanthy", 5_000, 6, C))
                .expectNoEvents()
                .expectException(refusal(RefusalCode.LENDING_SUSPENDED));
    }

    @Test
    void loanDatedTodayIsRefusedWhileLendingIsSuspended() {
        fixture.givenCommands(workedExampleClosing())
                .when(loan("loan", "chanthy", 5_000, 6, "2024-12-31"))
                .expectNoEvents()
                .expectException(refusal(RefusalCode.LENDING_SUSPENDED));
    }

    @Test
    void loanDatedBeforeTheClosingDateIsNamedClosingInProgressBeforeLendingSuspended() {
        // the value-date rules come before the row's own rules
        fixture.givenCommands(workedExampleClosing())
                .when(loan("loan", "chanthy", 5_000, 6, "2024-06-30"))
                .expectNoEvents()
                .expectException(refusal(RefusalCode.CLOSING_IN_PROGRESS));
    }

    @Test
    void loanDatedOnTheClosingDateIsAcceptedWhenThePolicyDoesNotSuspendLending() {
        fixture.givenCommands(workedExampleClosingWithoutSuspension())
                .when(loan("loan", "chanthy", 5_000, 6, C))
                .expectEvents(new LoanDisbursed(GROUP, id("loan"), id("chanthy"), Membership.MEMBER, 5_000, 200,
                        InterestMethod.DECLINING, 6, PURPOSE, date(C), date("2025-01-01"),
                        Map.of(Pool.PREMIUM, 10_000)));
    }

    @Test
    void loanDatedBeforeTheClosingDateIsRefusedWhileClosingEvenWhenLendingIsNotSuspended() {
        fixture.givenCommands(workedExampleClosingWithoutSuspension())
                .when(loan("loan", "chanthy", 5_000, 6, "2024-06-30"))
                .expectNoEvents()
                .expectException(refusal(RefusalCode.CLOSING_IN_PROGRESS));
    }

    // ------------------------------------------------------------------------------------------ confirm: refusals

    @Test
    void confirmWithoutAClosingIsRefusedAsNoClosingInProgress() {
        fixture.givenCommands(workedExample())
                .when(confirmClosing("confirm", 21_000, PayoutMode.CASH))
                .expectNoEvents()
                .expectException(refusal(RefusalCode.NO_CLOSING_IN_PROGRESS));
    }

    @Test
    void cashPayoutOfPremiumsBeyondLendableCashIsInsufficientCash() {
        // a loan dated on the closing date, recorded before the closing started, left 340 riel in the box
        fixture.givenCommands(plus(workedExample(), loan("chanthy borrows", "chanthy", 21_100, 6, C),
                        startClosing("closing", C)))
                .when(confirmClosing("confirm", 340, PayoutMode.CASH))
                .expectNoEvents()
                .expectException(refusal(RefusalCode.INSUFFICIENT_CASH));
    }

    @Test
    void reinvestedPremiumsNeedNoCashInTheBox() {
        fixture.givenCommands(plus(workedExample(), loan("chanthy borrows", "chanthy", 21_100, 6, C),
                        startClosing("closing", C)))
                .when(confirmClosing("confirm", 340, PayoutMode.REINVEST))
                .expectEventsMatching(statement("premiums", BooksClosed::premiums, WORKED_EXAMPLE_PREMIUMS));
    }

    // ------------------------------------------------------------------------------------------ confirm: statement

    @Test
    void statementOfTheFirstPeriodOpensAtZero() {
        fixture.givenCommands(workedExampleClosing())
                .when(confirmClosing("confirm", 21_000, PayoutMode.CASH))
                .expectEventsMatching(statement("opening", b -> normalized(b.opening()), figures(0, 0, 0, Map.of())));
    }

    @Test
    void statementCarriesThePeriodTheDistributableAndThePremiumsOfThePreview() {
        fixture.givenCommands(workedExampleClosing())
                .when(confirmClosing("confirm", 21_000, PayoutMode.CASH))
                .expectEventsMatching(statement("period, basis, distributable and premiums",
                        b -> List.of(b.periodNumber(), b.periodStart(), b.closingDate(), b.payoutMode(),
                                b.premiumBasis(), b.distributable(), b.premiums()),
                        List.of(1, date("2024-01-01"), date(C), PayoutMode.CASH, PremiumBasis.AVERAGE_BALANCE, 440L,
                                WORKED_EXAMPLE_PREMIUMS)));
    }

    @Test
    void statementListsEveryMovementOfThePeriodByKind() {
        // interest split PREMIUM 50%, EMERGENCY_FUND 25%, COMMITTEE_OPERATIONS 25% so that every kind can occur
        Policy policy = withAllocation(cedacDefaults(),
                Map.of(Pool.PREMIUM, 5_000, Pool.EMERGENCY_FUND, 2_500, Pool.COMMITTEE_OPERATIONS, 2_500));
        fixture.givenCommands(registerGroup(Scheme.CEDAC, policy), member("sokha"), member("srey"),
                        capital("iom", 100_000, "2024-01-02"),
                        contribution("sokha saves", "sokha", 20_000, "2024-01-05"),
                        contribution("srey saves", "srey", 10_000, "2024-01-05"),
                        withdrawal("srey withdraws", "srey", 3_000, "2024-02-01"),
                        loan("loan", "sokha", 100_000, 6, "2024-02-01"),
                        repayment("repayment", "loan", 52_000, "2024-03-01"),
                        grant("grant", "srey", 400, true, "2024-03-10"),
                        recovery("recovery", "grant", 150, "2024-04-10"),
                        payout("committee", Pool.COMMITTEE_OPERATIONS, 300, "2024-05-01"),
                        cashCount("count", 78_450, "2024-06-01"),
                        startClosing("closing", C))
                .when(confirmClosing("confirm", 77_450, PayoutMode.CASH))
                .expectEventsMatching(statement("movements", b -> moved(b.movements()), Map.ofEntries(
                        Map.entry("CAPITAL", 100_000L),
                        Map.entry("CONTRIBUTION", 30_000L),
                        Map.entry("WITHDRAWAL", 3_000L),
                        Map.entry("LOAN_DISBURSEMENT", 100_000L),
                        Map.entry("REPAYMENT_PRINCIPAL", 50_000L),
                        Map.entry("REPAYMENT_INTEREST", 2_000L),
                        Map.entry("EMERGENCY_GRANT", 400L),
                        Map.entry("GRANT_RECOVERY", 150L),
                        Map.entry("POOL_PAYOUT", 300L),
                        Map.entry("PREMIUM", 1_000L))));
    }

    @Test
    void reversalCountsAgainstTheKindItReverses() {
        // without the reversals: CONTRIBUTION 21,500 and LOAN_DISBURSEMENT 12,000
        fixture.givenCommands(plus(workedExample(),
                        contribution("mistaken saving", "chanthy", 500, "2024-03-01"),
                        reversal("undo saving", "mistaken saving", "2024-03-02"),
                        loan("mistaken loan", "chanthy", 1_000, 6, "2024-05-01"),
                        reversal("undo loan", "mistaken loan", "2024-05-02"),
                        startClosing("closing", C)))
                .when(confirmClosing("confirm", 21_000, PayoutMode.CASH))
                .expectEventsMatching(statement("movements", b -> moved(b.movements()), Map.of(
                        "CONTRIBUTION", 21_000L,
                        "LOAN_DISBURSEMENT", 11_000L,
                        "REPAYMENT_PRINCIPAL", 11_000L,
                        "REPAYMENT_INTEREST", 440L,
                        "PREMIUM", 440L)));
    }

    @Test
    void transactionsDatedOnOrAfterTheClosingDateAreNotInTheStatement() {
        // recorded before the closing started, and during it
        fixture.givenCommands(plus(workedExample(),
                        contribution("july saving", "chanthy", 5_000, C),
                        startClosing("closing", C),
                        capital("august capital", 50_000, "2024-08-01"),
                        withdrawal("august withdrawal", "bopha", 2_000, "2024-08-02")))
                .when(confirmClosing("confirm", 74_000, PayoutMode.CASH))
                .expectEventsMatching(statement("movements and closing balances",
                        b -> List.of(moved(b.movements()), normalized(b.closing())),
                        List.of(Map.of(
                                        "CONTRIBUTION", 21_000L,
                                        "LOAN_DISBURSEMENT", 11_000L,
                                        "REPAYMENT_PRINCIPAL", 11_000L,
                                        "REPAYMENT_INTEREST", 440L,
                                        "PREMIUM", 440L),
                                figures(21_000, 0, 21_000, Map.of()))));
    }

    @Test
    void cashPayoutClosesWithThePremiumsOutOfTheBoxAndThePremiumPool() {
        fixture.givenCommands(workedExampleClosing())
                .when(confirmClosing("confirm", 21_000, PayoutMode.CASH))
                .expectEventsMatching(statement("closing", b -> normalized(b.closing()),
                        figures(21_000, 0, 21_000, Map.of())));
    }

    @Test
    void reinvestClosesWithThePremiumsMovedFromThePremiumPoolToSavings() {
        fixture.givenCommands(workedExampleClosing())
                .when(confirmClosing("confirm", 21_440, PayoutMode.REINVEST))
                .expectEventsMatching(statement("closing", b -> normalized(b.closing()),
                        figures(21_440, 0, 21_440, Map.of())));
    }

    @Test
    void premiumPoolStaysWhenEveryWeightIsZero() {
        fixture.givenCommands(registerGroup(Scheme.CEDAC), member("sokha"), nonMember("dara"),
                        capital("iom", 11_000, "2024-01-01"),
                        loan("dara borrows", "dara", 11_000, 1, "2024-01-01"),
                        repayment("dara repays", "dara borrows", 11_440, "2024-02-01"),
                        startClosing("closing", C))
                .when(confirmClosing("confirm", 11_440, PayoutMode.CASH))
                .expectEventsMatching(statement("closing", b -> normalized(b.closing()),
                        figures(11_440, 0, 0, Map.of(Pool.FUND_CAPITAL, 11_000L, Pool.PREMIUM, 440L))));
    }

    @Test
    void statementRecordsExpectedAndCountedCashAndTheirDiscrepancy() {
        // the box held 21,440; 440 are paid out as premiums; 100 riel are missing
        fixture.givenCommands(workedExampleClosing())
                .when(confirmClosing("confirm", 20_900, PayoutMode.CASH))
                .expectEventsMatching(statement("expectedCash, countedCash, discrepancy",
                        b -> List.of(b.expectedCash(), b.countedCash(), b.discrepancy()),
                        List.of(21_000L, 20_900L, -100L)));
    }

    @Test
    void reinvestedPremiumsStayInTheExpectedCash() {
        fixture.givenCommands(workedExampleClosing())
                .when(confirmClosing("confirm", 21_440, PayoutMode.REINVEST))
                .expectEventsMatching(statement("expectedCash, countedCash, discrepancy",
                        b -> List.of(b.expectedCash(), b.countedCash(), b.discrepancy()),
                        List.of(21_440L, 21_440L, 0L)));
    }

    // ------------------------------------------------------------------------------------------ after confirming

    @Test
    void transactionDatedBeforeTheClosingDateIsPeriodClosedOnceConfirmed() {
        fixture.givenCommands(workedExampleClosed(PayoutMode.CASH))
                .when(contribution("late paper", "chanthy", 1_000, "2024-06-30"))
                .expectNoEvents()
                .expectException(refusal(RefusalCode.PERIOD_CLOSED));
    }

    @Test
    void closingDateBelongsToTheNextPeriod() {
        fixture.givenCommands(workedExampleClosed(PayoutMode.CASH))
                .when(contribution("saving", "chanthy", 1_000, C))
                .expectEvents(new ContributionRecorded(GROUP, id("saving"), id("chanthy"), 1_000, date(C), 11_000));
    }

    @Test
    void nextClosingBeforeACycleFromTheClosingDateIsTooEarly() {
        fixture.givenCommands(workedExampleClosed(PayoutMode.CASH))
                .when(startClosing("second closing", "2024-12-31"))
                .expectNoEvents()
                .expectException(refusal(RefusalCode.CLOSING_TOO_EARLY));
    }

    @Test
    void nextPeriodStartsAtTheClosingDateAndMayCloseACycleLater() {
        fixture.givenCommands(workedExampleClosed(PayoutMode.CASH))
                .when(startClosing("second closing", "2025-01-01", "2025-01-01"))
                .expectEventsMatching(onlyEvent(ClosingStarted.class, "period number and start",
                        e -> List.of(e.periodNumber(), e.periodStart()), List.of(2, date(C))));
    }

    @Test
    void lendingResumesOnceTheClosingIsConfirmed() {
        fixture.givenCommands(workedExampleClosed(PayoutMode.CASH))
                .when(loan("loan", "chanthy", 5_000, 6, "2024-08-01"))
                .expectEvents(new LoanDisbursed(GROUP, id("loan"), id("chanthy"), Membership.MEMBER, 5_000, 200,
                        InterestMethod.DECLINING, 6, PURPOSE, date("2024-08-01"), date("2025-02-01"),
                        Map.of(Pool.PREMIUM, 10_000)));
    }

    /** The worked example closed with its premiums reinvested, and 440 riel more PREMIUM earned in period 2. */
    private static Object[] secondPeriodAfterReinvesting() {
        return plus(workedExampleClosed(PayoutMode.REINVEST),
                loan("dara borrows again", "dara", 11_000, 1, C),
                repayment("dara repays again", "dara borrows again", 11_440, "2024-08-01"));
    }

    @Test
    void reinvestedPremiumsWeighInTheNextPeriodsPremiums() {
        // opening savings 10,275 / 10,138 / 1,027 over the 184 days 2024-07-01..2024-12-31 → 211 / 208 / 21
        // (without the reinvested premiums, 10,000 / 10,000 / 1,000 would give 210 / 209 / 21)
        fixture.givenCommands(secondPeriodAfterReinvesting())
                .when(startClosing("second closing", "2025-01-01", "2025-01-01"))
                .expectEvents(started("second closing", 2, C, "2025-01-01", true, PremiumBasis.AVERAGE_BALANCE, 440,
                        share("chanthy", 10_275L * 184, 211), share("bopha", 10_138L * 184, 208),
                        share("sopheap", 1_027L * 184, 21)));
    }

    @Test
    void nextStatementOpensWithTheClosingBalancesIncludingReinvestedPremiums() {
        fixture.givenCommands(plus(secondPeriodAfterReinvesting(),
                        startClosing("second closing", "2025-01-01", "2025-01-01")))
                .when(confirmClosing("second confirm", 21_880, PayoutMode.REINVEST))
                .expectEventsMatching(statement("opening", b -> normalized(b.opening()),
                        figures(21_440, 0, 21_440, Map.of())));
    }

    // ------------------------------------------------------------------------------------------ cancel

    @Test
    void cancelWithoutAClosingIsRefusedAsNoClosingInProgress() {
        fixture.givenCommands(workedExample())
                .when(cancelClosing("cancel"))
                .expectNoEvents()
                .expectException(refusal(RefusalCode.NO_CLOSING_IN_PROGRESS));
    }

    @Test
    void cancellingRecordsTheCancelledClosing() {
        fixture.givenCommands(workedExampleClosing())
                .when(cancelClosing("cancel"))
                .expectEvents(new ClosingCancelled(GROUP, id("cancel"), 1, date(C)))
                .expectResultMessagePayload(new ClosingCancelled(GROUP, id("cancel"), 1, date(C)));
    }

    @Test
    void transactionDatedBeforeTheClosingDateIsAcceptedAgainOnceCancelled() {
        fixture.givenCommands(plus(workedExampleClosing(), cancelClosing("cancel")))
                .when(contribution("late paper", "chanthy", 1_000, "2024-06-30"))
                .expectEvents(new ContributionRecorded(GROUP, id("late paper"), id("chanthy"), 1_000,
                        date("2024-06-30"), 11_000));
    }

    @Test
    void lendingResumesOnceTheClosingIsCancelled() {
        fixture.givenCommands(plus(workedExampleClosing(), cancelClosing("cancel")))
                .when(loan("loan", "chanthy", 5_000, 6, C))
                .expectEvents(new LoanDisbursed(GROUP, id("loan"), id("chanthy"), Membership.MEMBER, 5_000, 200,
                        InterestMethod.DECLINING, 6, PURPOSE, date(C), date("2025-01-01"),
                        Map.of(Pool.PREMIUM, 10_000)));
    }

    @Test
    void confirmAfterCancellingIsRefusedAsNoClosingInProgress() {
        fixture.givenCommands(plus(workedExampleClosing(), cancelClosing("cancel")))
                .when(confirmClosing("confirm", 21_000, PayoutMode.CASH))
                .expectNoEvents()
                .expectException(refusal(RefusalCode.NO_CLOSING_IN_PROGRESS));
    }

    @Test
    void closingStartedAgainAfterCancellingReviewsTheSamePeriod() {
        fixture.givenCommands(plus(workedExampleClosing(), cancelClosing("cancel")))
                .when(startClosing("closing again", C))
                .expectEvents(new ClosingStarted(GROUP, id("closing again"), 1, date("2024-01-01"), date(C), true,
                        PremiumBasis.AVERAGE_BALANCE, 440, WORKED_EXAMPLE_PREMIUMS));
    }

    @Test
    void repaymentWhoseInterestIsBeingSharedOutIsNotReversibleWhileClosing() {
        // dated after the closing date the reversal is not refused as CLOSING_IN_PROGRESS, but taking the 440 riel
        // back out of the PREMIUM pool would leave the premiums of the preview nothing to be paid from
        fixture.givenCommands(workedExampleClosing())
                .when(reversal("reversal", "dara repays", "2024-12-31"))
                .expectNoEvents()
                .expectException(refusal(RefusalCode.NOT_REVERSIBLE));
    }

    @Test
    void repaymentWhoseInterestWasToBeSharedOutIsReversibleOnceTheClosingIsCancelled() {
        fixture.givenCommands(plus(workedExampleClosing(), cancelClosing("cancel")))
                .when(reversal("reversal", "dara repays", "2024-12-31"))
                .expectEvents(new GroupEvent.TransactionReversed(GROUP, id("reversal"), id("dara repays"),
                        TransactionKind.REPAYMENT, "entered in error", date("2024-12-31"), -11_440, 11_000, null, 0,
                        Map.of(Pool.PREMIUM, -440L)));
    }

    // ------------------------------------------------------------------------------------------ closing ids

    @Test
    void startOfAConfirmedClosingIsNotReversible() {
        fixture.givenCommands(workedExampleClosed(PayoutMode.CASH))
                .when(reversal("reversal", "closing", "2024-12-31"))
                .expectNoEvents()
                .expectException(refusal(RefusalCode.NOT_REVERSIBLE));
    }

    @Test
    void confirmationOfAClosingIsNotReversible() {
        fixture.givenCommands(workedExampleClosed(PayoutMode.CASH))
                .when(reversal("reversal", "confirm", "2024-12-31"))
                .expectNoEvents()
                .expectException(refusal(RefusalCode.NOT_REVERSIBLE));
    }

    @Test
    void cancellationOfAClosingIsNotReversible() {
        fixture.givenCommands(plus(workedExampleClosing(), cancelClosing("cancel")))
                .when(reversal("reversal", "cancel", "2024-12-31"))
                .expectNoEvents()
                .expectException(refusal(RefusalCode.NOT_REVERSIBLE));
    }

    @Test
    void closingStartedWithAUsedTransactionIdIsAReusedId() {
        fixture.givenCommands(workedExample())
                .when(startClosing("chanthy saves", C))
                .expectNoEvents()
                .expectException(TransactionIdReused.class);
    }

    @Test
    void confirmationReusingTheStartsIdIsAReusedId() {
        fixture.givenCommands(workedExampleClosing())
                .when(confirmClosing("closing", 21_000, PayoutMode.CASH))
                .expectNoEvents()
                .expectException(TransactionIdReused.class);
    }

    @Test
    void cancellationReusingTheStartsIdIsAReusedId() {
        fixture.givenCommands(workedExampleClosing())
                .when(cancelClosing("closing"))
                .expectNoEvents()
                .expectException(TransactionIdReused.class);
    }

    @Test
    void closingStartedAgainWithTheCancelledClosingsIdIsAReusedId() {
        fixture.givenCommands(plus(workedExampleClosing(), cancelClosing("cancel")))
                .when(startClosing("closing", C))
                .expectNoEvents()
                .expectException(TransactionIdReused.class);
    }

    @Test
    void transactionReusingAConfirmedClosingsIdIsAReusedId() {
        fixture.givenCommands(workedExampleClosed(PayoutMode.CASH))
                .when(contribution("confirm", "chanthy", 1_000, C))
                .expectNoEvents()
                .expectException(TransactionIdReused.class);
    }

    @Test
    void aPolicyChangeReachingIntoThePeriodUnderReviewIsRefusedWhileClosing() {
        fixture.givenCommands(workedExampleClosing())
                .when(changePolicy("late rule", "2024-06-01",
                        withPremiumBasis(cedacDefaults(), PremiumBasis.BALANCE_AT_CLOSE)))
                .expectNoEvents()
                .expectException(refusal(RefusalCode.CLOSING_IN_PROGRESS));
    }

    @Test
    void aPolicyChangeFromTheClosingDateOnIsAcceptedWhileClosing() {
        fixture.givenCommands(workedExampleClosing())
                .when(changePolicy("next rule", C, withPremiumBasis(cedacDefaults(), PremiumBasis.BALANCE_AT_CLOSE)))
                .expectSuccessfulHandlerExecution();
    }
}
