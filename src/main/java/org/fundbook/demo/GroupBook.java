package org.fundbook.demo;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.OptionalInt;
import java.util.UUID;
import org.fundbook.group.GrantReason;
import org.fundbook.group.GroupCommand;
import org.fundbook.group.GroupEvent;
import org.fundbook.group.GroupState;
import org.fundbook.group.LedgerRefusal;
import org.fundbook.group.Location;
import org.fundbook.group.Membership;
import org.fundbook.group.OfficerRole;
import org.fundbook.group.PayoutMode;
import org.fundbook.group.Policy;
import org.fundbook.group.Pool;
import org.fundbook.group.PremiumShare;
import org.fundbook.group.Scheme;
import org.fundbook.group.Sex;
import org.fundbook.ledger.Rulebook;
import org.fundbook.lending.LendingRules;
import org.fundbook.lending.LoanTerms;

/**
 * One group's books as the demo plans them: every write is a command judged by the ledger's own rules
 * ({@link Rulebook}) against a {@link GroupState} of the demo's own, evolved by the event it decides. A refusal is a
 * bug in the generator ({@link IllegalStateException}); an accepted command becomes the group's next step. The
 * commands are judged as of the demo's last day, and recorded as they are: their dates are in the past wherever the
 * demo is seeded.
 *
 * <p>Steps must come in value-date order; a closing is started and confirmed at once.
 */
final class GroupBook {

    final int index;
    final UUID groupId;
    final String name;
    final Scheme scheme;
    final Location location;
    final LocalDate registeredOn;
    final Policy policy;
    private final String idPrefix;
    private int nextId;

    private final GroupState state = new GroupState();
    private final List<GroupCommand> steps = new ArrayList<>();
    private final List<GroupEvent> events = new ArrayList<>();
    private final List<Member> members = new ArrayList<>();
    private LocalDate lastDate;

    GroupBook(long seed, int index, String name, Scheme scheme, Location location, LocalDate registeredOn,
              Policy policy) {
        this.index = index;
        this.idPrefix = "fundbook-demo:" + seed + ":" + index + ":";
        this.groupId = uuid(idPrefix + "group");
        this.name = name;
        this.scheme = scheme;
        this.location = location;
        this.registeredOn = registeredOn;
        this.policy = policy;
        this.lastDate = registeredOn;
        state.evolve(decide(new GroupCommand.RegisterGroup(groupId, name, scheme, location, registeredOn, policy,
                DemoGenerator.LAST_DAY)));
    }

    /** The id a demo group gets: derived from the seed, so a second run would collide, never duplicate. */
    static UUID groupId(long seed, int index) {
        return uuid("fundbook-demo:" + seed + ":" + index + ":group");
    }

    private static UUID uuid(String name) {
        return UUID.nameUUIDFromBytes(name.getBytes(UTF_8));
    }

    private UUID nextId() {
        return uuid(idPrefix + (++nextId));
    }

    // ------------------------------------------------------------------------------------------------ writes

    Member register(String name, Sex sex, Membership membership, LocalDate joinedOn, boolean poorest,
                    OfficerRole role, String subgroup) {
        dated(joinedOn);
        UUID id = nextId();
        record(new GroupCommand.RegisterMember(groupId, id, id, name, sex, membership, joinedOn, poorest, role,
                subgroup, DemoGenerator.LAST_DAY));
        Member member = new Member(id, name, sex, membership, poorest);
        members.add(member);
        return member;
    }

    void receiveCapital(String source, long amount, LocalDate on) {
        dated(on);
        positive(amount);
        record(new GroupCommand.ReceiveCapital(groupId, nextId(), source, amount, on, DemoGenerator.LAST_DAY));
    }

    void contribute(Member member, long amount, LocalDate on) {
        dated(on);
        positive(amount);
        record(new GroupCommand.RecordContribution(groupId, nextId(), member.id, amount, on, DemoGenerator.LAST_DAY));
    }

