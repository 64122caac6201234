package org.fundbook.ledger;

import org.fundbook.group.Effect;
import org.fundbook.group.GrantReason;
import org.fundbook.group.GroupCommand;
import org.fundbook.group.InterestMethod;
import org.fundbook.group.LedgerRefusal;
import org.fundbook.group.Membership;
import org.fundbook.group.NonMemberLending;
import org.fundbook.group.NonMemberRateTier;
import org.fundbook.group.Policy;
import org.fundbook.group.PolicyPatch;
import org.fundbook.group.Pool;
import org.fundbook.group.PremiumBasis;
import org.fundbook.group.RefusalCode;
import org.fundbook.group.Scheme;
import org.fundbook.group.Sex;
import org.fundbook.group.TransactionIdReused;
import static org.fundbook.group.GroupFixtures.GROUP;
import static org.fundbook.group.GroupFixtures.REGISTERED_ON;
import static org.fundbook.group.GroupFixtures.TODAY;
import static org.fundbook.group.GroupFixtures.VILLAGE;
import static org.fundbook.group.GroupFixtures.newFixture;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.RandomDistribution;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.statistics.StatisticsReport;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.ResultValidator;
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
import org.fundbook.group.GroupEvent.CapitalReceived;
import org.fundbook.group.GroupEvent.CashCounted;
import org.fundbook.group.GroupEvent.ContributionRecorded;
import org.fundbook.group.GroupEvent.EmergencyGrantMade;
import org.fundbook.group.GroupEvent.GrantRecoveryRecorded;
import org.fundbook.group.GroupEvent.GroupRegistered;
import org.fundbook.group.GroupEvent.GroupTransaction;
import org.fundbook.group.GroupEvent.LoanDisbursed;
import org.fundbook.group.GroupEvent.MemberRegistered;
import org.fundbook.group.GroupEvent.PolicyChanged;
import org.fundbook.group.GroupEvent.PoolPaidOut;
import org.fundbook.group.GroupEvent.RepaymentRecorded;
import org.fundbook.group.GroupEvent.TransactionReversed;
import org.fundbook.group.GroupEvent.WithdrawalRecorded;
import org.fundbook.lending.LoanInterest;
import org.fundbook.lending.LoanTerms;
import org.fundbook.lending.RepaymentRecord;
import org.hamcrest.BaseMatcher;
import org.hamcrest.Description;

/**
 * Simulation of a group's life: random scripts of up to 60 commands of every kind (many of them refused) are sent to
 * the aggregate one at a time, each through a fixture given all the events recorded so far. After every step the
 * books are recomputed from the events alone, with the effects of the spec's table (section 5) written out here
 * (and compared with {@link Effect#of}), and must satisfy {@code cash + loanPrincipalOutstanding = Σ memberSavings +
 * Σ pools}, every figure ≥ 0, and cash ≥ the earmarked pools. A refused step must publish nothing; an accepted one
 * exactly the event it returns. Each answer is also compared with the one the spec's rules give, decided here from
 * the books before the step (404, value dates, then the row's rules in order), and an accepted event's figures
 * (savings after, rate, interest split, what is left to recover...) with the books.
 */
class GroupAggregateProperties {

    private static final LocalDate TOMORROW = TODAY.plusDays(1);
    private static final LocalDate BEFORE_REGISTRATION = REGISTERED_ON.minusDays(1);

    enum Kind {
        MEMBER, NON_MEMBER, CAPITAL, CONTRIBUTION, WITHDRAWAL, LOAN, REPAYMENT, GRANT, RECOVERY, PAYOUT,
        CASH_COUNT, REVERSAL, POLICY_CHANGE
    }

    /**
     * One step of a script, resolved against the books when it runs: {@code pick} chooses among existing ids (and
     * now and then an unknown or reused one), {@code seed} the amount, {@code day} the value date, {@code flag}
     * a yes/no choice of the kind (recoverable, pay in full, which pool...).
     */
    record Step(Kind kind, int pick, long seed, int day, boolean flag) {
    }

    @Property(tries = 200, edgeCases = EdgeCasesMode.NONE)
    @StatisticsReport(onFailureOnly = true)
    void booksBalanceAfterEveryStepAndRefusalsChangeNothing(@ForAll("policies") Tuple.Tuple2<Scheme, Policy> group,
                                                           @ForAll("scripts") List<Step> script) {
        Simulation simulation = new Simulation(group.get1(), group.get2());
        for (Step step : script) {
            simulation.run(step);
        }
        // the scripts must reach the interesting states, not only "no such member"
        Statistics.label("outcome").coverage(coverage -> {
            for (Kind kind : Kind.values()) {
                coverage.check(kind, "ACCEPTED").count(n -> n > 0);
            }
            coverage.check(Kind.REVERSAL, RefusalCode.NOT_REVERSIBLE).count(n -> n > 0);
            coverage.check(Kind.REVERSAL, RefusalCode.ALREADY_REVERSED).count(n -> n > 0);
            coverage.check(Kind.RECOVERY, RefusalCode.OVER_RECOVERY).count(n -> n > 0);
            coverage.check(Kind.REPAYMENT, RefusalCode.LOAN_ALREADY_REPAID).count(n -> n > 0);
            coverage.check(Kind.REPAYMENT, RefusalCode.OVERPAYMENT).count(n -> n > 0);
            coverage.check(Kind.WITHDRAWAL, RefusalCode.LOAN_OUTSTANDING).count(n -> n > 0);
            coverage.check(Kind.GRANT, RefusalCode.INSUFFICIENT_POOL).count(n -> n > 0);
        });
    }

