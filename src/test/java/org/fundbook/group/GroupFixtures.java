package org.fundbook.group;

import org.fundbook.ledger.GroupAggregate;
import static java.nio.charset.StandardCharsets.UTF_8;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.fundbook.group.GroupCommand.ChangePolicy;
import org.fundbook.group.GroupCommand.CountCash;
import org.fundbook.group.GroupCommand.DisburseLoan;
import org.fundbook.group.GroupCommand.MakeEmergencyGrant;
import org.fundbook.group.GroupCommand.PayOutPool;
import org.fundbook.group.GroupCommand.ReceiveCapital;
import org.fundbook.group.GroupCommand.RecordContribution;
import org.fundbook.group.GroupCommand.RecordGrantRecovery;
import org.fundbook.group.GroupCommand.RecordRepayment;
import org.fundbook.group.GroupCommand.RecordWithdrawal;
import org.fundbook.group.GroupCommand.RegisterGroup;
import org.fundbook.group.GroupCommand.RegisterMember;
import org.fundbook.group.GroupCommand.ReverseTransaction;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;

/**
 * Commands, ids and matchers shared by the group rule tests. Ids are named ({@code id("loan")}) so that a test reads
 * as its story; every command is for the one group {@link #GROUP}, and every dated command is sent on {@link #TODAY}.
 */
public final class GroupFixtures {

    public static final UUID GROUP = UUID.fromString("6f3c2a52-8d1e-4b6a-9b1c-000000000001");
    public static final LocalDate REGISTERED_ON = LocalDate.of(2024, 1, 1);
    public static final LocalDate TODAY = LocalDate.of(2024, 12, 31);
    public static final Location VILLAGE = new Location("Svay Rieng", "Kompong Ro", "Kseth", "Prey Kduoch");
    public static final String PURPOSE = "pig raising";

    private GroupFixtures() {
    }

    /**
     * A fixture for the aggregate. {@code @Aggregate(snapshotTriggerDefinition = "groupSnapshotTrigger")} is a Spring
     * stereotype the fixture does not read, so no bean is needed. Axon's illegal-state-change check covers the whole
     * state: the state a command leaves must equal the state its events rebuild (its entities are values).
     */
    public static AggregateTestFixture<GroupAggregate> newFixture() {
        return new AggregateTestFixture<>(GroupAggregate.class);
    }

    public static UUID id(String name) {
        return UUID.nameUUIDFromBytes(name.getBytes(UTF_8));
    }

    public static LocalDate date(String isoDate) {
        return LocalDate.parse(isoDate);
    }

    /** Matches a {@link LedgerRefusal} with exactly this code. */
    public static Matcher<Throwable> refusal(RefusalCode code) {
        return new TypeSafeMatcher<>(LedgerRefusal.class) {
            @Override
            protected boolean matchesSafely(Throwable item) {
                return ((LedgerRefusal) item).code() == code;
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a LedgerRefusal with code ").appendValue(code);
            }

            @Override
            protected void describeMismatchSafely(Throwable item, Description mismatch) {
                mismatch.appendText("was refused with ").appendValue(((LedgerRefusal) item).code())
                        .appendText(": ").appendText(item.getMessage());
            }
        };
    }

    // ------------------------------------------------------------------------------------------ policies

    public static Policy fsfDefaults() {
        return Policy.defaultsFor(Scheme.FSF);
    }

    public static Policy cedacDefaults() {
        return Policy.defaultsFor(Scheme.CEDAC);
    }

    public static Policy withMemberRate(Policy p, int rateBp) {
        return new Policy(rateBp, p.nonMemberLending(), p.nonMemberRates(), p.interestMethod(), p.maxLoanPrincipal(),
                p.maxTermMonths(), p.minInitialContribution(), p.interestAllocation(), p.closingCycleMonths(),
                p.suspendLendingDuringClosing(), p.premiumBasis());
    }

    public static Policy withAllocation(Policy p, Map<Pool, Integer> allocation) {
        return new Policy(p.memberMonthlyRateBp(), p.nonMemberLending(), p.nonMemberRates(), p.interestMethod(),
                p.maxLoanPrincipal(), p.maxTermMonths(), p.minInitialContribution(), allocation,
                p.closingCycleMonths(), p.suspendLendingDuringClosing(), p.premiumBasis());
    }