    void withdraw(Member member, long amount, LocalDate on) {
        dated(on);
        positive(amount);
        record(new GroupCommand.RecordWithdrawal(groupId, nextId(), member.id, amount, on, DemoGenerator.LAST_DAY));
    }

    /** The rate this group would charge such a borrower (registered or not), or empty when its policy refuses. */
    OptionalInt rateFor(Membership membership, long principal, int termMonths, LocalDate on) {
        try {
            return OptionalInt.of(LendingRules.rate(state.policyOn(on), membership, principal, termMonths));
        } catch (LedgerRefusal refusal) {
            return OptionalInt.empty();
        }
    }

    Loan disburse(Member borrower, long principal, int termMonths, String purpose, LocalDate on) {
        dated(on);
        positive(principal);
        UUID id = nextId();
        record(new GroupCommand.DisburseLoan(groupId, id, borrower.id, principal, termMonths, purpose, on,
                DemoGenerator.LAST_DAY));
        return new Loan(id);
    }

    long interestDue(Loan loan, LocalDate on) {
        return LendingRules.interestDue(state.loan(loan.id), on);
    }

    /** Pays interest due on {@code on} and then {@code principal} (capped at what is outstanding). */
    void repay(Loan loan, long principal, LocalDate on) {
        long amount = interestDue(loan, on) + Math.min(principal, loan.outstanding());
        dated(on);
        positive(amount);
        record(new GroupCommand.RecordRepayment(groupId, nextId(), loan.id, amount, on, DemoGenerator.LAST_DAY));
    }

    Grant grant(Member recipient, String recipientName, long amount, GrantReason reason, boolean recoverable,
                LocalDate on) {
        dated(on);
        positive(amount);
        UUID id = nextId();
        record(new GroupCommand.MakeEmergencyGrant(groupId, id, recipient == null ? null : recipient.id,
                recipientName, amount, reason, recoverable, on, DemoGenerator.LAST_DAY));
        return new Grant(id);
    }

    void recover(Grant grant, long amount, LocalDate on) {
        dated(on);
        positive(amount);
        record(new GroupCommand.RecordGrantRecovery(groupId, nextId(), grant.id, amount, on, DemoGenerator.LAST_DAY));
    }

    void payOut(Pool pool, long amount, String payee, LocalDate on) {
        dated(on);
        positive(amount);
        record(new GroupCommand.PayOutPool(groupId, nextId(), pool, amount, payee, on, DemoGenerator.LAST_DAY));
    }

    void countCash(LocalDate on) {
        dated(on);
        record(new GroupCommand.CountCash(groupId, nextId(), state.cash(), on, DemoGenerator.LAST_DAY));
    }

    /**
     * Starts and at once confirms the closing on {@code c}, the cash counted exactly. Every step recorded so far
     * is dated before {@code c}, so the distributable is the whole PREMIUM pool.
     */
    void close(LocalDate c, PayoutMode mode) {
        require(lastDate.isBefore(c), "steps dated on or after the closing date were recorded before it");
        dated(c);
        record(new GroupCommand.StartClosing(groupId, nextId(), c, DemoGenerator.LAST_DAY));
        long total = state.closingPremiums().stream().mapToLong(PremiumShare::premium).sum();
        long counted = state.cash() - (mode == PayoutMode.CASH ? total : 0);
        record(new GroupCommand.ConfirmClosing(groupId, nextId(), counted, mode));
    }

    // --------------------------------------------------------------------------------------------- figures

    long pool(Pool pool) {
        return state.pool(pool);
    }

    long lendableCash() {
        return state.lendableCash();
    }

    long memberSavings() {
        return state.memberSavings();
    }

