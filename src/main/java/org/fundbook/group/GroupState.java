package org.fundbook.group;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.fundbook.group.GroupEvent.BalanceFigures;
import org.fundbook.group.GroupEvent.BooksClosed;
import org.fundbook.group.GroupEvent.CapitalReceived;
import org.fundbook.group.GroupEvent.CashCounted;
import org.fundbook.group.GroupEvent.ClosingCancelled;
import org.fundbook.group.GroupEvent.ClosingStarted;
import org.fundbook.group.GroupEvent.ContributionRecorded;
import org.fundbook.group.GroupEvent.EmergencyGrantMade;
import org.fundbook.group.GroupEvent.GrantRecoveryRecorded;
import org.fundbook.group.GroupEvent.GroupRegistered;
import org.fundbook.group.GroupEvent.GroupTransaction;
import org.fundbook.group.GroupEvent.LoanDisbursed;
import org.fundbook.group.GroupEvent.MeetingHeld;
import org.fundbook.group.GroupEvent.MemberRegistered;
import org.fundbook.group.GroupEvent.PolicyChanged;
import org.fundbook.group.GroupEvent.PoolPaidOut;
import org.fundbook.group.GroupEvent.RepaymentRecorded;
import org.fundbook.group.GroupEvent.TransactionReversed;
import org.fundbook.group.GroupEvent.WithdrawalRecorded;
import org.fundbook.money.Riel;

/**
 * One group's books as its events left them: what every feature's rules decide against. It changes only through
 * {@link #evolve}, one method per event, each only setting figures; the rules read it and never write it. The
 * aggregate holds one (and snapshots it); the demo plans its history on one of its own, through the same rules.
 */
public final class GroupState {

    private UUID groupId;
    private Scheme scheme;
    private LocalDate registeredOn;
    private List<PolicyVersion> policies = new ArrayList<>();
    private int periodNumber;
    private LocalDate periodStart;
    private boolean closingInProgress;
    private LocalDate closingDate;
    private boolean lendingSuspended;

    private long cash;
    private long loanPrincipalOutstanding;
    private long memberSavings;
    private EnumMap<Pool, Long> pools = new EnumMap<>(Pool.class);

    private LinkedHashMap<UUID, Member> members = new LinkedHashMap<>();
    private HashMap<UUID, Loan> loans = new HashMap<>();
    private HashMap<UUID, Grant> grants = new HashMap<>();
    private HashMap<UUID, Recorded> transactions = new HashMap<>();
    private HashMap<UUID, Meeting> meetings = new HashMap<>();

    // the open period, by value date: where it started from, and every transaction dated in it
    private BalanceFigures opening = new BalanceFigures(0, 0, 0, Map.of());
    private HashMap<UUID, Long> openingSavings = new HashMap<>();
    private List<PeriodEntry> periodEntries = new ArrayList<>();
    private long closingDistributable;
    private PremiumBasis closingBasis;
    private List<PremiumShare> closingPremiums = List.of();

    // ------------------------------------------------------------------------------------------------ reading

    public UUID groupId() {
        return groupId;
    }

    public Scheme scheme() {
        return scheme;
    }

    public LocalDate registeredOn() {
        return registeredOn;
    }

    public int periodNumber() {
        return periodNumber;
    }

    public LocalDate periodStart() {
        return periodStart;
    }

    public boolean closingInProgress() {
        return closingInProgress;
    }

    /** The date of the closing in progress, or null. */
    public LocalDate closingDate() {
        return closingDate;
    }

    public boolean lendingSuspended() {
        return lendingSuspended;
    }

    public long cash() {
        return cash;
    }

    public long loanPrincipalOutstanding() {
        return loanPrincipalOutstanding;
    }

    public long memberSavings() {
        return memberSavings;
    }

    public long pool(Pool pool) {
        return pools.getOrDefault(pool, 0L);
    }

    /** What the earmarked pools hold: cash that stays in the box. */
    public long earmarked() {
        long sum = 0;
        for (Pool pool : Pool.values()) {
            if (pool.earmarked()) {
                sum = Riel.checkedAdd(sum, pool(pool));
            }
        }
        return sum;
    }

    public long lendableCash() {
        return cash - earmarked();
    }

