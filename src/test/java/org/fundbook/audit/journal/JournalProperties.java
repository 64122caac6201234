package org.fundbook.audit.journal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.fundbook.group.PremiumShare;
import org.fundbook.group.Effect;
import org.fundbook.group.GrantReason;
import org.fundbook.group.GroupEvent;
import org.fundbook.group.GroupEvent.BooksClosed;
import org.fundbook.group.GroupEvent.CapitalReceived;
import org.fundbook.group.GroupEvent.CashCounted;
import org.fundbook.group.GroupEvent.ContributionRecorded;
import org.fundbook.group.GroupEvent.EmergencyGrantMade;
import org.fundbook.group.GroupEvent.GrantRecoveryRecorded;
import org.fundbook.group.GroupEvent.GroupTransaction;
import org.fundbook.group.GroupEvent.LoanDisbursed;
import org.fundbook.group.GroupEvent.PoolPaidOut;
import org.fundbook.group.GroupEvent.RepaymentRecorded;
import org.fundbook.group.GroupEvent.TransactionReversed;
import org.fundbook.group.GroupEvent.WithdrawalRecorded;
import org.fundbook.group.Membership;
import org.fundbook.group.PayoutMode;
import org.fundbook.group.Pool;
import org.fundbook.group.PremiumBasis;
import org.fundbook.group.query.Balances;
import org.fundbook.group.InterestMethod;

/**
 * The journal against random histories of every kind of money event (amounts, dates, interest splits, premium
 * payouts and reversals of earlier transactions drawn at random): every entry balances, the trial balance's two
 * columns are equal, and the balances the journal gives are those obtained by summing the events' effects
 * directly — at the end and as of any value date.
 */
class JournalProperties {