    // ------------------------------------------------------------------------------------------ generators

    @Provide
    Arbitrary<Tuple.Tuple2<Scheme, Policy>> policies() {
        return Arbitraries.of(
                Tuple.of(Scheme.FSF, Policy.defaultsFor(Scheme.FSF)),
                Tuple.of(Scheme.CEDAC, Policy.defaultsFor(Scheme.CEDAC)),
                Tuple.of(Scheme.FSF, PRESETS.get(2)),
                Tuple.of(Scheme.CEDAC, PRESETS.get(3)));
    }

    @Provide
    Arbitrary<List<Step>> scripts() {
        Arbitrary<Kind> kinds = Arbitraries.frequency(
                Tuple.of(6, Kind.MEMBER), Tuple.of(3, Kind.NON_MEMBER), Tuple.of(6, Kind.CAPITAL),
                Tuple.of(12, Kind.CONTRIBUTION), Tuple.of(8, Kind.WITHDRAWAL), Tuple.of(10, Kind.LOAN),
                Tuple.of(12, Kind.REPAYMENT), Tuple.of(5, Kind.GRANT), Tuple.of(5, Kind.RECOVERY),
                Tuple.of(5, Kind.PAYOUT), Tuple.of(2, Kind.CASH_COUNT), Tuple.of(10, Kind.REVERSAL),
                Tuple.of(2, Kind.POLICY_CHANGE));
        Arbitrary<Integer> picks = Arbitraries.integers().between(0, 10_000);
        Arbitrary<Long> seeds = Arbitraries.longs().between(0, Long.MAX_VALUE / 4);
        Arbitrary<Integer> days = Arbitraries.integers().between(0, 365);
        Arbitrary<Boolean> flags = Arbitraries.of(true, false);
        return Combinators.combine(kinds, picks, seeds, days, flags).as(Step::new).list().ofMinSize(1).ofMaxSize(60)
                .withSizeDistribution(RandomDistribution.uniform());
    }

    /** Policies a group may start with or change to: the two defaults and two variants. */
    private static final List<Policy> PRESETS = List.of(
            Policy.defaultsFor(Scheme.FSF),
            Policy.defaultsFor(Scheme.CEDAC),
            new Policy(250, NonMemberLending.ALLOWED, List.of(new NonMemberRateTier(0, 6, 300)),
                    InterestMethod.FLAT, 200_000L, 12, null,
                    Map.of(Pool.FUND_CAPITAL, 3333, Pool.EMERGENCY_FUND, 3334, Pool.PROVINCIAL_DISTRICT, 3333),
                    6, true, PremiumBasis.AVERAGE_BALANCE),
            new Policy(200, NonMemberLending.ALLOWED,
                    List.of(new NonMemberRateTier(0, 12, 400), new NonMemberRateTier(50_000, 3, 300)),
                    InterestMethod.FLAT, 150_000L, 12, 500L,
                    Map.of(Pool.PREMIUM, 5000, Pool.EMERGENCY_FUND, 2500, Pool.COMMITTEE_OPERATIONS, 2500),
                    12, false, PremiumBasis.BALANCE_AT_CLOSE));

    // ------------------------------------------------------------------------------------------ simulation

    /** One group: the fixture, the events recorded so far and the books recomputed from them. */
    private static final class Simulation {

        private final AggregateTestFixture<GroupAggregate> fixture = newFixture();
        private final List<Object> events = new ArrayList<>();
        private final Books books = new Books();
        private long nextId = 1;

        Simulation(Scheme scheme, Policy policy) {
            RegisterGroup register = new RegisterGroup(GROUP, "Prey Kduoch", scheme, VILLAGE, REGISTERED_ON, policy,
                    TODAY);
            Outcome outcome = send(fixture.givenNoPriorActivity().when(register), register);
            assertNotNull(outcome.events(), "the group registration was refused: " + outcome.thrown());
            assertEquals(List.of(new GroupRegistered(GROUP, "Prey Kduoch", scheme, VILLAGE, REGISTERED_ON, policy)),
                    outcome.events());
            record(outcome.events());
            // a few people, donor money and a first loan's interest in the pools, so that most scripts get past
            // "no such member" and "the pool is empty" early
            RegisterMember founder = member(Membership.MEMBER);
            UUID firstLoan = freshId();
            for (Object opening : List.of(founder, member(Membership.MEMBER), member(Membership.NON_MEMBER),
                    new ReceiveCapital(GROUP, freshId(), "IOM", 150_000, REGISTERED_ON, TODAY),
                    new DisburseLoan(GROUP, firstLoan, founder.memberId(), 100_000, 12, null, REGISTERED_ON, TODAY),
                    new RecordRepayment(GROUP, freshId(), firstLoan, 5_000, REGISTERED_ON.plusMonths(1), TODAY))) {
                Outcome opened = send(fixture.given(events).when(opening), opening);
                assertNotNull(opened.events(), () -> "opening step refused: " + opened.thrown());
                record(opened.events());
            }
        }

        private RegisterMember member(Membership membership) {
            UUID id = freshId();
            return new RegisterMember(GROUP, id, id, "founder " + id, Sex.F, membership, REGISTERED_ON, false, null,
                    null, TODAY);
        }

