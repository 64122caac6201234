package org.fundbook.group;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.UUID;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.fundbook.closing.Premiums;
import org.fundbook.closing.SavingsMovement;
import org.fundbook.group.GroupCommand.CancelClosing;
import org.fundbook.group.GroupCommand.ChangePolicy;
import org.fundbook.group.GroupCommand.ConfirmClosing;
import org.fundbook.group.GroupCommand.StartClosing;
import org.fundbook.group.GroupCommand.CountCash;
import org.fundbook.group.GroupCommand.Dated;
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
import org.fundbook.group.GroupEvent.BalanceFigures;
import org.fundbook.group.GroupEvent.BooksClosed;
import org.fundbook.group.GroupEvent.CapitalReceived;
import org.fundbook.group.GroupEvent.ClosingCancelled;
import org.fundbook.group.GroupEvent.ClosingStarted;
import org.fundbook.group.GroupEvent.CashCounted;
import org.fundbook.group.GroupEvent.ContributionRecorded;
import org.fundbook.group.GroupEvent.EmergencyGrantMade;
import org.fundbook.group.GroupEvent.GrantRecoveryRecorded;
import org.fundbook.group.GroupEvent.GroupRegistered;
import org.fundbook.group.GroupEvent.LoanDisbursed;
import org.fundbook.group.GroupEvent.MemberRegistered;
import org.fundbook.group.GroupEvent.PolicyChanged;
import org.fundbook.group.GroupEvent.PoolPaidOut;
import org.fundbook.group.GroupEvent.RepaymentRecorded;
import org.fundbook.group.GroupEvent.TransactionReversed;
import org.fundbook.group.GroupEvent.WithdrawalRecorded;
import org.fundbook.lending.LoanInterest;
import org.fundbook.lending.LoanInterest.RepaymentSplit;
import org.fundbook.lending.LoanTerms;
import org.fundbook.lending.NonMemberRates;
import org.fundbook.lending.RepaymentRecord;
import org.fundbook.money.LargestRemainder;
import org.fundbook.money.Riel;

/**
 * One savings group or village fund: the consistency boundary of the ledger. Every rule of the domain spec is
 * decided here against the state recorded so far; a refusal throws before anything is applied, so it changes
 * nothing. Event sourcing handlers only set state. After every command the balance identity
 * {@code cash + loanPrincipalOutstanding = memberSavings + Σ pools} is asserted.
 */
@Aggregate(snapshotTriggerDefinition = "groupSnapshotTrigger", cache = "groupCache")
public class GroupAggregate {

    @AggregateIdentifier
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

    // the open period, by value date: where it started from, and every transaction dated in it
    private BalanceFigures opening = new BalanceFigures(0, 0, 0, Map.of());
    private HashMap<UUID, Long> openingSavings = new HashMap<>();
    private List<PeriodEntry> periodEntries = new ArrayList<>();
    private long closingDistributable;
    private PremiumBasis closingBasis;
    private List<PremiumShare> closingPremiums = List.of();

    protected GroupAggregate() {
        // required by Axon and by snapshot deserialization
    }

    // ---------------------------------------------------------------------------------------------- commands

    @CommandHandler
    public GroupAggregate(RegisterGroup command) {
        if (command.registeredOn().isAfter(command.today())) {
            throw refuse(RefusalCode.FUTURE_DATE, "registeredOn " + command.registeredOn() + " is after today");
        }
        apply(new GroupRegistered(command.groupId(), command.name(), command.scheme(), command.location(),
                command.registeredOn(), command.policy()));
    }

    @CommandHandler
    public GroupEvent handle(ChangePolicy command) {
        requireNewTransactionId(command.transactionId());
        if (command.effectiveFrom().isBefore(periodStart)) {
            throw refuse(RefusalCode.PERIOD_CLOSED,
                    "effectiveFrom " + command.effectiveFrom() + " is before the open period's start " + periodStart);
        }
        if (closingInProgress && command.effectiveFrom().isBefore(closingDate)) {
            // the period under review is frozen, its rules included: the preview must stay the statement
            throw refuse(RefusalCode.CLOSING_IN_PROGRESS, "the period before " + closingDate + " is being closed");
        }
        Policy policy = command.policy().applyTo(policyOn(command.effectiveFrom()));
        if (!policy.problems().isEmpty()) {
            throw new IllegalArgumentException("the policy change leaves an invalid policy: "
                    + policy.problems().get(0)[0] + " " + policy.problems().get(0)[1]);
        }
        PolicyChanged event = new PolicyChanged(groupId, command.transactionId(), command.effectiveFrom(), policy);
        apply(event);
        return event;
    }

