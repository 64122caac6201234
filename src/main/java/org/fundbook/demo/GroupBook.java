package org.fundbook.demo;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.UUID;
import org.fundbook.group.PremiumShare;
import org.fundbook.closing.Premiums;
import org.fundbook.closing.SavingsMovement;
import org.fundbook.group.GroupAggregate;
import org.fundbook.group.GrantReason;
import org.fundbook.group.Location;
import org.fundbook.group.Membership;
import org.fundbook.group.NonMemberLending;
import org.fundbook.group.OfficerRole;
import org.fundbook.group.PayoutMode;
import org.fundbook.group.Policy;
import org.fundbook.group.Pool;
import org.fundbook.group.Scheme;
import org.fundbook.group.Sex;
import org.fundbook.lending.LoanInterest;
import org.fundbook.lending.LoanInterest.RepaymentSplit;
import org.fundbook.lending.LoanTerms;
import org.fundbook.lending.NonMemberRates;
import org.fundbook.lending.RepaymentRecord;
import org.fundbook.money.LargestRemainder;

/**
 * One group's books as the demo writes them: it keeps the same figures the aggregate keeps, refuses (with an
 * {@link IllegalStateException}, a bug in the generator) whatever the aggregate would refuse, and appends each
 * accepted write to the group's steps. Interest, splits and premiums come from the domain's own calculators
 * ({@link LoanInterest}, {@link LargestRemainder}, {@link Premiums}), so the figures here are the ledger's.
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

    final List<DemoStep> steps = new ArrayList<>();
    final List<Member> members = new ArrayList<>();
    final Map<UUID, Loan> loans = new LinkedHashMap<>();
    final Map<UUID, Grant> grants = new LinkedHashMap<>();

    long cash;
    long loanPrincipalOutstanding;
    long memberSavings;
    final EnumMap<Pool, Long> pools = new EnumMap<>(Pool.class);

    LocalDate periodStart;
    int closings;
    private LocalDate lastDate;

    long interest;
    long premiums;
    long capital;
    long granted;
    long recovered;
    long paidOut;

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
        this.periodStart = registeredOn;
        this.lastDate = registeredOn;
        for (Pool pool : Pool.values()) {
            pools.put(pool, 0L);
        }
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
        Member member = new Member(id, name, sex, membership, joinedOn, poorest, role, subgroup);
        members.add(member);
        steps.add(new DemoStep.RegisterMember(id, id, name, sex, membership, joinedOn, poorest, role, subgroup));
        return member;
    }

    void receiveCapital(String source, long amount, LocalDate on) {
        dated(on);
        positive(amount);
        cash += amount;
        pools.merge(Pool.FUND_CAPITAL, amount, Long::sum);
        capital += amount;
        steps.add(new DemoStep.ReceiveCapital(nextId(), source, amount, on));
    }

    void contribute(Member member, long amount, LocalDate on) {
        dated(on);
        positive(amount);
        require(member.membership == Membership.MEMBER, "a non-member cannot save");
        Long minimum = policy.minInitialContribution();
        require(member.contributions > 0 || minimum == null || amount >= minimum, "first contribution too small");
        moveSavings(member, amount, on);
        member.contributions++;
        cash += amount;
        steps.add(new DemoStep.Contribute(nextId(), member.id, amount, on));
    }

    void withdraw(Member member, long amount, LocalDate on) {
        dated(on);
        positive(amount);
        require(amount <= member.savings, "insufficient savings");
        require(amount <= lendableCash(), "insufficient cash");
        require(member.openLoans == 0, "loan outstanding");
        moveSavings(member, -amount, on);
        cash -= amount;
        steps.add(new DemoStep.Withdraw(nextId(), member.id, amount, on));
    }

    /** The rate this group would charge, or empty when it would refuse the loan. */
    OptionalInt rateFor(Member borrower, long principal, int termMonths) {
        if (termMonths > policy.maxTermMonths()
                || (policy.maxLoanPrincipal() != null && principal > policy.maxLoanPrincipal())) {
            return OptionalInt.empty();
        }
        if (borrower.membership == Membership.MEMBER) {
            return OptionalInt.of(policy.memberMonthlyRateBp());
        }
        if (policy.nonMemberLending() == NonMemberLending.DISABLED) {
            return OptionalInt.empty();
        }
        return NonMemberRates.rateFor(policy.nonMemberRates(), principal, termMonths);
    }

    Loan disburse(Member borrower, long principal, int termMonths, String purpose, LocalDate on) {
        dated(on);
        positive(principal);
        OptionalInt rate = rateFor(borrower, principal, termMonths);
        require(rate.isPresent(), "loan refused by policy");
        require(principal <= lendableCash(), "insufficient cash for a loan of " + principal);
        UUID id = nextId();
        Loan loan = new Loan(id, borrower, new LoanTerms(principal, rate.getAsInt(), termMonths,
                policy.interestMethod(), on), policy.interestAllocation());
        loans.put(id, loan);
        borrower.openLoans++;
        cash -= principal;
        loanPrincipalOutstanding += principal;
        steps.add(new DemoStep.DisburseLoan(id, borrower.id, principal, termMonths, purpose, on));
        return loan;
    }

    long interestDue(Loan loan, LocalDate on) {
        return LoanInterest.interestDue(loan.terms, on, loan.repayments);
    }

    /** Pays interest due on {@code on} and then {@code principal} (capped at what is outstanding). */
    RepaymentSplit repay(Loan loan, long principal, LocalDate on) {
        long amount = interestDue(loan, on) + Math.min(principal, loan.outstanding);
        return repayAmount(loan, amount, on);
    }

    RepaymentSplit repayAmount(Loan loan, long amount, LocalDate on) {
        dated(on);
        positive(amount);
        require(loan.outstanding > 0, "loan already repaid");
        RepaymentSplit split = LoanInterest.applyRepayment(loan.terms, on, amount, loan.repayments);
        require(!split.overpays(), "overpayment");
        loan.repayments.add(new RepaymentRecord(on, split.interestPart(), split.principalPart()));
        loan.outstanding -= split.principalPart();
        if (loan.outstanding == 0) {
            loan.borrower.openLoans--;
        }
        cash += amount;
        loanPrincipalOutstanding -= split.principalPart();
        allocate(split.interestPart(), loan.allocation).forEach((pool, part) -> pools.merge(pool, part, Long::sum));
        interest += split.interestPart();
        steps.add(new DemoStep.Repay(nextId(), loan.id, amount, on));
        return split;
    }

    Grant grant(Member recipient, String recipientName, long amount, GrantReason reason, boolean recoverable,
                LocalDate on) {
        dated(on);
        positive(amount);
        require(amount <= pool(Pool.EMERGENCY_FUND), "insufficient Emergency Fund");
        UUID id = nextId();
        Grant grant = new Grant(id, amount, reason, recoverable, on);
        grants.put(id, grant);
        cash -= amount;
        pools.merge(Pool.EMERGENCY_FUND, -amount, Long::sum);
        granted += amount;
        steps.add(new DemoStep.Grant(id, recipient == null ? null : recipient.id, recipientName, amount, reason,
                recoverable, on));
        return grant;
    }

    void recover(Grant grant, long amount, LocalDate on) {
        dated(on);
        positive(amount);
        require(grant.recoverable && amount <= grant.amount - grant.recovered, "over-recovery");
        grant.recovered += amount;
        cash += amount;
        pools.merge(Pool.EMERGENCY_FUND, amount, Long::sum);
        recovered += amount;
        steps.add(new DemoStep.RecoverGrant(nextId(), grant.id, amount, on));
    }

    void payOut(Pool pool, long amount, String payee, LocalDate on) {
        dated(on);
        positive(amount);
        require(amount <= pool(pool), "insufficient pool " + pool);
        cash -= amount;
        pools.merge(pool, -amount, Long::sum);
        paidOut += amount;
        steps.add(new DemoStep.PayOut(nextId(), pool, amount, payee, on));
    }

    void countCash(LocalDate on) {
        dated(on);
        steps.add(new DemoStep.CountCash(nextId(), cash, on));
    }

    /**
     * Starts and at once confirms the closing on {@code c}, the cash counted exactly. Every step recorded so far
     * is dated before {@code c}, so the distributable is the whole PREMIUM pool.
     */
    void close(LocalDate c, PayoutMode mode) {
        require(!c.isBefore(periodStart.plusMonths(policy.closingCycleMonths())), "closing too early");
        require(lastDate.isBefore(c), "steps dated on or after the closing date were recorded before it");
        dated(c);
        long distributable = pool(Pool.PREMIUM);
        List<UUID> sharers = members.stream().filter(m -> m.membership == Membership.MEMBER).map(m -> m.id).toList();
        Map<UUID, Long> opening = new HashMap<>();
        List<SavingsMovement> movements = new ArrayList<>();
        for (Member member : members) {
            opening.put(member.id, member.opening);
            movements.addAll(member.movements);
        }
        List<PremiumShare> shares = Premiums.shareOut(distributable,
                Premiums.Basis.valueOf(policy.premiumBasis().name()), periodStart, c, sharers, opening, movements);
        long total = shares.stream().mapToLong(PremiumShare::premium).sum();
        require(mode == PayoutMode.REINVEST || total <= lendableCash(), "premiums exceed lendable cash");
        steps.add(new DemoStep.StartClosing(nextId(), c));
        pools.merge(Pool.PREMIUM, -total, Long::sum);
        if (mode == PayoutMode.CASH) {
            cash -= total;
        }
        Map<UUID, Long> premiumOf = new HashMap<>();
        shares.forEach(s -> premiumOf.put(s.memberId(), s.premium()));
        for (Member member : members) {
            if (mode == PayoutMode.REINVEST) {
                long premium = premiumOf.getOrDefault(member.id, 0L);
                member.savings += premium;
                memberSavings += premium;
            }
            member.opening = member.savings;
            member.movements.clear();
        }
        premiums += total;
        closings++;
        periodStart = c;
        steps.add(new DemoStep.ConfirmClosing(nextId(), c, cash, mode));
    }

    // --------------------------------------------------------------------------------------------- figures

    long pool(Pool pool) {
        return pools.getOrDefault(pool, 0L);
    }

    long lendableCash() {
        long earmarked = 0;
        for (Pool pool : Pool.values()) {
            if (pool.earmarked()) {
                earmarked += pool(pool);
            }
        }
        return cash - earmarked;
    }

    DemoPlan.GroupPlan toPlan() {
        long poolSum = pools.values().stream().mapToLong(Long::longValue).sum();
        long savings = members.stream().mapToLong(m -> m.savings).sum();
        if (savings != memberSavings || cash + loanPrincipalOutstanding != memberSavings + poolSum) {
            throw new IllegalStateException("demo group " + index + " does not balance");
        }
        List<Member> sharers = members.stream().filter(m -> m.membership == Membership.MEMBER).toList();
        DemoPlan.Expected expected = new DemoPlan.Expected(cash, loanPrincipalOutstanding, memberSavings,
                new EnumMap<>(pools), sharers.size(), (int) sharers.stream().filter(m -> m.sex == Sex.F).count(),
                (int) sharers.stream().filter(m -> m.poorest).count(), members.size() - sharers.size(),
                loans.size(), interest, premiums, capital, grants.size(), granted, recovered, paidOut, closings);
        return new DemoPlan.GroupPlan(index, groupId, name, scheme, location, registeredOn, policy,
                List.copyOf(steps), expected);
    }

    // --------------------------------------------------------------------------------------------- helpers

    /** Interest split by the loan's shares: the aggregate's own rule. */
    static Map<Pool, Long> allocate(long interest, Map<Pool, Integer> shares) {
        return GroupAggregate.allocate(interest, shares);
    }

    private void moveSavings(Member member, long amount, LocalDate on) {
        member.savings += amount;
        memberSavings += amount;
        member.movements.add(new SavingsMovement(member.id, on, amount));
    }

    private void dated(LocalDate on) {
        require(!on.isBefore(lastDate), "steps out of value-date order: " + on + " after " + lastDate);
        require(!on.isBefore(periodStart), "dated before the open period");
        require(!on.isAfter(DemoGenerator.LAST_DAY), "dated after the demo's last day");
        lastDate = on;
    }

    private static void positive(long amount) {
        require(amount >= 1, "amount must be at least 1 riel, was " + amount);
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalStateException("demo plan broke a ledger rule: " + message);
        }
    }

    // ------------------------------------------------------------------------------------------- entities

    static final class Member {
        final UUID id;
        final String name;
        final Sex sex;
        final Membership membership;
        final LocalDate joinedOn;
        final boolean poorest;
        final OfficerRole role;
        final String subgroup;
        long savings;
        long opening;
        int contributions;
        int openLoans;
        final List<SavingsMovement> movements = new ArrayList<>();

        Member(UUID id, String name, Sex sex, Membership membership, LocalDate joinedOn, boolean poorest,
               OfficerRole role, String subgroup) {
            this.id = id;
            this.name = name;
            this.sex = sex;
            this.membership = membership;
            this.joinedOn = joinedOn;
            this.poorest = poorest;
            this.role = role;
            this.subgroup = subgroup;
        }
    }

    static final class Loan {
        final UUID id;
        final Member borrower;
        final LoanTerms terms;
        final Map<Pool, Integer> allocation;
        final List<RepaymentRecord> repayments = new ArrayList<>();
        long outstanding;

        Loan(UUID id, Member borrower, LoanTerms terms, Map<Pool, Integer> allocation) {
            this.id = id;
            this.borrower = borrower;
            this.terms = terms;
            this.allocation = allocation;
            this.outstanding = terms.principal();
        }
    }

    static final class Grant {
        final UUID id;
        final long amount;
        final GrantReason reason;
        final boolean recoverable;
        final LocalDate madeOn;
        long recovered;

        Grant(UUID id, long amount, GrantReason reason, boolean recoverable, LocalDate madeOn) {
            this.id = id;
            this.amount = amount;
            this.reason = reason;
            this.recoverable = recoverable;
            this.madeOn = madeOn;
        }
    }
}