        void run(Step step) {
            Books before = books.copy();
            Object command = command(step);
            Expected expected = expectedOutcome(before, command);
            Outcome outcome = send(fixture.given(events).when(command), command);
            if (outcome.events() == null) {
                Throwable thrown = outcome.thrown();
                if (!(thrown instanceof LedgerRefusal) && !(thrown instanceof TransactionIdReused)) {
                    throw new AssertionError("step " + step + " (" + command + ") failed with " + thrown, thrown);
                }
                Object answer = thrown instanceof LedgerRefusal refusal ? refusal.code() : REUSED;
                assertTrue(expected.allows(answer), () -> command + " was answered " + answer + " ("
                        + thrown.getMessage() + "), the spec's rules say " + expected);
                Statistics.label("outcome").collect(step.kind(), answer);
                return;
            }
            assertTrue(expected.allows(ACCEPTED), () -> command + " was accepted, the spec's rules say " + expected);
            assertEquals(1, outcome.events().size(), () -> "one event per command, got " + outcome.events());
            Object event = outcome.events().get(0);
            assertEquals(event, outcome.result(), "the handler returns the event it applied");
            checkAcceptedEvent(before, command, event);
            Statistics.label("outcome").collect(step.kind(), ACCEPTED);
            record(outcome.events());
        }

        private void record(List<Object> published) {
            for (Object event : published) {
                events.add(event);
                books.apply(event);
            }
            books.checkBalanced(events.size());
        }

        // ---------------------------------------------------------------------------------- commands

        private UUID freshId() {
            return new UUID(0x5EEDL, nextId++);
        }

        /** A new transaction id, or now and then one this group has already used. */
        private UUID transactionId(Step step) {
            if (step.pick() % 23 == 0 && !books.allIds.isEmpty()) {
                return books.allIds.get((int) (step.seed() % books.allIds.size()));
            }
            return freshId();
        }

        /** Mostly a day of 2024 (the group's first period), now and then tomorrow or before the registration. */
        private static LocalDate valueDate(Step step) {
            if (step.pick() % 31 == 1) {
                return TOMORROW;
            }
            if (step.pick() % 31 == 2) {
                return BEFORE_REGISTRATION;
            }
            return REGISTERED_ON.plusDays(step.day());
        }

        private static <T> T pick(List<T> from, Step step, T otherwise) {
            if (from.isEmpty() || step.pick() % 19 == 3) {
                return otherwise;
            }
            return from.get(step.pick() % from.size());
        }

        /** Three times in four the likely candidates (when there are any), else all. */
        private static <T> List<T> mostly(Step step, List<T> likely, List<T> all) {
            return likely.isEmpty() || step.pick() % 4 == 0 ? all : likely;
        }

        /** An amount from 1 to about {@code around}, sometimes a little more. */
        private static long amount(Step step, long around) {
            long range = Math.max(10, around + around / 5 + 10);
            return 1 + step.seed() % range;
        }

        private Object command(Step step) {
            UUID tx = transactionId(step);
            LocalDate on = valueDate(step);
            UUID unknown = freshId();
            List<UUID> members = new ArrayList<>(books.members.keySet());
            switch (step.kind()) {
                case MEMBER, NON_MEMBER -> {
                    UUID memberId = step.pick() % 13 == 5 && !members.isEmpty()
                            ? members.get(step.pick() % members.size()) : tx;
                    LocalDate joinedOn = step.pick() % 31 == 1 ? TOMORROW : on;
                    return new RegisterMember(GROUP, tx, memberId, "member " + memberId, step.flag() ? Sex.F : Sex.M,
                            step.kind() == Kind.MEMBER ? Membership.MEMBER : Membership.NON_MEMBER, joinedOn,
                            step.flag(), null, null, TODAY);
                }
                case CAPITAL -> {
                    return new ReceiveCapital(GROUP, tx, "IOM", amount(step, 300_000), on, TODAY);
                }
                case CONTRIBUTION -> {
                    long amount = step.flag() ? amount(step, 1_500) : amount(step, 60_000);
                    return new RecordContribution(GROUP, tx, pick(members, step, unknown), amount, on, TODAY);
                }
                case WITHDRAWAL -> {
                    UUID member = pick(mostly(step, members.stream().filter(m -> books.savings.get(m) > 0).toList(),
                            members), step, unknown);
                    return new RecordWithdrawal(GROUP, tx, member,
                            amount(step, books.savings.getOrDefault(member, 0L)), on, TODAY);
                }
                case LOAN -> {
                    int term = 1 + (int) (step.seed() % 14);
                    return new DisburseLoan(GROUP, tx, pick(members, step, unknown),
                            amount(step, Math.min(books.lendable(), 400_000)), term, null, on, TODAY);
                }
                case REPAYMENT -> {
                    List<UUID> loans = new ArrayList<>(books.loans.keySet());
                    UUID loanId = pick(mostly(step, loans.stream().filter(l -> books.outstanding(l) > 0).toList(),
                            loans), step, unknown);
                    long amount;
                    if (!books.loans.containsKey(loanId)) {
                        amount = amount(step, 10_000);
                    } else if (step.flag()) {
                        amount = Math.max(1, books.payoff(loanId, on));
                    } else {
                        amount = amount(step, books.outstanding(loanId));
                    }
                    return new RecordRepayment(GROUP, tx, loanId, amount, on, TODAY);
                }
                case GRANT -> {
                    UUID recipient = step.pick() % 3 == 0 ? null : pick(members, step, unknown);
                    return new MakeEmergencyGrant(GROUP, tx, recipient, recipient == null ? "a family" : null,
                            amount(step, books.pool(Pool.EMERGENCY_FUND)), GrantReason.values()[step.pick() % 6],
                            step.flag(), on, TODAY);
                }
                case RECOVERY -> {
                    List<UUID> grants = new ArrayList<>(books.grants.keySet());
                    UUID grantId = pick(mostly(step, grants.stream().filter(g -> books.grants.get(g).recoverable()
                            && !books.reversed.contains(g)).toList(), grants), step, unknown);
                    long left = books.grants.containsKey(grantId)
                            ? books.grants.get(grantId).amount() - books.recovered.get(grantId) : 1_000;
                    return new RecordGrantRecovery(GROUP, tx, grantId, amount(step, left), on, TODAY);
                }
                case PAYOUT -> {
                    Pool pool = step.flag() ? Pool.COMMITTEE_OPERATIONS : Pool.PROVINCIAL_DISTRICT;
                    return new PayOutPool(GROUP, tx, pool, amount(step, books.pool(pool)), "PDoWA", on, TODAY);
                }
                case CASH_COUNT -> {
                    long counted = Math.max(0, books.cash + (step.seed() % 2_001) - 1_000);
                    return new CountCash(GROUP, tx, counted, on, TODAY);
                }
                case REVERSAL -> {
                    UUID target = pick(books.allIds, step, unknown);
                    return new ReverseTransaction(GROUP, tx, target, "entered in error", on, TODAY);
                }
                case POLICY_CHANGE -> {
                    LocalDate effectiveFrom = step.pick() % 31 == 2 ? BEFORE_REGISTRATION
                            : REGISTERED_ON.plusDays(step.day());
                    return new ChangePolicy(GROUP, tx, effectiveFrom,
                            PolicyPatch.whole(PRESETS.get(step.pick() % PRESETS.size())));
                }
                default -> throw new IllegalStateException("unknown kind " + step.kind());
            }
        }