    DemoPlan.GroupPlan toPlan() {
        List<Member> sharers = members.stream().filter(m -> m.membership == Membership.MEMBER).toList();
        EnumMap<Pool, Long> pools = new EnumMap<>(Pool.class);
        for (Pool pool : Pool.values()) {
            pools.put(pool, state.pool(pool));
        }
        DemoPlan.Expected expected = new DemoPlan.Expected(state.cash(), state.loanPrincipalOutstanding(),
                state.memberSavings(), pools, sharers.size(), (int) sharers.stream().filter(m -> m.sex == Sex.F).count(),
                (int) sharers.stream().filter(m -> m.poorest).count(), members.size() - sharers.size(),
                count(GroupEvent.LoanDisbursed.class), sum(GroupEvent.RepaymentRecorded.class,
                        GroupEvent.RepaymentRecorded::interestPart),
                sum(GroupEvent.BooksClosed.class, e -> e.premiums().stream().mapToLong(PremiumShare::premium).sum()),
                sum(GroupEvent.CapitalReceived.class, GroupEvent.CapitalReceived::amount),
                count(GroupEvent.EmergencyGrantMade.class),
                sum(GroupEvent.EmergencyGrantMade.class, GroupEvent.EmergencyGrantMade::amount),
                sum(GroupEvent.GrantRecoveryRecorded.class, GroupEvent.GrantRecoveryRecorded::amount),
                sum(GroupEvent.PoolPaidOut.class, GroupEvent.PoolPaidOut::amount),
                count(GroupEvent.BooksClosed.class));
        return new DemoPlan.GroupPlan(index, groupId, name, scheme, location, registeredOn, policy,
                List.copyOf(steps), expected);
    }

    private int count(Class<? extends GroupEvent> type) {
        return (int) events.stream().filter(type::isInstance).count();
    }

    private <E extends GroupEvent> long sum(Class<E> type, java.util.function.ToLongFunction<E> figure) {
        return events.stream().filter(type::isInstance).map(type::cast).mapToLong(figure).sum();
    }

    // --------------------------------------------------------------------------------------------- helpers

    /** The command judged by the ledger's rules; recorded as the next step when accepted. */
    private void record(GroupCommand command) {
        GroupEvent event = decide(command);
        state.evolve(event);
        state.checkInvariants();
        steps.add(command);
        events.add(event);
    }

    private GroupEvent decide(GroupCommand command) {
        try {
            return Rulebook.decide(state, command);
        } catch (RuntimeException refusal) {
            throw new IllegalStateException("demo plan broke a ledger rule in group " + index + ": "
                    + refusal.getMessage(), refusal);
        }
    }

    /** The plan's own order: steps in value-date order, within the demo's years. */
    private void dated(LocalDate on) {
        require(!on.isBefore(lastDate), "steps out of value-date order: " + on + " after " + lastDate);
        require(!on.isAfter(DemoGenerator.LAST_DAY), "dated after the demo's last day");
        lastDate = on;
    }

    /** What the API's validation would refuse with 400 before any rule: amounts are at least 1 riel. */
    private static void positive(long amount) {
        require(amount >= 1, "amount must be at least 1 riel, was " + amount);
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalStateException("demo plan broke a ledger rule: " + message);
        }
    }

    // --------------------------------------------------------------------------------- handles to the book

    /** A person the demo registered; their figures are the book's. */
    final class Member {
        final UUID id;
        final String name;
        final Sex sex;
        final Membership membership;
        final boolean poorest;

        Member(UUID id, String name, Sex sex, Membership membership, boolean poorest) {
            this.id = id;
            this.name = name;
            this.sex = sex;
            this.membership = membership;
            this.poorest = poorest;
        }

        long savings() {
            return state.member(id).savings();
        }

        boolean hasLoan() {
            return state.hasLoanOutstanding(id);
        }
    }

    final class Loan {
        final UUID id;

        Loan(UUID id) {
            this.id = id;
        }

        LoanTerms terms() {
            return LendingRules.terms(state.loan(id));
        }

        long outstanding() {
            return state.loan(id).outstanding();
        }
    }

    record Grant(UUID id) {
    }
}