    /** The group's money now. */
    public BalanceFigures figures() {
        return new BalanceFigures(cash, loanPrincipalOutstanding, memberSavings, new EnumMap<>(pools));
    }

    /** The policy in force on a date: the latest version effective on or before it (the first one before all). */
    public Policy policyOn(LocalDate date) {
        Policy inForce = policies.get(0).policy();
        for (PolicyVersion version : policies) {
            if (!version.effectiveFrom().isAfter(date)) {
                inForce = version.policy();
            }
        }
        return inForce;
    }

    /** The member, or null. */
    public Member member(UUID memberId) {
        return members.get(memberId);
    }

    /** Every registered person, in registration order. */
    public Collection<Member> members() {
        return Collections.unmodifiableCollection(members.values());
    }

    /** The loan, or null. */
    public Loan loan(UUID loanId) {
        return loans.get(loanId);
    }

    /** The grant, or null. */
    public Grant grant(UUID grantId) {
        return grants.get(grantId);
    }

    /** The transaction recorded under this id, or null. */
    public Recorded transaction(UUID transactionId) {
        return transactions.get(transactionId);
    }

    /** The meeting held under this id, or null. */
    public Meeting meeting(UUID meetingId) {
        return meetings.get(meetingId);
    }

    /** Whether a client-chosen id was already used in this group for a transaction, a loan or a grant. */
    public boolean idUsed(UUID id) {
        return transactions.containsKey(id) || loans.containsKey(id) || grants.containsKey(id);
    }

    public boolean hasLoanOutstanding(UUID memberId) {
        return loans.values().stream().anyMatch(l -> !l.reversed() && l.borrowerId().equals(memberId)
                && l.outstanding() > 0);
    }

    /** The open period's balances at its start, by value date. */
    public BalanceFigures opening() {
        return opening;
    }

    /** Each member's savings at the open period's start, by value date. */
    public Map<UUID, Long> openingSavings() {
        return Collections.unmodifiableMap(openingSavings);
    }

    /** Every transaction dated in the open period (or later), in recording order. */
    public List<PeriodEntry> periodEntries() {
        return Collections.unmodifiableList(periodEntries);
    }

    public long closingDistributable() {
        return closingDistributable;
    }

    public PremiumBasis closingBasis() {
        return closingBasis;
    }

    /** The premiums the closing in progress promised; empty when none is in progress. */
    public List<PremiumShare> closingPremiums() {
        return closingPremiums;
    }

    /**
     * Whether applying the effect keeps every figure non-negative and the earmarked pools covered by cash. While a
     * closing is in progress, the premiums of its preview are already promised out of the PREMIUM pool: the pool
     * must keep them, or the closing could never be confirmed.
     */
    public boolean allows(Effect effect) {
        long cashAfter = cash + effect.cash();
        long loansAfter = loanPrincipalOutstanding + effect.loanPrincipal();
        if (cashAfter < 0 || loansAfter < 0) {
            return false;
        }
        if (effect.memberId() != null && members.get(effect.memberId()).savings() + effect.savings() < 0) {
            return false;
        }
        long premiumsPromised = closingPremiums.stream().mapToLong(PremiumShare::premium).sum();
        long earmarkedAfter = 0;
        for (Pool pool : Pool.values()) {
            long after = pool(pool) + effect.pools().getOrDefault(pool, 0L);
            if (after < (pool == Pool.PREMIUM ? premiumsPromised : 0)) {
                return false;
            }
            if (pool.earmarked()) {
                earmarkedAfter += after;
            }
        }
        return cashAfter >= earmarkedAfter;
    }

    /**
     * The balance identity {@code cash + loanPrincipalOutstanding = memberSavings + Σ pools}, every figure
     * non-negative and the earmarked pools in the box. A breach is a bug, never a refusal: it throws.
     */
    public void checkInvariants() {
        long poolSum = 0;
        for (Pool pool : Pool.values()) {
            long held = pool(pool);
            if (held < 0) {
                throw new IllegalStateException("pool " + pool + " of group " + groupId + " is negative: " + held);
            }
            poolSum = Riel.checkedAdd(poolSum, held);
        }
        long savings = 0;
        for (Member member : members.values()) {
            if (member.savings() < 0) {
                throw new IllegalStateException("savings of member " + member.memberId() + " are negative");
            }
            savings = Riel.checkedAdd(savings, member.savings());
        }
        if (savings != memberSavings || cash < earmarked() || loanPrincipalOutstanding < 0
                || Riel.checkedAdd(cash, loanPrincipalOutstanding) != Riel.checkedAdd(memberSavings, poolSum)) {
            throw new IllegalStateException("balance identity broken in group " + groupId + ": cash " + cash
                    + ", loans " + loanPrincipalOutstanding + ", savings " + memberSavings + ", pools " + pools);
        }
    }