    @CommandHandler
    public GroupEvent handle(RegisterMember command) {
        requireNewTransactionId(command.transactionId());
        if (members.containsKey(command.memberId())) {
            throw new TransactionIdReused("member " + command.memberId() + " is already registered");
        }
        if (command.joinedOn().isAfter(command.today())) {
            throw refuse(RefusalCode.FUTURE_DATE, "joinedOn " + command.joinedOn() + " is after today");
        }
        MemberRegistered event = new MemberRegistered(groupId, command.transactionId(), command.memberId(), command.name(),
                command.sex(), command.membership(), command.joinedOn(), command.poorestFamily(),
                command.officerRole(), command.subgroup(), members.size() + 1);
        apply(event);
        return event;
    }

    @CommandHandler
    public GroupEvent handle(ReceiveCapital command) {
        checkDated(command);
        CapitalReceived event = new CapitalReceived(groupId, command.transactionId(), command.source(), command.amount(),
                command.occurredOn());
        apply(event);
        assertInvariants();
        return event;
    }

    @CommandHandler
    public GroupEvent handle(RecordContribution command) {
        Member member = member(command.memberId());
        checkDated(command);
        if (member.membership == Membership.NON_MEMBER) {
            throw refuse(RefusalCode.NON_MEMBER_CANNOT_SAVE, "a non-member cannot save");
        }
        Long minimum = policyOn(command.occurredOn()).minInitialContribution();
        if (member.contributions == 0 && minimum != null && command.amount() < minimum) {
            throw refuse(RefusalCode.BELOW_MIN_INITIAL_CONTRIBUTION,
                    "a member's first contribution must be at least " + minimum + " riel");
        }
        ContributionRecorded event = new ContributionRecorded(groupId, command.transactionId(), member.memberId, command.amount(),
                command.occurredOn(), Riel.checkedAdd(member.savings, command.amount()));
        apply(event);
        assertInvariants();
        return event;
    }

    @CommandHandler
    public GroupEvent handle(RecordWithdrawal command) {
        Member member = member(command.memberId());
        checkDated(command);
        if (command.amount() > member.savings) {
            throw refuse(RefusalCode.INSUFFICIENT_SAVINGS,
                    "the member has " + member.savings + " riel of savings");
        }
        if (command.amount() > lendableCash()) {
            throw refuse(RefusalCode.INSUFFICIENT_CASH, "lendable cash is " + lendableCash() + " riel");
        }
        if (hasLoanOutstanding(member.memberId)) {
            throw refuse(RefusalCode.LOAN_OUTSTANDING, "the member has a loan outstanding");
        }
        WithdrawalRecorded event = new WithdrawalRecorded(groupId, command.transactionId(), member.memberId, command.amount(),
                command.occurredOn(), member.savings - command.amount());
        apply(event);
        assertInvariants();
        return event;
    }

    @CommandHandler
    public GroupEvent handle(DisburseLoan command) {
        Member borrower = member(command.borrowerId());
        checkDated(command);
        Policy policy = policyOn(command.occurredOn());
        if (lendingSuspended) {
            throw refuse(RefusalCode.LENDING_SUSPENDED, "lending is suspended while the books are being closed");
        }
        boolean nonMember = borrower.membership == Membership.NON_MEMBER;
        if (nonMember && policy.nonMemberLending() == NonMemberLending.DISABLED) {
            throw refuse(RefusalCode.NON_MEMBER_LENDING_DISABLED, "this group does not lend to non-members");
        }
        if (command.termMonths() > policy.maxTermMonths()) {
            throw refuse(RefusalCode.TERM_TOO_LONG, "the longest term is " + policy.maxTermMonths() + " months");
        }
        if (policy.maxLoanPrincipal() != null && command.principal() > policy.maxLoanPrincipal()) {
            throw refuse(RefusalCode.LOAN_LIMIT_EXCEEDED,
                    "the largest loan is " + policy.maxLoanPrincipal() + " riel");
        }
        int rate;
        if (nonMember) {
            OptionalInt tierRate = NonMemberRates.rateFor(policy.nonMemberRates(), command.principal(),
                    command.termMonths());
            if (tierRate.isEmpty()) {
                throw refuse(RefusalCode.NO_RATE_FOR_LOAN,
                        "no non-member rate covers " + command.principal() + " riel for " + command.termMonths()
                                + " months");
            }
            rate = tierRate.getAsInt();
        } else {
            rate = policy.memberMonthlyRateBp();
        }
        if (command.principal() > lendableCash()) {
            throw refuse(RefusalCode.INSUFFICIENT_CASH, "lendable cash is " + lendableCash() + " riel");
        }
        LoanTerms terms = new LoanTerms(command.principal(), rate, command.termMonths(), policy.interestMethod(),
                command.occurredOn());
        LoanDisbursed event = new LoanDisbursed(groupId, command.transactionId(), borrower.memberId, borrower.membership,
                command.principal(), rate, policy.interestMethod(), command.termMonths(), command.purpose(),
                command.occurredOn(), terms.maturesOn(), policy.interestAllocation());
        apply(event);
        assertInvariants();
        return event;
    }