    private static final UUID GROUP = UUID.fromString("00000000-0000-0000-0000-00000000a0d1");
    private static final LocalDate START = LocalDate.of(2024, 1, 1);
    private static final List<UUID> MEMBERS = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());

    enum Kind {
        CAPITAL, CONTRIBUTION, WITHDRAWAL, LOAN, REPAYMENT, GRANT, RECOVERY, PAYOUT, CASH_COUNT, REVERSAL, CLOSING
    }

    record Step(Kind kind, long amount, long other, int day, int pick, List<Integer> weights) {
    }

    @Provide
    Arbitrary<List<Step>> histories() {
        Arbitrary<Step> step = Combinators.combine(
                Arbitraries.of(Kind.class),
                Arbitraries.longs().between(1, 1_000_000_000_000L),
                Arbitraries.longs().between(0, 1_000_000_000L),
                Arbitraries.integers().between(0, 730),
                Arbitraries.integers().between(0, 1_000),
                Arbitraries.integers().between(0, 10_000).list().ofSize(Pool.values().length))
                .as(Step::new);
        return step.list().ofMinSize(1).ofMaxSize(80);
    }

    @Property(tries = 300)
    void everyEntryBalancesAndTheJournalAgreesWithTheEffects(@ForAll("histories") List<Step> steps,
                                                            @ForAll @IntRange(min = 0, max = 730) int asOfDay) {
        List<GroupEvent> events = history(steps);
        GeneralLedger ledger = new GeneralLedger();
        GeneralLedger ledgerAsOf = new GeneralLedger();
        Figures figuresAsOf = new Figures();
        Expected expected = new Expected();
        LocalDate asOf = START.plusDays(asOfDay);

        for (GroupEvent event : events) {
            expected.apply(event);
            Journal.posting(event).ifPresent(posting -> {
                assertThat(posting.totalDebit()).as("entry %s", posting).isEqualTo(posting.totalCredit());
                assertThat(posting.totalDebit()).isPositive();
                assertThat(posting.lines()).allSatisfy(line ->
                        assertThat(line.debit() == 0 ^ line.credit() == 0).isTrue());
                assertThat(posting.lines().stream().map(JournalLine::account).distinct().count())
                        .isEqualTo(posting.lines().size());
                ledger.post(posting);
                if (!posting.occurredOn().isAfter(asOf)) {
                    ledgerAsOf.post(posting);
                }
            });
            Movement.of(event).filter(m -> !m.valueDate().isAfter(asOf)).ifPresent(figuresAsOf::apply);
        }

        TrialBalance trialBalance = ledger.trialBalance();
        assertThat(trialBalance.balanced()).isTrue();
        assertThat(trialBalance.totalDebit()).isEqualTo(trialBalance.totalCredit());
        assertThat(trialBalance.accounts()).extracting(TrialBalance.Row::account).containsExactly(Account.values());
        assertThat(ledger.balances()).isEqualTo(expected.balances());
        assertThat(ledgerAsOf.trialBalance().balanced()).isTrue();
        assertThat(ledgerAsOf.balances()).isEqualTo(figuresAsOf.balances());
    }

    @Property(tries = 100)
    void aReversalPostsTheMirrorOfTheEntryItReverses(@ForAll("histories") List<Step> steps) {
        for (GroupEvent event : history(steps)) {
            if (event instanceof GroupTransaction original && !(event instanceof TransactionReversed)
                    && !(event instanceof CashCounted)) {
                Posting posting = Journal.posting(original).orElseThrow();
                Effect inverse = Effect.of(original).negate();
                Posting reversal = Journal.posting(new TransactionReversed(GROUP, UUID.randomUUID(),
                        original.transactionId(), original.kind(), "mistake", original.occurredOn(), inverse.cash(),
                        inverse.loanPrincipal(), inverse.memberId(), inverse.savings(), inverse.pools())).orElseThrow();
                assertThat(reversal.lines()).containsExactlyInAnyOrderElementsOf(posting.lines().stream()
                        .map(line -> new JournalLine(line.account(), line.credit(), line.debit())).toList());
            }
        }
    }

    /** Turns random steps into events; reversals and closings refer to what came before. */
    private static List<GroupEvent> history(List<Step> steps) {
        List<GroupEvent> events = new ArrayList<>();
        List<GroupTransaction> reversible = new ArrayList<>();
        int period = 1;
        for (Step s : steps) {
            UUID id = UUID.randomUUID();
            LocalDate on = START.plusDays(s.day());
            UUID member = MEMBERS.get(s.pick() % MEMBERS.size());
            GroupEvent event = switch (s.kind()) {
                case CAPITAL -> new CapitalReceived(GROUP, id, "IOM", s.amount(), on);
                case CONTRIBUTION -> new ContributionRecorded(GROUP, id, member, s.amount(), on, s.amount());
                case WITHDRAWAL -> new WithdrawalRecorded(GROUP, id, member, s.amount(), on, 0);
                case LOAN -> new LoanDisbursed(GROUP, id, member, Membership.MEMBER, s.amount(), 200,
                        InterestMethod.FLAT, 6, null, on, on.plusMonths(6), Map.of(Pool.PREMIUM, 10_000));
                case REPAYMENT -> repayment(s, id, on);
                case GRANT -> new EmergencyGrantMade(GROUP, id, member, "Sok", s.amount(),
                        GrantReason.values()[s.pick() % GrantReason.values().length], s.pick() % 2 == 0, on);
                case RECOVERY -> new GrantRecoveryRecorded(GROUP, id, UUID.randomUUID(), s.amount(), on, 0);
                case PAYOUT -> new PoolPaidOut(GROUP, id, Pool.values()[s.pick() % Pool.values().length], s.amount(),
                        "district office", on);
                case CASH_COUNT -> new CashCounted(GROUP, id, on, s.amount(), s.other(), s.other() - s.amount());
                case REVERSAL -> reversible.isEmpty() ? null : reversalOf(reversible.get(s.pick() % reversible.size()),
                        id, on);
                case CLOSING -> closing(s, id, on, period++);
            };
            if (event == null) {
                continue;
            }
            events.add(event);
            if (event instanceof GroupTransaction t && !(t instanceof TransactionReversed)) {
                reversible.add(t);
            }
        }
        return events;
    }

    /** Interest split across pools by random weights, the parts summing to the interest exactly. */
    private static RepaymentRecorded repayment(Step s, UUID id, LocalDate on) {
        EnumMap<Pool, Long> allocation = new EnumMap<>(Pool.class);
        long interest = 0;
        for (int i = 0; i < Pool.values().length; i++) {
            long part = s.other() * s.weights().get(i) / 10_000;
            if (part > 0) {
                allocation.put(Pool.values()[i], part);
                interest += part;
            }
        }
        return new RepaymentRecorded(GROUP, id, UUID.randomUUID(), MEMBERS.get(0), s.amount() + interest, on,
                interest, interest, s.amount(), allocation, 0, false);
    }

    private static TransactionReversed reversalOf(GroupTransaction original, UUID id, LocalDate on) {
        Effect inverse = Effect.of(original).negate();
        return new TransactionReversed(GROUP, id, original.transactionId(), original.kind(), "entered twice", on,
                inverse.cash(), inverse.loanPrincipal(), inverse.memberId(), inverse.savings(), inverse.pools());
    }

    private static BooksClosed closing(Step s, UUID id, LocalDate on, int period) {
        List<PremiumShare> premiums = new ArrayList<>();
        for (int i = 0; i < MEMBERS.size(); i++) {
            premiums.add(new PremiumShare(MEMBERS.get(i), s.weights().get(i), s.other() * s.weights().get(i) / 7));
        }
        PayoutMode mode = s.pick() % 2 == 0 ? PayoutMode.CASH : PayoutMode.REINVEST;
        GroupEvent.BalanceFigures none = new GroupEvent.BalanceFigures(0, 0, 0, Map.of());
        return new BooksClosed(GROUP, id, period, on.minusMonths(6), on, mode, PremiumBasis.AVERAGE_BALANCE, 0,
                premiums, none, Map.of(), none, 0, 0, 0);
    }

    /** The balances summed with no journal: each transaction's {@link Effect}, and each closing's premiums. */
    private static final class Expected {
        long cash;
        long loans;
        long savings;
        final EnumMap<Pool, Long> pools = new EnumMap<>(Pool.class);

        void apply(GroupEvent event) {
            if (event instanceof GroupTransaction t) {
                Effect effect = Effect.of(t);
                cash += effect.cash();
                loans += effect.loanPrincipal();
                savings += effect.savings();
                effect.pools().forEach((pool, delta) -> pools.merge(pool, delta, Long::sum));
            } else if (event instanceof BooksClosed closed) {
                long total = closed.premiums().stream().mapToLong(PremiumShare::premium).sum();
                pools.merge(Pool.PREMIUM, -total, Long::sum);
                if (closed.payoutMode() == PayoutMode.CASH) {
                    cash -= total;
                } else {
                    savings += total;
                }
            }
        }

        Balances balances() {
            return Balances.of(cash, loans, savings, pools);
        }
    }
}