        // ---------------------------------------------------------------------------------- oracles

        /**
         * The answer the spec's rules give, decided from the books before the step: unknown ids (404) first, then
         * the value-date rules, then the row's own rules in the row's order. A reused id may be answered
         * {@code TransactionIdReused} or, where an id is also unknown, with the 404.
         */
        private static Expected expectedOutcome(Books b, Object command) {
            UUID tx = command instanceof GroupCommand.Dated d ? d.transactionId()
                    : command instanceof RegisterMember m ? m.transactionId()
                    : ((ChangePolicy) command).transactionId();
            RefusalCode notFound = notFound(b, command);
            if (b.allIds.contains(tx)) {
                return notFound == null ? Expected.of(REUSED) : Expected.of(REUSED, notFound);
            }
            if (notFound != null) {
                return Expected.of(notFound);
            }
            if (command instanceof RegisterMember m) {
                if (b.members.containsKey(m.memberId())) {
                    return Expected.of(REUSED);
                }
                return Expected.of(m.joinedOn().isAfter(m.today()) ? RefusalCode.FUTURE_DATE : ACCEPTED);
            }
            if (command instanceof ChangePolicy c) {
                return Expected.of(c.effectiveFrom().isBefore(REGISTERED_ON) ? RefusalCode.PERIOD_CLOSED : ACCEPTED);
            }
            GroupCommand.Dated dated = (GroupCommand.Dated) command;
            if (dated.occurredOn().isAfter(dated.today())) {
                return Expected.of(RefusalCode.FUTURE_DATE);
            }
            if (dated.occurredOn().isBefore(REGISTERED_ON)) {
                return Expected.of(RefusalCode.PERIOD_CLOSED);
            }
            return Expected.of(firstRowRuleRefusing(b, command));
        }

        private static RefusalCode notFound(Books b, Object command) {
            if (command instanceof RecordContribution c && !b.members.containsKey(c.memberId())
                    || command instanceof RecordWithdrawal w && !b.members.containsKey(w.memberId())
                    || command instanceof DisburseLoan l && !b.members.containsKey(l.borrowerId())
                    || command instanceof MakeEmergencyGrant g && g.recipientId() != null
                    && !b.members.containsKey(g.recipientId())) {
                return RefusalCode.MEMBER_NOT_FOUND;
            }
            if (command instanceof RecordRepayment r
                    && (!b.loans.containsKey(r.loanId()) || b.reversed.contains(r.loanId()))) {
                return RefusalCode.LOAN_NOT_FOUND;
            }
            if (command instanceof RecordGrantRecovery r
                    && (!b.grants.containsKey(r.grantId()) || b.reversed.contains(r.grantId()))) {
                return RefusalCode.GRANT_NOT_FOUND;
            }
            if (command instanceof ReverseTransaction r && !b.allIds.contains(r.reversedTransactionId())) {
                return RefusalCode.TRANSACTION_NOT_FOUND;
            }
            return null;
        }