    @CommandHandler
    public GroupEvent handle(RecordRepayment command) {
        Loan loan = loans.get(command.loanId());
        if (loan == null || loan.reversed) {
            throw refuse(RefusalCode.LOAN_NOT_FOUND, "no loan " + command.loanId() + " in this group");
        }
        checkDated(command);
        if (loan.outstanding == 0) {
            throw refuse(RefusalCode.LOAN_ALREADY_REPAID, "the loan is already repaid");
        }
        RepaymentSplit split = LoanInterest.applyRepayment(loan.terms, command.occurredOn(), command.amount(),
                loan.repaymentRecords());
        if (split.principalPart() > loan.outstanding) {
            throw refuse(RefusalCode.OVERPAYMENT, "interest due " + split.interestDue() + " and principal "
                    + loan.outstanding + " riel are less than " + command.amount());
        }
        Map<Pool, Long> allocation = allocate(split.interestPart(), loan.allocation);
        long outstandingAfter = loan.outstanding - split.principalPart();
        RepaymentRecorded event = new RepaymentRecorded(groupId, command.transactionId(), loan.loanId, loan.borrowerId,
                command.amount(), command.occurredOn(), split.interestDue(), split.interestPart(),
                split.principalPart(), allocation, outstandingAfter, outstandingAfter == 0);
        apply(event);
        assertInvariants();
        return event;
    }

    @CommandHandler
    public GroupEvent handle(MakeEmergencyGrant command) {
        if (command.recipientId() != null) {
            member(command.recipientId());
        }
        checkDated(command);
        long fund = pool(Pool.EMERGENCY_FUND);
        if (command.amount() > fund) {
            throw refuse(RefusalCode.INSUFFICIENT_POOL, "the Emergency Fund holds " + fund + " riel");
        }
        String recipientName = command.recipientName();
        if (recipientName == null && command.recipientId() != null) {
            recipientName = members.get(command.recipientId()).name;
        }
        EmergencyGrantMade event = new EmergencyGrantMade(groupId, command.transactionId(), command.recipientId(), recipientName,
                command.amount(), command.reason(), command.recoverable(), command.occurredOn());
        apply(event);
        assertInvariants();
        return event;
    }

    @CommandHandler
    public GroupEvent handle(RecordGrantRecovery command) {
        Grant grant = grants.get(command.grantId());
        if (grant == null || grant.reversed) {
            throw refuse(RefusalCode.GRANT_NOT_FOUND, "no emergency grant " + command.grantId() + " in this group");
        }
        checkDated(command);
        long left = grant.amount - grant.recovered;
        if (!grant.recoverable || command.amount() > left) {
            throw refuse(RefusalCode.OVER_RECOVERY, grant.recoverable
                    ? "only " + left + " riel are left to recover on this grant"
                    : "this grant was not recoverable");
        }
        GrantRecoveryRecorded event = new GrantRecoveryRecorded(groupId, command.transactionId(), grant.grantId, command.amount(),
                command.occurredOn(), left - command.amount());
        apply(event);
        assertInvariants();
        return event;
    }

    @CommandHandler
    public GroupEvent handle(PayOutPool command) {
        if (command.pool() != Pool.COMMITTEE_OPERATIONS && command.pool() != Pool.PROVINCIAL_DISTRICT) {
            throw new IllegalArgumentException("only committee costs and the provincial share are paid out");
        }
        checkDated(command);
        long held = pool(command.pool());
        if (command.amount() > held) {
            throw refuse(RefusalCode.INSUFFICIENT_POOL, command.pool() + " holds " + held + " riel");
        }
        PoolPaidOut event = new PoolPaidOut(groupId, command.transactionId(), command.pool(), command.amount(), command.payee(),
                command.occurredOn());
        apply(event);
        assertInvariants();
        return event;
    }

    @CommandHandler
    public GroupEvent handle(CountCash command) {
        checkDated(command);
        CashCounted event = new CashCounted(groupId, command.transactionId(), command.occurredOn(), cash, command.countedCash(),
                command.countedCash() - cash);
        apply(event);
        return event;
    }

