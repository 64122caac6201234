package org.fundbook.lending;

import static org.fundbook.group.Checks.refuse;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.fundbook.group.Checks;
import org.fundbook.group.GroupCommand.DisburseLoan;
import org.fundbook.group.GroupCommand.RecordRepayment;
import org.fundbook.group.GroupEvent.LoanDisbursed;
import org.fundbook.group.GroupEvent.RepaymentRecorded;
import org.fundbook.group.GroupState;
import org.fundbook.group.Membership;
import org.fundbook.group.NonMemberLending;
import org.fundbook.group.Policy;
import org.fundbook.group.Pool;
import org.fundbook.group.RefusalCode;
import org.fundbook.lending.LoanInterest.RepaymentSplit;
import org.fundbook.money.LargestRemainder;

/**
 * Loans and repayments (domain spec sections 4–6): who may borrow, how much, at which rate; how a repayment
 * splits into interest and principal, and the interest into pools. Each refusal in the row's order.
 */
public final class LendingRules {

    private LendingRules() {
    }

    public static LoanDisbursed disburse(GroupState state, DisburseLoan command) {
        GroupState.Member borrower = Checks.member(state, command.borrowerId());
        Checks.dated(state, command);
        Policy policy = state.policyOn(command.occurredOn());
        if (state.lendingSuspended()) {
            throw refuse(RefusalCode.LENDING_SUSPENDED, "lending is suspended while the books are being closed");
        }
        int rate = rate(policy, borrower.membership(), command.principal(), command.termMonths());
        if (command.principal() > state.lendableCash()) {
            throw refuse(RefusalCode.INSUFFICIENT_CASH, "lendable cash is " + state.lendableCash() + " riel");
        }
        LoanTerms terms = new LoanTerms(command.principal(), rate, command.termMonths(), policy.interestMethod(),
                command.occurredOn());
        return new LoanDisbursed(state.groupId(), command.transactionId(), borrower.memberId(),
                borrower.membership(), command.principal(), rate, policy.interestMethod(), command.termMonths(),
                command.purpose(), command.occurredOn(), terms.maturesOn(), policy.interestAllocation());
    }

    /**
     * The monthly rate the policy charges this borrower for this loan, or the policy's refusal, in the row's order:
     * non-member lending, term, cap, non-member rate tiers.
     */
    public static int rate(Policy policy, Membership membership, long principal, int termMonths) {
        boolean nonMember = membership == Membership.NON_MEMBER;
        if (nonMember && policy.nonMemberLending() == NonMemberLending.DISABLED) {
            throw refuse(RefusalCode.NON_MEMBER_LENDING_DISABLED, "this group does not lend to non-members");
        }
        if (termMonths > policy.maxTermMonths()) {
            throw refuse(RefusalCode.TERM_TOO_LONG, "the longest term is " + policy.maxTermMonths() + " months");
        }
        if (policy.maxLoanPrincipal() != null && principal > policy.maxLoanPrincipal()) {
            throw refuse(RefusalCode.LOAN_LIMIT_EXCEEDED, "the largest loan is " + policy.maxLoanPrincipal() + " riel");
        }
        if (!nonMember) {
            return policy.memberMonthlyRateBp();
        }
        OptionalInt tierRate = NonMemberRates.rateFor(policy.nonMemberRates(), principal, termMonths);
        if (tierRate.isEmpty()) {
            throw refuse(RefusalCode.NO_RATE_FOR_LOAN, "no non-member rate covers " + principal + " riel for "
                    + termMonths + " months");
        }
        return tierRate.getAsInt();
    }

    public static RepaymentRecorded repay(GroupState state, RecordRepayment command) {
        GroupState.Loan loan = state.loan(command.loanId());
        if (loan == null || loan.reversed()) {
            throw refuse(RefusalCode.LOAN_NOT_FOUND, "no loan " + command.loanId() + " in this group");
        }
        Checks.dated(state, command);
        if (loan.outstanding() == 0) {
            throw refuse(RefusalCode.LOAN_ALREADY_REPAID, "the loan is already repaid");
        }
        RepaymentSplit split = LoanInterest.applyRepayment(terms(loan), command.occurredOn(), command.amount(),
                repayments(loan));
        if (split.principalPart() > loan.outstanding()) {
            throw refuse(RefusalCode.OVERPAYMENT, "interest due " + split.interestDue() + " and principal "
                    + loan.outstanding() + " riel are less than " + command.amount());
        }
        Map<Pool, Long> allocation = allocate(split.interestPart(), loan.allocation());
        long outstandingAfter = loan.outstanding() - split.principalPart();
        return new RepaymentRecorded(state.groupId(), command.transactionId(), loan.loanId(), loan.borrowerId(),
                command.amount(), command.occurredOn(), split.interestDue(), split.interestPart(),
                split.principalPart(), allocation, outstandingAfter, outstandingAfter == 0);
    }

    /** Interest due on a loan of the group on a date. */
    public static long interestDue(GroupState.Loan loan, LocalDate on) {
        return LoanInterest.interestDue(terms(loan), on, repayments(loan));
    }

    public static LoanTerms terms(GroupState.Loan loan) {
        return new LoanTerms(loan.principal(), loan.monthlyRateBp(), loan.termMonths(), loan.interestMethod(),
                loan.disbursedOn());
    }

    static List<RepaymentRecord> repayments(GroupState.Loan loan) {
        return loan.repayments().stream()
                .map(r -> new RepaymentRecord(r.occurredOn(), r.interestPart(), r.principalPart()))
                .toList();
    }

    /** Interest split by the loan's shares, in pool order so that ties go to the earlier pool (section 3). */
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
}