        /** The row of spec section 5 for the command, its refusals in the row's order; ACCEPTED if none. */
        private static Object firstRowRuleRefusing(Books b, Object command) {
            if (command instanceof RecordContribution c) {
                Long minimum = b.policyOn(c.occurredOn()).minInitialContribution();
                if (b.members.get(c.memberId()) == Membership.NON_MEMBER) {
                    return RefusalCode.NON_MEMBER_CANNOT_SAVE;
                }
                if (b.contributions.getOrDefault(c.memberId(), 0) == 0 && minimum != null && c.amount() < minimum) {
                    return RefusalCode.BELOW_MIN_INITIAL_CONTRIBUTION;
                }
            } else if (command instanceof RecordWithdrawal w) {
                if (w.amount() > b.savings.get(w.memberId())) {
                    return RefusalCode.INSUFFICIENT_SAVINGS;
                }
                if (w.amount() > b.lendable()) {
                    return RefusalCode.INSUFFICIENT_CASH;
                }
                if (b.hasLoanOutstanding(w.memberId())) {
                    return RefusalCode.LOAN_OUTSTANDING;
                }
            } else if (command instanceof DisburseLoan l) {
                Policy policy = b.policyOn(l.occurredOn());
                boolean nonMember = b.members.get(l.borrowerId()) == Membership.NON_MEMBER;
                if (nonMember && policy.nonMemberLending() == NonMemberLending.DISABLED) {
                    return RefusalCode.NON_MEMBER_LENDING_DISABLED;
                }
                if (l.termMonths() > policy.maxTermMonths()) {
                    return RefusalCode.TERM_TOO_LONG;
                }
                if (policy.maxLoanPrincipal() != null && l.principal() > policy.maxLoanPrincipal()) {
                    return RefusalCode.LOAN_LIMIT_EXCEEDED;
                }
                if (nonMember && nonMemberRate(policy, l.principal(), l.termMonths()) == null) {
                    return RefusalCode.NO_RATE_FOR_LOAN;
                }
                if (l.principal() > b.lendable()) {
                    return RefusalCode.INSUFFICIENT_CASH;
                }
            } else if (command instanceof RecordRepayment r) {
                if (b.outstanding(r.loanId()) == 0) {
                    return RefusalCode.LOAN_ALREADY_REPAID;
                }
                if (r.amount() > b.payoff(r.loanId(), r.occurredOn())) {
                    return RefusalCode.OVERPAYMENT;
                }
            } else if (command instanceof MakeEmergencyGrant g) {
                if (g.amount() > b.pool(Pool.EMERGENCY_FUND)) {
                    return RefusalCode.INSUFFICIENT_POOL;
                }
            } else if (command instanceof RecordGrantRecovery r) {
                EmergencyGrantMade grant = b.grants.get(r.grantId());
                if (!grant.recoverable() || r.amount() > grant.amount() - b.recovered.get(r.grantId())) {
                    return RefusalCode.OVER_RECOVERY;
                }
            } else if (command instanceof PayOutPool p) {
                if (p.amount() > b.pool(p.pool())) {
                    return RefusalCode.INSUFFICIENT_POOL;
                }
            } else if (command instanceof ReverseTransaction r) {
                UUID target = r.reversedTransactionId();
                if (b.reversed.contains(target)) {
                    return RefusalCode.ALREADY_REVERSED;
                }
                GroupTransaction t = b.transactions.get(target);
                boolean notReversible = t == null // a member registration or a policy change
                        || t instanceof TransactionReversed
                        || t instanceof LoanDisbursed l && !b.repayments.get(l.loanId()).isEmpty()
                        || t instanceof RepaymentRecorded rp && !last(b.repayments.get(rp.loanId())).equals(rp)
                        || t instanceof EmergencyGrantMade g && b.recovered.get(g.grantId()) > 0
                        || !b.keepsBalancesValid(b.effects.get(target).negate());
                if (notReversible) {
                    return RefusalCode.NOT_REVERSIBLE;
                }
            }
            return ACCEPTED;
        }

        /**
         * Section 3's split, written out: floors, then one riel each to the largest remainders, ties to the earlier
         * pool; parts of 0 left out (as in the events).
         */
        private static Map<Pool, Long> split(long interest, Map<Pool, Integer> shares) {
            long whole = shares.values().stream().mapToLong(Integer::longValue).sum();
            EnumMap<Pool, Long> parts = new EnumMap<>(Pool.class);
            EnumMap<Pool, Long> remainders = new EnumMap<>(Pool.class);
            long left = interest;
            for (Pool pool : Pool.values()) {
                long weighted = Math.multiplyExact(interest, (long) shares.getOrDefault(pool, 0));
                parts.put(pool, weighted / whole);
                remainders.put(pool, weighted % whole);
                left -= weighted / whole;
            }
            while (left-- > 0) {
                Pool largest = null;
                for (Pool pool : Pool.values()) {
                    if (shares.getOrDefault(pool, 0) > 0
                            && (largest == null || remainders.get(pool) > remainders.get(largest))) {
                        largest = pool;
                    }
                }
                parts.merge(largest, 1L, Long::sum);
                remainders.put(largest, -1L);
            }
            parts.values().removeIf(part -> part == 0);
            return parts;
        }

        private static <T> T last(List<T> list) {
            return list.get(list.size() - 1);
        }

        /** Section 4: among tiers with principal ≥ minPrincipal and term ≤ maxTermMonths, the lowest rate. */
        private static Integer nonMemberRate(Policy policy, long principal, int term) {
            Integer lowest = null;
            for (NonMemberRateTier tier : policy.nonMemberRates()) {
                if (principal >= tier.minPrincipal() && term <= tier.maxTermMonths()
                        && (lowest == null || tier.monthlyRateBp() < lowest)) {
                    lowest = tier.monthlyRateBp();
                }
            }
            return lowest;
        }