    @CommandHandler
    public GroupEvent handle(ReverseTransaction command) {
        if (command.reversedTransactionId().equals(groupId)) {
            // the group's id is its registration's transaction id
            checkDated(command);
            throw refuse(RefusalCode.NOT_REVERSIBLE, "a group's registration cannot be reversed");
        }
        Recorded target = transactions.get(command.reversedTransactionId());
        if (target == null) {
            throw refuse(RefusalCode.TRANSACTION_NOT_FOUND,
                    "no transaction " + command.reversedTransactionId() + " in this group");
        }
        checkDated(command);
        if (target.reversed) {
            throw refuse(RefusalCode.ALREADY_REVERSED, "the transaction is already reversed");
        }
        if (!target.kind.reversibleKind()) {
            throw refuse(RefusalCode.NOT_REVERSIBLE, "a " + target.kind + " cannot be reversed");
        }
        if (target.kind == TransactionKind.LOAN_DISBURSEMENT && !loans.get(target.transactionId).repayments.isEmpty()) {
            throw refuse(RefusalCode.NOT_REVERSIBLE, "a loan with repayments cannot be reversed");
        }
        if (target.kind == TransactionKind.REPAYMENT) {
            List<Repayment> repayments = loans.get(target.subjectId).repayments;
            if (!repayments.get(repayments.size() - 1).transactionId.equals(target.transactionId)) {
                throw refuse(RefusalCode.NOT_REVERSIBLE, "only the loan's latest repayment can be reversed");
            }
        }
        if (target.kind == TransactionKind.EMERGENCY_GRANT && grants.get(target.transactionId).recoveries > 0) {
            throw refuse(RefusalCode.NOT_REVERSIBLE, "a grant with recoveries cannot be reversed");
        }
        Effect inverse = target.effect.negate();
        if (!allowed(inverse)) {
            throw refuse(RefusalCode.NOT_REVERSIBLE,
                    "reversing it would leave a balance negative or the earmarked pools without their cash");
        }
        TransactionReversed event = new TransactionReversed(groupId, command.transactionId(), target.transactionId, target.kind,
                command.reason(), command.occurredOn(), inverse.cash(), inverse.loanPrincipal(), inverse.memberId(),
                inverse.savings(), inverse.pools());
        apply(event);
        assertInvariants();
        return event;
    }

    @CommandHandler
    public GroupEvent handle(StartClosing command) {
        requireNewTransactionId(command.transactionId());
        if (closingInProgress) {
            throw refuse(RefusalCode.CLOSING_IN_PROGRESS, "a closing on " + closingDate + " is already in progress");
        }
        Policy policy = policyOn(command.closingDate());
        LocalDate earliest = periodStart.plusMonths(policy.closingCycleMonths());
        if (command.closingDate().isBefore(earliest)) {
            throw refuse(RefusalCode.CLOSING_TOO_EARLY, "period " + periodNumber + " started on " + periodStart
                    + " and can close on " + earliest + " at the earliest");
        }
        if (command.closingDate().isAfter(command.today())) {
            throw refuse(RefusalCode.FUTURE_DATE, "closingDate " + command.closingDate() + " is after today");
        }
        LocalDate c = command.closingDate();
        // The PREMIUM pool by value date; never more than the pool holds now (a later-dated reversal may have
        // taken some back), so the share-out can always be paid.
        long distributable = Math.max(0, Math.min(pool(Pool.PREMIUM),
                figuresBefore(c).pools().getOrDefault(Pool.PREMIUM, 0L)));
        List<UUID> sharers = members.values().stream()
                .filter(m -> m.membership == Membership.MEMBER).map(m -> m.memberId).toList();
        List<SavingsMovement> movements = periodEntries.stream()
                .filter(entry -> entry.effect().memberId() != null && entry.effect().savings() != 0)
                .map(entry -> new SavingsMovement(entry.effect().memberId(), entry.occurredOn(),
                        entry.effect().savings()))
                .toList();
        List<PremiumShare> premiums = Premiums.shareOut(distributable,
                Premiums.Basis.valueOf(policy.premiumBasis().name()), periodStart, c, sharers, openingSavings,
                movements);
        ClosingStarted event = new ClosingStarted(groupId, command.transactionId(), periodNumber, periodStart, c,
                policy.suspendLendingDuringClosing(), policy.premiumBasis(), distributable, premiums);
        apply(event);
        return event;
    }

