package org.fundbook.savings;

import static org.fundbook.group.Checks.refuse;

import org.fundbook.group.Checks;
import org.fundbook.group.GroupCommand.RecordContribution;
import org.fundbook.group.GroupCommand.RecordWithdrawal;
import org.fundbook.group.GroupEvent.ContributionRecorded;
import org.fundbook.group.GroupEvent.WithdrawalRecorded;
import org.fundbook.group.GroupState;
import org.fundbook.group.Membership;
import org.fundbook.group.RefusalCode;
import org.fundbook.money.Riel;

/** Members' savings: contributions and withdrawals (domain spec section 5), each refusal in the row's order. */
public final class SavingsRules {

    private SavingsRules() {
    }

    public static ContributionRecorded contribute(GroupState state, RecordContribution command) {
        GroupState.Member member = Checks.member(state, command.memberId());
        Checks.dated(state, command);
        if (member.membership() == Membership.NON_MEMBER) {
            throw refuse(RefusalCode.NON_MEMBER_CANNOT_SAVE, "a non-member cannot save");
        }
        Long minimum = state.policyOn(command.occurredOn()).minInitialContribution();
        if (member.contributions() == 0 && minimum != null && command.amount() < minimum) {
            throw refuse(RefusalCode.BELOW_MIN_INITIAL_CONTRIBUTION,
                    "a member's first contribution must be at least " + minimum + " riel");
        }
        return new ContributionRecorded(state.groupId(), command.transactionId(), member.memberId(),
                command.amount(), command.occurredOn(), Riel.checkedAdd(member.savings(), command.amount()));
    }

    public static WithdrawalRecorded withdraw(GroupState state, RecordWithdrawal command) {
        GroupState.Member member = Checks.member(state, command.memberId());
        Checks.dated(state, command);
        if (command.amount() > member.savings()) {
            throw refuse(RefusalCode.INSUFFICIENT_SAVINGS, "the member has " + member.savings() + " riel of savings");
        }
        if (command.amount() > state.lendableCash()) {
            throw refuse(RefusalCode.INSUFFICIENT_CASH, "lendable cash is " + state.lendableCash() + " riel");
        }
        if (state.hasLoanOutstanding(member.memberId())) {
            throw refuse(RefusalCode.LOAN_OUTSTANDING, "the member has a loan outstanding");
        }
        return new WithdrawalRecorded(state.groupId(), command.transactionId(), member.memberId(), command.amount(),
                command.occurredOn(), member.savings() - command.amount());
    }
}