        /** The figures an accepted command's event carries, against the books before it. */
        private static void checkAcceptedEvent(Books before, Object command, Object event) {
            if (event instanceof ContributionRecorded c) {
                assertEquals(Membership.MEMBER, before.members.get(c.memberId()), "only members save");
                assertEquals(before.savings.get(c.memberId()) + c.amount(), c.savingsAfter());
            } else if (event instanceof WithdrawalRecorded w) {
                assertTrue(w.amount() <= before.savings.get(w.memberId()), "withdrawal within savings");
                assertTrue(w.amount() <= before.lendable(), "withdrawal within lendable cash");
                assertFalse(before.hasLoanOutstanding(w.memberId()), "no withdrawal with a loan outstanding");
                assertEquals(before.savings.get(w.memberId()) - w.amount(), w.savingsAfter());
            } else if (event instanceof LoanDisbursed l) {
                assertTrue(l.principal() <= before.lendable(), "loan within lendable cash");
                Policy policy = before.policyOn(l.occurredOn());
                int rate = l.borrowerMembership() == Membership.MEMBER ? policy.memberMonthlyRateBp()
                        : nonMemberRate(policy, l.principal(), l.termMonths());
                assertEquals(before.members.get(l.borrowerId()), l.borrowerMembership());
                assertEquals(rate, l.monthlyRateBp(), "the rate of the policy in force on the loan's date");
                assertEquals(policy.interestMethod(), l.interestMethod());
                assertEquals(policy.interestAllocation(), l.interestAllocation());
                assertEquals(l.occurredOn().plusMonths(l.termMonths()), l.maturesOn());
            } else if (event instanceof RepaymentRecorded r) {
                assertFalse(before.reversed.contains(r.loanId()), "repayment of a reversed loan");
                assertTrue(before.outstanding(r.loanId()) > 0, "repayment of a repaid loan");
                assertEquals(r.amount(), r.interestPart() + r.principalPart(), "interest and principal parts");
                assertEquals(r.interestPart(), r.allocation().values().stream().mapToLong(Long::longValue).sum(),
                        "the interest is allocated whole");
                assertEquals(Math.min(r.amount(), r.interestDue()), r.interestPart(), "interest is paid first");
                assertEquals(before.payoff(r.loanId(), r.occurredOn()) - before.outstanding(r.loanId()),
                        r.interestDue(), "interest due on the repayment's date");
                assertEquals(split(r.interestPart(), before.loans.get(r.loanId()).interestAllocation()),
                        r.allocation(), "interest split by the shares fixed when the loan was disbursed");
                assertEquals(before.outstanding(r.loanId()) - r.principalPart(), r.outstandingAfter());
                assertEquals(r.outstandingAfter() == 0, r.repaid());
            } else if (event instanceof EmergencyGrantMade g) {
                assertTrue(g.amount() <= before.pool(Pool.EMERGENCY_FUND), "grant within the Emergency Fund");
            } else if (event instanceof GrantRecoveryRecorded r) {
                EmergencyGrantMade grant = before.grants.get(r.grantId());
                assertFalse(before.reversed.contains(r.grantId()), "recovery of a reversed grant");
                assertTrue(grant.recoverable(), "recovery of a recoverable grant");
                assertEquals(grant.amount() - before.recovered.get(r.grantId()) - r.amount(), r.leftToRecover());
                assertTrue(r.leftToRecover() >= 0, "recovery within what is left");
            } else if (event instanceof PoolPaidOut p) {
                assertTrue(p.amount() <= before.pool(p.pool()), "payout within the pool");
            } else if (event instanceof CashCounted c) {
                assertEquals(before.cash, c.expectedCash());
                assertEquals(c.countedCash() - before.cash, c.discrepancy());
            } else if (event instanceof TransactionReversed r) {
                assertFalse(before.reversed.contains(r.reversedTransactionId()), "reversed twice");
                GroupTransaction target = before.transactions.get(r.reversedTransactionId());
                assertNotNull(target, "only money transactions and cash counts are reversed");
                assertEquals(target.kind(), r.reversedKind());
            }
        }
    }

    // ------------------------------------------------------------------------------------------ answers

    private static final String ACCEPTED = "ACCEPTED";
    private static final String REUSED = "ID_REUSED";

    /** The answers the spec allows for one command: ACCEPTED, ID_REUSED or refusal codes. */
    private record Expected(Set<Object> answers) {
        static Expected of(Object... answers) {
            return new Expected(Set.of(answers));
        }

        boolean allows(Object answer) {
            return answers.contains(answer);
        }

        @Override
        public String toString() {
            return answers.size() == 1 ? answers.iterator().next().toString() : "one of " + answers;
        }
    }

    // ------------------------------------------------------------------------------------------ sending

    /** What one command did: the events it published and the result it answered, or what it threw. */
    private record Outcome(List<Object> events, Object result, Throwable thrown) {
    }

    private static Outcome send(ResultValidator<GroupAggregate> validator, Object command) {
        List<Object> published = new ArrayList<>();
        validator.expectEventsMatching(new Capture<List<? super EventMessage<?>>>(list -> {
            for (Object message : list) {
                published.add(((EventMessage<?>) message).getPayload());
            }
        }));
        if (published.isEmpty()) {
            AtomicReference<Throwable> thrown = new AtomicReference<>();
            validator.expectException(new Capture<Throwable>(thrown::set));
            return new Outcome(null, null, thrown.get());
        }
        AtomicReference<Object> result = new AtomicReference<>();
        validator.expectSuccessfulHandlerExecution()
                .expectResultMessagePayloadMatching(new Capture<Object>(result::set));
        return new Outcome(published, command instanceof RegisterGroup ? published.get(0) : result.get(), null);
    }

    /** A matcher that matches anything and hands it over. */
    private static final class Capture<T> extends BaseMatcher<T> {
        private final java.util.function.Consumer<T> sink;

        Capture(java.util.function.Consumer<T> sink) {
            this.sink = sink;
        }

        @Override
        @SuppressWarnings("unchecked")
        public boolean matches(Object actual) {
            sink.accept((T) actual);
            return true;
        }

        @Override
        public void describeTo(Description description) {
            description.appendText("anything");
        }
    }

    // ------------------------------------------------------------------------------------------ books