    @CommandHandler
    public GroupEvent handle(ConfirmClosing command) {
        if (!closingInProgress) {
            throw refuse(RefusalCode.NO_CLOSING_IN_PROGRESS, "no closing is in progress");
        }
        requireNewTransactionId(command.transactionId());
        long total = closingPremiums.stream().mapToLong(PremiumShare::premium).sum();
        if (command.payoutMode() == PayoutMode.CASH && total > lendableCash()) {
            throw refuse(RefusalCode.INSUFFICIENT_CASH, "premiums of " + total + " riel cannot be paid from "
                    + lendableCash() + " riel of lendable cash");
        }
        Effect payout = premiumEffect(command.payoutMode(), total);
        Figures closing = new Figures(figuresBefore(closingDate));
        closing.apply(payout);
        for (PremiumShare share : closingPremiums) {
            if (command.payoutMode() == PayoutMode.REINVEST) {
                closing.memberSavings = Riel.checkedAdd(closing.memberSavings, share.premium());
            }
        }
        Map<String, Long> movements = new LinkedHashMap<>();
        for (PeriodEntry entry : periodEntries) {
            if (entry.occurredOn().isBefore(closingDate)) {
                addMovement(movements, entry.kind(), entry.effect());
            }
        }
        movements.put("PREMIUM", total);
        long expectedCash = cash - (command.payoutMode() == PayoutMode.CASH ? total : 0);
        BooksClosed event = new BooksClosed(groupId, command.transactionId(), periodNumber, periodStart,
                closingDate, command.payoutMode(), closingBasis, closingDistributable,
                closingPremiums, opening, movements, closing.toFigures(), expectedCash, command.countedCash(),
                command.countedCash() - expectedCash);
        apply(event);
        assertInvariants();
        return event;
    }

    @CommandHandler
    public GroupEvent handle(CancelClosing command) {
        if (!closingInProgress) {
            throw refuse(RefusalCode.NO_CLOSING_IN_PROGRESS, "no closing is in progress");
        }
        requireNewTransactionId(command.transactionId());
        ClosingCancelled event = new ClosingCancelled(groupId, command.transactionId(), periodNumber, closingDate);
        apply(event);
        return event;
    }

    // ------------------------------------------------------------------------------------------------ events