    public static Policy withMaxTermMonths(Policy p, int maxTermMonths) {
        return new Policy(p.memberMonthlyRateBp(), p.nonMemberLending(), p.nonMemberRates(), p.interestMethod(),
                p.maxLoanPrincipal(), maxTermMonths, p.minInitialContribution(), p.interestAllocation(),
                p.closingCycleMonths(), p.suspendLendingDuringClosing(), p.premiumBasis());
    }

    public static Policy withMinInitialContribution(Policy p, Long minimum) {
        return new Policy(p.memberMonthlyRateBp(), p.nonMemberLending(), p.nonMemberRates(), p.interestMethod(),
                p.maxLoanPrincipal(), p.maxTermMonths(), minimum, p.interestAllocation(), p.closingCycleMonths(),
                p.suspendLendingDuringClosing(), p.premiumBasis());
    }

    public static Policy withNonMemberLending(Policy p, NonMemberLending lending, List<NonMemberRateTier> tiers) {
        return new Policy(p.memberMonthlyRateBp(), lending, tiers, p.interestMethod(), p.maxLoanPrincipal(),
                p.maxTermMonths(), p.minInitialContribution(), p.interestAllocation(), p.closingCycleMonths(),
                p.suspendLendingDuringClosing(), p.premiumBasis());
    }

    public static Policy withClosingCycleMonths(Policy p, int closingCycleMonths) {
        return new Policy(p.memberMonthlyRateBp(), p.nonMemberLending(), p.nonMemberRates(), p.interestMethod(),
                p.maxLoanPrincipal(), p.maxTermMonths(), p.minInitialContribution(), p.interestAllocation(),
                closingCycleMonths, p.suspendLendingDuringClosing(), p.premiumBasis());
    }

    public static Policy withSuspendLendingDuringClosing(Policy p, boolean suspend) {
        return new Policy(p.memberMonthlyRateBp(), p.nonMemberLending(), p.nonMemberRates(), p.interestMethod(),
                p.maxLoanPrincipal(), p.maxTermMonths(), p.minInitialContribution(), p.interestAllocation(),
                p.closingCycleMonths(), suspend, p.premiumBasis());
    }

    public static Policy withPremiumBasis(Policy p, PremiumBasis basis) {
        return new Policy(p.memberMonthlyRateBp(), p.nonMemberLending(), p.nonMemberRates(), p.interestMethod(),
                p.maxLoanPrincipal(), p.maxTermMonths(), p.minInitialContribution(), p.interestAllocation(),
                p.closingCycleMonths(), p.suspendLendingDuringClosing(), basis);
    }

    // ------------------------------------------------------------------------------------------ commands

    public static RegisterGroup registerGroup(Scheme scheme) {
        return registerGroup(scheme, Policy.defaultsFor(scheme));
    }

    public static RegisterGroup registerGroup(Scheme scheme, Policy policy) {
        return new RegisterGroup(GROUP, "Prey Kduoch " + scheme, scheme, VILLAGE, REGISTERED_ON, policy, TODAY);
    }

    public static ChangePolicy changePolicy(String tx, String effectiveFrom, Policy policy) {
        return new ChangePolicy(GROUP, id(tx), date(effectiveFrom), PolicyPatch.whole(policy));
    }

    /** A member whose member id is also the registration's transaction id (the API's default). */
    public static RegisterMember member(String name) {
        return new RegisterMember(GROUP, id(name), id(name), name, Sex.F, Membership.MEMBER, REGISTERED_ON, false,
                null, null, TODAY);
    }

    public static RegisterMember nonMember(String name) {
        return new RegisterMember(GROUP, id(name), id(name), name, Sex.M, Membership.NON_MEMBER, REGISTERED_ON,
                false, null, null, TODAY);
    }

    public static ReceiveCapital capital(String tx, long amount, String on) {
        return new ReceiveCapital(GROUP, id(tx), "IOM", amount, date(on), TODAY);
    }