    /**
     * The group's figures recomputed from its events alone, with each transaction's effect taken from the table of
     * spec section 5 (and checked against {@link Effect#of}).
     */
    static final class Books {
        long cash;
        long loanPrincipal;
        final LinkedHashMap<UUID, Long> savings = new LinkedHashMap<>();
        final EnumMap<Pool, Long> pools = new EnumMap<>(Pool.class);
        final LinkedHashMap<UUID, Membership> members = new LinkedHashMap<>();
        final List<UUID> allIds = new ArrayList<>();
        final Map<UUID, GroupTransaction> transactions = new HashMap<>();
        final Map<UUID, Effect> effects = new HashMap<>();
        final Set<UUID> reversed = new HashSet<>();
        final LinkedHashMap<UUID, LoanDisbursed> loans = new LinkedHashMap<>();
        final Map<UUID, List<RepaymentRecorded>> repayments = new HashMap<>();
        final LinkedHashMap<UUID, EmergencyGrantMade> grants = new LinkedHashMap<>();
        final Map<UUID, Long> recovered = new HashMap<>();
        final Map<UUID, Integer> contributions = new HashMap<>();
        /** Policy versions in effective-date order; of two on the same day, the one recorded later comes later. */
        final List<Map.Entry<LocalDate, Policy>> policies = new ArrayList<>();

        Books() {
            for (Pool pool : Pool.values()) {
                pools.put(pool, 0L);
            }
        }

        Books copy() {
            Books copy = new Books();
            copy.cash = cash;
            copy.loanPrincipal = loanPrincipal;
            copy.savings.putAll(savings);
            copy.pools.putAll(pools);
            copy.members.putAll(members);
            copy.allIds.addAll(allIds);
            copy.transactions.putAll(transactions);
            copy.effects.putAll(effects);
            copy.reversed.addAll(reversed);
            copy.loans.putAll(loans);
            repayments.forEach((loan, list) -> copy.repayments.put(loan, new ArrayList<>(list)));
            copy.grants.putAll(grants);
            copy.recovered.putAll(recovered);
            copy.contributions.putAll(contributions);
            copy.policies.addAll(policies);
            return copy;
        }

        long pool(Pool pool) {
            return pools.get(pool);
        }

        long earmarked() {
            return pools.entrySet().stream().filter(e -> e.getKey().earmarked()).mapToLong(Map.Entry::getValue).sum();
        }

        long lendable() {
            return cash - earmarked();
        }

        long outstanding(UUID loanId) {
            if (reversed.contains(loanId)) {
                return 0;
            }
            long repaid = repayments.get(loanId).stream().mapToLong(RepaymentRecorded::principalPart).sum();
            return loans.get(loanId).principal() - repaid;
        }

        boolean hasLoanOutstanding(UUID memberId) {
            return loans.values().stream()
                    .anyMatch(l -> l.borrowerId().equals(memberId) && outstanding(l.loanId()) > 0);
        }

        /** Interest due on the date plus the principal outstanding: the repayment that clears the loan. */
        long payoff(UUID loanId, LocalDate on) {
            LoanDisbursed l = loans.get(loanId);
            LoanTerms terms = new LoanTerms(l.principal(), l.monthlyRateBp(), l.termMonths(), l.interestMethod(),
                    l.occurredOn());
            List<RepaymentRecord> records = repayments.get(loanId).stream()
                    .map(r -> new RepaymentRecord(r.occurredOn(), r.interestPart(), r.principalPart()))
                    .toList();
            return LoanInterest.interestDue(terms, on, records) + outstanding(loanId);
        }

        Policy policyOn(LocalDate date) {
            Policy inForce = policies.get(0).getValue();
            for (Map.Entry<LocalDate, Policy> version : policies) {
                if (!version.getKey().isAfter(date)) {
                    inForce = version.getValue();
                }
            }
            return inForce;
        }

        /** Whether applying the effect keeps every figure ≥ 0 and the earmarked pools' cash in the box. */
        boolean keepsBalancesValid(Effect effect) {
            long cashAfter = cash + effect.cash();
            long earmarkedAfter = 0;
            for (Pool pool : Pool.values()) {
                long after = pools.get(pool) + effect.pools().getOrDefault(pool, 0L);
                if (after < 0) {
                    return false;
                }
                earmarkedAfter += pool.earmarked() ? after : 0;
            }
            return cashAfter >= 0 && loanPrincipal + effect.loanPrincipal() >= 0 && cashAfter >= earmarkedAfter
                    && (effect.memberId() == null || savings.get(effect.memberId()) + effect.savings() >= 0);
        }