    // ----------------------------------------------------------------------------------------------- evolving

    /** The state after one more event. */
    public void evolve(GroupEvent event) {
        if (event instanceof GroupRegistered e) {
            on(e);
        } else if (event instanceof PolicyChanged e) {
            on(e);
        } else if (event instanceof MemberRegistered e) {
            on(e);
        } else if (event instanceof CapitalReceived e) {
            record(e, null);
        } else if (event instanceof ContributionRecorded e) {
            on(e);
        } else if (event instanceof WithdrawalRecorded e) {
            record(e, e.memberId());
        } else if (event instanceof LoanDisbursed e) {
            on(e);
        } else if (event instanceof RepaymentRecorded e) {
            on(e);
        } else if (event instanceof EmergencyGrantMade e) {
            on(e);
        } else if (event instanceof GrantRecoveryRecorded e) {
            on(e);
        } else if (event instanceof PoolPaidOut e) {
            record(e, null);
        } else if (event instanceof CashCounted e) {
            record(e, null);
        } else if (event instanceof TransactionReversed e) {
            on(e);
        } else if (event instanceof ClosingStarted e) {
            on(e);
        } else if (event instanceof ClosingCancelled e) {
            on(e);
        } else if (event instanceof BooksClosed e) {
            on(e);
        } else if (event instanceof MeetingHeld e) {
            on(e);
        } else {
            throw new IllegalArgumentException("no state change defined for " + event.getClass().getSimpleName());
        }
    }

    private void on(GroupRegistered event) {
        groupId = event.groupId();
        scheme = event.scheme();
        registeredOn = event.registeredOn();
        policies.add(new PolicyVersion(event.registeredOn(), event.policy()));
        periodNumber = 1;
        periodStart = event.registeredOn();
        for (Pool pool : Pool.values()) {
            pools.put(pool, 0L);
        }
    }

    private void on(PolicyChanged event) {
        transactions.put(event.transactionId(), new Recorded(event.transactionId(), TransactionKind.POLICY_CHANGE,
                null, Effect.NONE));
        policies.add(new PolicyVersion(event.effectiveFrom(), event.policy()));
        // stable sort: of two versions effective the same day, the one recorded later wins
        policies.sort(Comparator.comparing(PolicyVersion::effectiveFrom));
    }

    private void on(MemberRegistered event) {
        transactions.put(event.transactionId(), new Recorded(event.transactionId(),
                TransactionKind.MEMBER_REGISTRATION, event.memberId(), Effect.NONE));
        members.put(event.memberId(), new Member(event.memberId(), event.name(), event.membership(), 0, 0));
    }

    private void on(ContributionRecorded event) {
        members.computeIfPresent(event.memberId(), (id, m) -> m.contributed(1));
        record(event, event.memberId());
    }

    private void on(LoanDisbursed event) {
        loans.put(event.loanId(), Loan.disbursed(event));
        record(event, event.loanId());
    }

    private void on(RepaymentRecorded event) {
        loans.computeIfPresent(event.loanId(), (id, loan) -> loan.repaid(new Repayment(event.transactionId(),
                event.occurredOn(), event.interestPart(), event.principalPart())));
        record(event, event.loanId());
    }

    private void on(EmergencyGrantMade event) {
        grants.put(event.grantId(), new Grant(event.grantId(), event.amount(), event.recoverable(), 0, 0, false));
        record(event, event.grantId());
    }

    private void on(GrantRecoveryRecorded event) {
        grants.computeIfPresent(event.grantId(), (id, grant) -> grant.recovered(event.amount(), 1));
        record(event, event.grantId());
    }