    public static RecordContribution contribution(String tx, String member, long amount, String on) {
        return new RecordContribution(GROUP, id(tx), id(member), amount, date(on), TODAY);
    }

    public static RecordWithdrawal withdrawal(String tx, String member, long amount, String on) {
        return new RecordWithdrawal(GROUP, id(tx), id(member), amount, date(on), TODAY);
    }

    public static DisburseLoan loan(String tx, String borrower, long principal, int termMonths, String on) {
        return new DisburseLoan(GROUP, id(tx), id(borrower), principal, termMonths, PURPOSE, date(on), TODAY);
    }

    public static RecordRepayment repayment(String tx, String loan, long amount, String on) {
        return new RecordRepayment(GROUP, id(tx), id(loan), amount, date(on), TODAY);
    }

    public static MakeEmergencyGrant grant(String tx, String recipient, long amount, boolean recoverable, String on) {
        return new MakeEmergencyGrant(GROUP, id(tx), id(recipient), null, amount, GrantReason.MEDICAL, recoverable,
                date(on), TODAY);
    }

    public static RecordGrantRecovery recovery(String tx, String grant, long amount, String on) {
        return new RecordGrantRecovery(GROUP, id(tx), id(grant), amount, date(on), TODAY);
    }

    public static PayOutPool payout(String tx, Pool pool, long amount, String on) {
        return new PayOutPool(GROUP, id(tx), pool, amount, "PDoWA", date(on), TODAY);
    }

    public static CountCash cashCount(String tx, long counted, String on) {
        return new CountCash(GROUP, id(tx), counted, date(on), TODAY);
    }

    public static ReverseTransaction reversal(String tx, String reversed, String on) {
        return new ReverseTransaction(GROUP, id(tx), id(reversed), "entered in error", date(on), TODAY);
    }

    public static GroupCommand.StartClosing startClosing(String tx, String closingDate) {
        return new GroupCommand.StartClosing(GROUP, id(tx), date(closingDate), TODAY);
    }

    /** A closing started on a server whose date is {@code today}, for closings later than {@link #TODAY}. */
    public static GroupCommand.StartClosing startClosing(String tx, String closingDate, String today) {
        return new GroupCommand.StartClosing(GROUP, id(tx), date(closingDate), date(today));
    }

    public static GroupCommand.ConfirmClosing confirmClosing(String tx, long countedCash, PayoutMode payoutMode) {
        return new GroupCommand.ConfirmClosing(GROUP, id(tx), countedCash, payoutMode);
    }

    public static GroupCommand.CancelClosing cancelClosing(String tx) {
        return new GroupCommand.CancelClosing(GROUP, id(tx));
    }

    // ------------------------------------------------------------------------------------------ histories

    /** A history followed by more commands. */
    public static Object[] plus(Object[] history, Object... more) {
        Object[] all = Arrays.copyOf(history, history.length + more.length);
        System.arraycopy(more, 0, all, history.length, more.length);
        return all;
    }

    /**
     * The first worked example of spec section 6 up to its disbursement: an FSF village fund with IOM capital of
     * 200,000 riel, lent in full to member "sokha" on 2024-01-10 for 12 months at the FSF default (2%, FLAT).
     */
    public static Object[] fsfLoanOf200000() {
        return new Object[] {
                registerGroup(Scheme.FSF),
                member("sokha"),
                capital("iom", 200_000, "2024-01-02"),
                loan("loan", "sokha", 200_000, 12, "2024-01-10")};
    }

    /**
     * {@link #fsfLoanOf200000()} repaid with its 4,000 riel of interest on 2024-02-10: cash 204,000 of which 3,600 are
     * earmarked (COMMITTEE_OPERATIONS 2,000, PROVINCIAL_DISTRICT 1,000, EMERGENCY_FUND 600); FUND_CAPITAL 200,400.
     */
    public static Object[] fsfLoanRepaidWithInterest() {
        return new Object[] {
                registerGroup(Scheme.FSF),
                member("sokha"),
                capital("iom", 200_000, "2024-01-02"),
                loan("loan", "sokha", 200_000, 12, "2024-01-10"),
                repayment("repayment", "loan", 204_000, "2024-02-10")};
    }
}