        void apply(Object event) {
            if (event instanceof GroupRegistered g) {
                policies.add(Map.entry(g.registeredOn(), g.policy()));
                return;
            }
            if (event instanceof MemberRegistered m) {
                assertFalse(members.containsKey(m.memberId()), "member registered twice");
                assertEquals(members.size() + 1, m.registrationNumber(), "registration order");
                members.put(m.memberId(), m.membership());
                savings.put(m.memberId(), 0L);
                useId(m.transactionId());
                return;
            }
            if (event instanceof PolicyChanged p) {
                useId(p.transactionId());
                int at = policies.size();
                while (at > 0 && policies.get(at - 1).getKey().isAfter(p.effectiveFrom())) {
                    at--;
                }
                policies.add(at, Map.entry(p.effectiveFrom(), p.policy()));
                return;
            }
            GroupTransaction t = (GroupTransaction) event;
            useId(t.transactionId());
            Effect effect = specEffect(t);
            assertEquals(effect, Effect.of(t), () -> "Effect.of disagrees with the spec's table for " + t);
            transactions.put(t.transactionId(), t);
            effects.put(t.transactionId(), effect);
            cash += effect.cash();
            loanPrincipal += effect.loanPrincipal();
            if (effect.memberId() != null) {
                savings.merge(effect.memberId(), effect.savings(), Long::sum);
            }
            effect.pools().forEach((pool, delta) -> pools.merge(pool, delta, Long::sum));
            if (t instanceof ContributionRecorded c) {
                contributions.merge(c.memberId(), 1, Integer::sum);
            } else if (t instanceof LoanDisbursed l) {
                loans.put(l.loanId(), l);
                repayments.put(l.loanId(), new ArrayList<>());
            } else if (t instanceof RepaymentRecorded r) {
                repayments.get(r.loanId()).add(r);
            } else if (t instanceof EmergencyGrantMade g) {
                grants.put(g.grantId(), g);
                recovered.put(g.grantId(), 0L);
            } else if (t instanceof GrantRecoveryRecorded r) {
                recovered.merge(r.grantId(), r.amount(), Long::sum);
            } else if (t instanceof TransactionReversed r) {
                reversed.add(r.reversedTransactionId());
                GroupTransaction target = transactions.get(r.reversedTransactionId());
                if (target instanceof ContributionRecorded undone) {
                    contributions.merge(undone.memberId(), -1, Integer::sum);
                } else if (target instanceof RepaymentRecorded undone) {
                    repayments.get(undone.loanId()).remove(undone);
                } else if (target instanceof GrantRecoveryRecorded undone) {
                    recovered.merge(undone.grantId(), -undone.amount(), Long::sum);
                }
            }
        }

        private void useId(UUID transactionId) {
            assertFalse(allIds.contains(transactionId), () -> "transaction id recorded twice: " + transactionId);
            allIds.add(transactionId);
        }

        /** Section 5's effect column; a reversal is the exact inverse of its target's effect. */
        private Effect specEffect(GroupTransaction t) {
            Map<Pool, Long> none = Map.of();
            if (t instanceof CapitalReceived e) {
                return new Effect(e.amount(), 0, null, 0, Map.of(Pool.FUND_CAPITAL, e.amount()));
            } else if (t instanceof ContributionRecorded e) {
                return new Effect(e.amount(), 0, e.memberId(), e.amount(), none);
            } else if (t instanceof WithdrawalRecorded e) {
                return new Effect(-e.amount(), 0, e.memberId(), -e.amount(), none);
            } else if (t instanceof LoanDisbursed e) {
                return new Effect(-e.principal(), e.principal(), null, 0, none);
            } else if (t instanceof RepaymentRecorded e) {
                return new Effect(e.interestPart() + e.principalPart(), -e.principalPart(), null, 0, e.allocation());
            } else if (t instanceof EmergencyGrantMade e) {
                return new Effect(-e.amount(), 0, null, 0, Map.of(Pool.EMERGENCY_FUND, -e.amount()));
            } else if (t instanceof GrantRecoveryRecorded e) {
                return new Effect(e.amount(), 0, null, 0, Map.of(Pool.EMERGENCY_FUND, e.amount()));
            } else if (t instanceof PoolPaidOut e) {
                return new Effect(-e.amount(), 0, null, 0, Map.of(e.pool(), -e.amount()));
            } else if (t instanceof CashCounted) {
                return new Effect(0, 0, null, 0, none);
            } else if (t instanceof TransactionReversed e) {
                Effect target = effects.get(e.reversedTransactionId());
                assertNotNull(target, () -> "reversal of an unknown or non-money transaction: " + e);
                EnumMap<Pool, Long> inverse = new EnumMap<>(Pool.class);
                target.pools().forEach((pool, delta) -> inverse.put(pool, -delta));
                return new Effect(-target.cash(), -target.loanPrincipal(), target.memberId(), -target.savings(),
                        inverse);
            }
            throw new AssertionError("no effect in the spec for " + t);
        }

        /** The balance identity, every figure ≥ 0, and the earmarked pools' cash in the box. */
        void checkBalanced(int eventCount) {
            String where = " after " + eventCount + " events";
            long savingsTotal = 0;
            for (Map.Entry<UUID, Long> member : savings.entrySet()) {
                assertTrue(member.getValue() >= 0, "savings of " + member.getKey() + " negative" + where);
                savingsTotal += member.getValue();
            }
            long poolTotal = 0;
            for (Map.Entry<Pool, Long> pool : pools.entrySet()) {
                assertTrue(pool.getValue() >= 0, pool.getKey() + " negative" + where);
                poolTotal += pool.getValue();
            }
            assertTrue(cash >= 0, "cash negative" + where);
            assertTrue(loanPrincipal >= 0, "loan principal negative" + where);
            assertEquals(savingsTotal + poolTotal, cash + loanPrincipal,
                    "cash + loanPrincipalOutstanding = Σ savings + Σ pools" + where);
            assertTrue(cash >= earmarked(), "cash " + cash + " below the earmarked pools " + earmarked() + where);
            long outstandingByLoan = 0;
            for (UUID loanId : loans.keySet()) {
                long outstanding = outstanding(loanId);
                assertTrue(outstanding >= 0, "loan " + loanId + " repaid beyond its principal" + where);
                outstandingByLoan += outstanding;
            }
            assertEquals(loanPrincipal, outstandingByLoan, "loan principal is the sum of the loans" + where);
            recovered.forEach((grant, amount) -> assertTrue(amount >= 0 && amount <= grants.get(grant).amount(),
                    "grant " + grant + " over-recovered" + where));
        }
    }
}