    private void on(TransactionReversed event) {
        Recorded target = transactions.computeIfPresent(event.reversedTransactionId(),
                (id, recorded) -> recorded.reversedTransaction());
        UUID subject = target.subjectId();
        switch (target.kind()) {
            case CONTRIBUTION -> members.computeIfPresent(subject, (id, m) -> m.contributed(-1));
            case LOAN_DISBURSEMENT -> loans.computeIfPresent(subject, (id, loan) -> loan.reversedLoan());
            case REPAYMENT -> loans.computeIfPresent(subject, (id, loan) -> loan.latestRepaymentUndone());
            case EMERGENCY_GRANT -> grants.computeIfPresent(subject, (id, grant) -> grant.reversedGrant());
            case GRANT_RECOVERY -> grants.computeIfPresent(subject, (id, grant) ->
                    grant.recovered(event.poolDeltas().getOrDefault(Pool.EMERGENCY_FUND, 0L), -1));
            default -> {
                // capital, withdrawal, payout and cash count have no entity to restore
            }
        }
        record(event, target.transactionId());
    }

    private void on(ClosingStarted event) {
        transactions.put(event.transactionId(), new Recorded(event.transactionId(), TransactionKind.CLOSING, null,
                Effect.NONE));
        closingInProgress = true;
        closingDate = event.closingDate();
        lendingSuspended = event.lendingSuspended();
        closingDistributable = event.distributable();
        closingBasis = event.premiumBasis();
        closingPremiums = List.copyOf(event.premiums());
    }

    private void on(ClosingCancelled event) {
        transactions.put(event.transactionId(), new Recorded(event.transactionId(), TransactionKind.CLOSING, null,
                Effect.NONE));
        endClosing();
    }

    private void on(BooksClosed event) {
        transactions.put(event.transactionId(), new Recorded(event.transactionId(), TransactionKind.CLOSING, null,
                Effect.NONE));
        applyEffect(Effect.premiumPayout(event));
        HashMap<UUID, Long> nextOpening = new HashMap<>(openingSavings);
        for (PeriodEntry entry : periodEntries) {
            if (entry.occurredOn().isBefore(event.closingDate()) && entry.effect().memberId() != null) {
                nextOpening.merge(entry.effect().memberId(), entry.effect().savings(), Riel::checkedAdd);
            }
        }
        if (event.payoutMode() == PayoutMode.REINVEST) {
            // the payout's effect credited the group's savings; each member's share is credited here
            for (PremiumShare share : event.premiums()) {
                if (share.premium() > 0) {
                    members.computeIfPresent(share.memberId(), (id, m) -> m.saved(share.premium()));
                    nextOpening.merge(share.memberId(), share.premium(), Riel::checkedAdd);
                }
            }
        }
        openingSavings = nextOpening;
        opening = event.closing();
        periodEntries = new ArrayList<>(periodEntries.stream()
                .filter(entry -> !entry.occurredOn().isBefore(event.closingDate())).toList());
        periodNumber = event.periodNumber() + 1;
        periodStart = event.closingDate();
        endClosing();
    }

    private void on(MeetingHeld event) {
        meetings.put(event.meetingId(), meetings.getOrDefault(event.meetingId(),
                new Meeting(event.meetingId(), event.heldOn(), Set.of(), Set.of())).with(event));
    }

    private void endClosing() {
        closingInProgress = false;
        closingDate = null;
        lendingSuspended = false;
        closingDistributable = 0;
        closingBasis = null;
        closingPremiums = List.of();
    }

    private void record(GroupTransaction event, UUID subjectId) {
        Effect effect = Effect.of(event);
        transactions.put(event.transactionId(), new Recorded(event.transactionId(), event.kind(), subjectId, effect));
        TransactionKind movementKind = event instanceof TransactionReversed reversal
                ? reversal.reversedKind() : event.kind();
        periodEntries.add(new PeriodEntry(event.occurredOn(), movementKind, effect));
        applyEffect(effect);
    }

    /** The group's figures move by the effect; a member's savings too when the effect names one. */
    private void applyEffect(Effect effect) {
        cash = Riel.checkedAdd(cash, effect.cash());
        loanPrincipalOutstanding = Riel.checkedAdd(loanPrincipalOutstanding, effect.loanPrincipal());
        memberSavings = Riel.checkedAdd(memberSavings, effect.savings());
        if (effect.memberId() != null) {
            members.computeIfPresent(effect.memberId(), (id, m) -> m.saved(effect.savings()));
        }
        effect.pools().forEach((pool, delta) -> pools.merge(pool, delta, Riel::checkedAdd));
    }