    @EventSourcingHandler
    void on(GroupRegistered event) {
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

    @EventSourcingHandler
    void on(PolicyChanged event) {
        transactions.put(event.transactionId(), new Recorded(event.transactionId(), TransactionKind.POLICY_CHANGE,
                null, Effect.NONE));
        policies.add(new PolicyVersion(event.effectiveFrom(), event.policy()));
        // stable sort: of two versions effective the same day, the one recorded later wins
        policies.sort(Comparator.comparing(PolicyVersion::effectiveFrom));
    }

    @EventSourcingHandler
    void on(MemberRegistered event) {
        transactions.put(event.transactionId(), new Recorded(event.transactionId(),
                TransactionKind.MEMBER_REGISTRATION, event.memberId(), Effect.NONE));
        members.put(event.memberId(), new Member(event.memberId(), event.name(), event.membership()));
    }

    @EventSourcingHandler
    void on(CapitalReceived event) {
        record(event, null);
    }

    @EventSourcingHandler
    void on(ContributionRecorded event) {
        members.get(event.memberId()).contributions++;
        record(event, event.memberId());
    }

    @EventSourcingHandler
    void on(WithdrawalRecorded event) {
        record(event, event.memberId());
    }

    @EventSourcingHandler
    void on(LoanDisbursed event) {
        LoanTerms terms = new LoanTerms(event.principal(), event.monthlyRateBp(), event.termMonths(),
                event.interestMethod(), event.occurredOn());
        loans.put(event.loanId(), new Loan(event.loanId(), event.borrowerId(), terms, event.interestAllocation()));
        record(event, event.loanId());
    }

    @EventSourcingHandler
    void on(RepaymentRecorded event) {
        Loan loan = loans.get(event.loanId());
        loan.repayments.add(new Repayment(event.transactionId(), event.occurredOn(), event.interestPart(),
                event.principalPart()));
        loan.outstanding -= event.principalPart();
        record(event, event.loanId());
    }

    @EventSourcingHandler
    void on(EmergencyGrantMade event) {
        grants.put(event.grantId(), new Grant(event.grantId(), event.amount(), event.recoverable()));
        record(event, event.grantId());
    }

    @EventSourcingHandler
    void on(GrantRecoveryRecorded event) {
        Grant grant = grants.get(event.grantId());
        grant.recovered += event.amount();
        grant.recoveries++;
        record(event, event.grantId());
    }

    @EventSourcingHandler
    void on(PoolPaidOut event) {
        record(event, null);
    }

    @EventSourcingHandler
    void on(CashCounted event) {
        record(event, null);
    }

    @EventSourcingHandler
    void on(TransactionReversed event) {
        Recorded target = transactions.get(event.reversedTransactionId());
        target.reversed = true;
        switch (target.kind) {
            case CONTRIBUTION -> members.get(target.subjectId).contributions--;
            case LOAN_DISBURSEMENT -> loans.get(target.subjectId).reversed = true;
            case REPAYMENT -> {
                Loan loan = loans.get(target.subjectId);
                Repayment undone = loan.repayments.remove(loan.repayments.size() - 1);
                loan.outstanding += undone.principalPart;
            }
            case EMERGENCY_GRANT -> grants.get(target.subjectId).reversed = true;
            case GRANT_RECOVERY -> {
                Grant grant = grants.get(target.subjectId);
                grant.recovered -= -event.poolDeltas().getOrDefault(Pool.EMERGENCY_FUND, 0L);
                grant.recoveries--;
            }
            default -> {
                // capital, withdrawal, payout and cash count have no entity to restore
            }
        }
        record(event, target.transactionId);
    }

    @EventSourcingHandler
    void on(ClosingStarted event) {
        transactions.put(event.transactionId(), new Recorded(event.transactionId(), TransactionKind.CLOSING, null,
                Effect.NONE));
        closingInProgress = true;
        closingDate = event.closingDate();
        lendingSuspended = event.lendingSuspended();
        closingDistributable = event.distributable();
        closingBasis = event.premiumBasis();
        closingPremiums = List.copyOf(event.premiums());
    }

    @EventSourcingHandler
    void on(ClosingCancelled event) {
        transactions.put(event.transactionId(), new Recorded(event.transactionId(), TransactionKind.CLOSING, null,
                Effect.NONE));
        endClosing();
    }

    @EventSourcingHandler
    void on(BooksClosed event) {
        transactions.put(event.transactionId(), new Recorded(event.transactionId(), TransactionKind.CLOSING, null,
                Effect.NONE));
        long total = event.premiums().stream().mapToLong(PremiumShare::premium).sum();
        applyEffect(premiumEffect(event.payoutMode(), total));
        HashMap<UUID, Long> nextOpening = new HashMap<>(openingSavings);
        for (PeriodEntry entry : periodEntries) {
            if (entry.occurredOn().isBefore(event.closingDate()) && entry.effect().memberId() != null) {
                nextOpening.merge(entry.effect().memberId(), entry.effect().savings(), Riel::checkedAdd);
            }
        }
        if (event.payoutMode() == PayoutMode.REINVEST) {
            for (PremiumShare share : event.premiums()) {
                if (share.premium() > 0) {
                    Member member = members.get(share.memberId());
                    member.savings = Riel.checkedAdd(member.savings, share.premium());
                    memberSavings = Riel.checkedAdd(memberSavings, share.premium());
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

    private void endClosing() {
        closingInProgress = false;
        closingDate = null;
        lendingSuspended = false;
        closingDistributable = 0;
        closingBasis = null;
        closingPremiums = List.of();
    }

    private void record(GroupEvent.GroupTransaction event, UUID subjectId) {
        Effect effect = Effect.of(event);
        transactions.put(event.transactionId(), new Recorded(event.transactionId(), event.kind(), subjectId, effect));
        TransactionKind movementKind = event instanceof TransactionReversed reversal
                ? reversal.reversedKind() : event.kind();
        periodEntries.add(new PeriodEntry(event.occurredOn(), movementKind, effect));
        applyEffect(effect);
    }

    private void applyEffect(Effect effect) {
        cash = Riel.checkedAdd(cash, effect.cash());
        loanPrincipalOutstanding = Riel.checkedAdd(loanPrincipalOutstanding, effect.loanPrincipal());
        if (effect.memberId() != null) {
            Member member = members.get(effect.memberId());
            member.savings = Riel.checkedAdd(member.savings, effect.savings());
            memberSavings = Riel.checkedAdd(memberSavings, effect.savings());
        }
        effect.pools().forEach((pool, delta) -> pools.merge(pool, delta, Riel::checkedAdd));
    }

    // ----------------------------------------------------------------------------------------------- helpers

    private void requireNewTransactionId(UUID transactionId) {
        if (transactions.containsKey(transactionId)) {
            throw new TransactionIdReused("transaction " + transactionId + " is already recorded in this group");
        }
    }

    /** Unknown ids are checked by the caller first; then the value-date rules; then the row's own rules. */
    private void checkDated(Dated command) {
        requireNewTransactionId(command.transactionId());
        if (loans.containsKey(command.transactionId()) || grants.containsKey(command.transactionId())) {
            throw new TransactionIdReused("id " + command.transactionId() + " is already used in this group");
        }
        if (command.occurredOn().isAfter(command.today())) {
            throw refuse(RefusalCode.FUTURE_DATE, "occurredOn " + command.occurredOn() + " is after today ("
                    + command.today() + ")");
        }
        if (command.occurredOn().isBefore(periodStart)) {
            throw refuse(RefusalCode.PERIOD_CLOSED, "occurredOn " + command.occurredOn()
                    + " is before the open period's start " + periodStart);
        }
        if (closingInProgress && command.occurredOn().isBefore(closingDate)) {
            throw refuse(RefusalCode.CLOSING_IN_PROGRESS, "the period before " + closingDate + " is being closed");
        }
    }

    private Member member(UUID memberId) {
        Member member = members.get(memberId);
        if (member == null) {
            throw refuse(RefusalCode.MEMBER_NOT_FOUND, "no member " + memberId + " in this group");
        }
        return member;
    }

    private Policy policyOn(LocalDate date) {
        Policy inForce = policies.get(0).policy();
        for (PolicyVersion version : policies) {
            if (!version.effectiveFrom().isAfter(date)) {
                inForce = version.policy();
            }
        }
        return inForce;
    }

    private boolean hasLoanOutstanding(UUID memberId) {
        return loans.values().stream().anyMatch(l -> !l.reversed && l.borrowerId.equals(memberId) && l.outstanding > 0);
    }

    private long pool(Pool pool) {
        return pools.getOrDefault(pool, 0L);
    }

    private long earmarked() {
        long sum = 0;
        for (Pool pool : Pool.values()) {
            if (pool.earmarked()) {
                sum = Riel.checkedAdd(sum, pool(pool));
            }
        }
        return sum;
    }

    private long lendableCash() {
        return cash - earmarked();
    }

    /** Interest split by the loan's shares, in pool order so that ties go to the earlier pool. */
    public static Map<Pool, Long> allocate(long interest, Map<Pool, Integer> shares) {
        EnumMap<Pool, Long> allocation = new EnumMap<>(Pool.class);
        if (interest == 0) {
            return allocation;
        }
        LinkedHashMap<Pool, Long> weights = new LinkedHashMap<>();
        for (Pool pool : Pool.values()) {
            Integer share = shares.get(pool);
            if (share != null && share > 0) {
                weights.put(pool, share.longValue());
            }
        }
        LargestRemainder.split(interest, weights).forEach((pool, part) -> {
            if (part > 0) {
                allocation.put(pool, part);
            }
        });
        return allocation;
    }

    /**
     * Whether applying the effect keeps every figure non-negative and the earmarked pools covered by cash. While a
     * closing is in progress, the premiums of its preview are already promised out of the PREMIUM pool: the pool
     * must keep them, or the closing could never be confirmed.
     */
    private boolean allowed(Effect effect) {
        long cashAfter = cash + effect.cash();
        long loansAfter = loanPrincipalOutstanding + effect.loanPrincipal();
        if (cashAfter < 0 || loansAfter < 0) {
            return false;
        }
        if (effect.memberId() != null && members.get(effect.memberId()).savings + effect.savings() < 0) {
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

    private void assertInvariants() {
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
            if (member.savings < 0) {
                throw new IllegalStateException("savings of member " + member.memberId + " are negative");
            }
            savings = Riel.checkedAdd(savings, member.savings);
        }
        if (savings != memberSavings || cash < earmarked() || loanPrincipalOutstanding < 0
                || Riel.checkedAdd(cash, loanPrincipalOutstanding) != Riel.checkedAdd(memberSavings, poolSum)) {
            throw new IllegalStateException("balance identity broken in group " + groupId + ": cash " + cash
                    + ", loans " + loanPrincipalOutstanding + ", savings " + memberSavings + ", pools " + pools);
        }
    }

    /** The premiums leaving the PREMIUM pool: out of the box, or (savings are credited per member) reinvested. */
    private static Effect premiumEffect(PayoutMode mode, long total) {
        return new Effect(mode == PayoutMode.CASH ? -total : 0, 0, null, 0, Map.of(Pool.PREMIUM, -total));
    }

    /** The balances by value date at the start of {@code date}: the period's opening plus what is dated before. */
    private BalanceFigures figuresBefore(LocalDate date) {
        Figures figures = new Figures(opening);
        for (PeriodEntry entry : periodEntries) {
            if (entry.occurredOn().isBefore(date)) {
                figures.apply(entry.effect());
            }
        }
        return figures.toFigures();
    }

    /** A statement's movements by kind; a reversal counts against the kind it reverses. */
    static void addMovement(Map<String, Long> movements, TransactionKind kind, Effect effect) {
        switch (kind) {
            case CAPITAL, GRANT_RECOVERY -> movements.merge(kind.name(), effect.cash(), Riel::checkedAdd);
            case EMERGENCY_GRANT, POOL_PAYOUT -> movements.merge(kind.name(), -effect.cash(), Riel::checkedAdd);
            case CONTRIBUTION -> movements.merge(kind.name(), effect.savings(), Riel::checkedAdd);
            case WITHDRAWAL -> movements.merge(kind.name(), -effect.savings(), Riel::checkedAdd);
            case LOAN_DISBURSEMENT -> movements.merge(kind.name(), effect.loanPrincipal(), Riel::checkedAdd);
            case REPAYMENT -> {
                movements.merge("REPAYMENT_PRINCIPAL", -effect.loanPrincipal(), Riel::checkedAdd);
                movements.merge("REPAYMENT_INTEREST", effect.cash() + effect.loanPrincipal(), Riel::checkedAdd);
            }
            default -> {
                // cash counts move no money
            }
        }
    }

    private static LedgerRefusal refuse(RefusalCode code, String message) {
        return new LedgerRefusal(code, message);
    }

    // ------------------------------------------------------------------------------------------- entities

    record PolicyVersion(LocalDate effectiveFrom, Policy policy) {
    }

    /** A transaction dated in the open period: its value date, its kind for the statement, its effect. */
    record PeriodEntry(LocalDate occurredOn, TransactionKind kind, Effect effect) {
    }

    /** Balances being summed up by value date. */
    static final class Figures {
        long cash;
        long loans;
        long memberSavings;
        EnumMap<Pool, Long> pools = new EnumMap<>(Pool.class);

        Figures(BalanceFigures from) {
            cash = from.cash();
            loans = from.loanPrincipalOutstanding();
            memberSavings = from.memberSavings();
            for (Pool pool : Pool.values()) {
                pools.put(pool, from.pools().getOrDefault(pool, 0L));
            }
        }

        void apply(Effect effect) {
            cash = Riel.checkedAdd(cash, effect.cash());
            loans = Riel.checkedAdd(loans, effect.loanPrincipal());
            memberSavings = Riel.checkedAdd(memberSavings, effect.savings());
            effect.pools().forEach((pool, delta) -> pools.merge(pool, delta, Riel::checkedAdd));
        }

        BalanceFigures toFigures() {
            return new BalanceFigures(cash, loans, memberSavings, new EnumMap<>(pools));
        }
    }

    static final class Member {
        UUID memberId;
        String name;
        Membership membership;
        long savings;
        int contributions;

        Member() {
        }

        Member(UUID memberId, String name, Membership membership) {
            this.memberId = memberId;
            this.name = name;
            this.membership = membership;
        }
    }

    static final class Loan {
        UUID loanId;
        UUID borrowerId;
        LoanTerms terms;
        Map<Pool, Integer> allocation;
        List<Repayment> repayments = new ArrayList<>();
        long outstanding;
        boolean reversed;

        Loan() {
        }

        Loan(UUID loanId, UUID borrowerId, LoanTerms terms, Map<Pool, Integer> allocation) {
            this.loanId = loanId;
            this.borrowerId = borrowerId;
            this.terms = terms;
            this.allocation = new EnumMap<>(allocation);
            this.outstanding = terms.principal();
        }

        List<RepaymentRecord> repaymentRecords() {
            return repayments.stream()
                    .map(r -> new RepaymentRecord(r.occurredOn, r.interestPart, r.principalPart))
                    .toList();
        }
    }

    static final class Repayment {
        UUID transactionId;
        LocalDate occurredOn;
        long interestPart;
        long principalPart;

        Repayment() {
        }

        Repayment(UUID transactionId, LocalDate occurredOn, long interestPart, long principalPart) {
            this.transactionId = transactionId;
            this.occurredOn = occurredOn;
            this.interestPart = interestPart;
            this.principalPart = principalPart;
        }
    }

    static final class Grant {
        UUID grantId;
        long amount;
        boolean recoverable;
        long recovered;
        int recoveries;
        boolean reversed;

        Grant() {
        }

        Grant(UUID grantId, long amount, boolean recoverable) {
            this.grantId = grantId;
            this.amount = amount;
            this.recoverable = recoverable;
        }
    }

    /** A transaction id this group has used, what it was, and what it did to the balances. */
    static final class Recorded {
        UUID transactionId;
        TransactionKind kind;
        UUID subjectId;
        Effect effect;
        boolean reversed;

        Recorded() {
        }

        Recorded(UUID transactionId, TransactionKind kind, UUID subjectId, Effect effect) {
            this.transactionId = transactionId;
            this.kind = kind;
            this.subjectId = subjectId;
            this.effect = effect;
        }
    }
}