    // ------------------------------------------------------------------------------------------- entities

    public record PolicyVersion(LocalDate effectiveFrom, Policy policy) {
    }

    /** A transaction dated in the open period: its value date, its kind for the statement, its effect. */
    public record PeriodEntry(LocalDate occurredOn, TransactionKind kind, Effect effect) {
    }

    /** A registered person: what they have saved, and how many contributions of theirs stand. */
    public record Member(UUID memberId, String name, Membership membership, long savings, int contributions) {

        Member saved(long amount) {
            return new Member(memberId, name, membership, Riel.checkedAdd(savings, amount), contributions);
        }

        Member contributed(int count) {
            return new Member(memberId, name, membership, savings, contributions + count);
        }
    }

    /**
     * A loan's terms as disbursed (fixed for its life), its repayments in order, what is still owed.
     *
     * @param allocation the interest split in force when it was disbursed, in basis points of the interest per pool
     */
    public record Loan(UUID loanId, UUID borrowerId, long principal, int monthlyRateBp, int termMonths,
                       InterestMethod interestMethod, LocalDate disbursedOn, Map<Pool, Integer> allocation,
                       List<Repayment> repayments, long outstanding, boolean reversed) {

        static Loan disbursed(LoanDisbursed e) {
            return new Loan(e.loanId(), e.borrowerId(), e.principal(), e.monthlyRateBp(), e.termMonths(),
                    e.interestMethod(), e.occurredOn(), Map.copyOf(e.interestAllocation()), List.of(), e.principal(),
                    false);
        }

        Loan repaid(Repayment repayment) {
            List<Repayment> after = new ArrayList<>(repayments);
            after.add(repayment);
            return with(List.copyOf(after), outstanding - repayment.principalPart(), reversed);
        }

        Loan latestRepaymentUndone() {
            Repayment undone = repayments.get(repayments.size() - 1);
            return with(List.copyOf(repayments.subList(0, repayments.size() - 1)),
                    outstanding + undone.principalPart(), reversed);
        }

        Loan reversedLoan() {
            return with(repayments, outstanding, true);
        }

        private Loan with(List<Repayment> repayments, long outstanding, boolean reversed) {
            return new Loan(loanId, borrowerId, principal, monthlyRateBp, termMonths, interestMethod, disbursedOn,
                    allocation, repayments, outstanding, reversed);
        }
    }

    public record Repayment(UUID transactionId, LocalDate occurredOn, long interestPart, long principalPart) {
    }

    /** An Emergency Fund grant, what has been recovered of it and by how many recoveries. */
    public record Grant(UUID grantId, long amount, boolean recoverable, long recovered, int recoveries,
                        boolean reversed) {

        Grant recovered(long amount, int count) {
            return new Grant(grantId, this.amount, recoverable, recovered + amount, recoveries + count, reversed);
        }

        Grant reversedGrant() {
            return new Grant(grantId, amount, recoverable, recovered, recoveries, true);
        }
    }

    /** A meeting and everything recorded at it so far, over all its sends. */
    public record Meeting(UUID meetingId, LocalDate heldOn, Set<UUID> attendance, Set<UUID> transactionIds) {

        Meeting with(MeetingHeld event) {
            LinkedHashSet<UUID> present = new LinkedHashSet<>(attendance);
            present.addAll(event.attendance());
            LinkedHashSet<UUID> recorded = new LinkedHashSet<>(transactionIds);
            recorded.addAll(event.transactionIds());
            return new Meeting(meetingId, heldOn, Collections.unmodifiableSet(present),
                    Collections.unmodifiableSet(recorded));
        }
    }

    /**
     * A transaction id this group has used, what it was, and what it did to the balances.
     *
     * @param subjectId the member, loan or grant the transaction concerns; null for none
     */
    public record Recorded(UUID transactionId, TransactionKind kind, UUID subjectId, Effect effect,
                           boolean reversed) {

        Recorded(UUID transactionId, TransactionKind kind, UUID subjectId, Effect effect) {
            this(transactionId, kind, subjectId, effect, false);
        }

        Recorded reversedTransaction() {
            return new Recorded(transactionId, kind, subjectId, effect, true);
        }
    }
}
