package org.fundbook.group;

import static org.fundbook.group.Checks.refuse;

import java.util.List;
import org.fundbook.group.GroupCommand.ReverseTransaction;
import org.fundbook.group.GroupEvent.TransactionReversed;
import org.fundbook.group.GroupState.Recorded;
import org.fundbook.group.GroupState.Repayment;

/** Correcting a mistake: the exact inverse of an earlier transaction, as a new dated one (domain spec section 5). */
public final class ReversalRules {

    private ReversalRules() {
    }

    public static TransactionReversed reverse(GroupState state, ReverseTransaction command) {
        if (command.reversedTransactionId().equals(state.groupId())) {
            // the group's id is its registration's transaction id
            Checks.dated(state, command);
            throw refuse(RefusalCode.NOT_REVERSIBLE, "a group's registration cannot be reversed");
        }
        Recorded target = state.transaction(command.reversedTransactionId());
        if (target == null) {
            throw refuse(RefusalCode.TRANSACTION_NOT_FOUND,
                    "no transaction " + command.reversedTransactionId() + " in this group");
        }
        Checks.dated(state, command);
        if (target.reversed()) {
            throw refuse(RefusalCode.ALREADY_REVERSED, "the transaction is already reversed");
        }
        if (!target.kind().reversibleKind()) {
            throw refuse(RefusalCode.NOT_REVERSIBLE, "a " + target.kind() + " cannot be reversed");
        }
        if (target.kind() == TransactionKind.LOAN_DISBURSEMENT
                && !state.loan(target.transactionId()).repayments().isEmpty()) {
            throw refuse(RefusalCode.NOT_REVERSIBLE, "a loan with repayments cannot be reversed");
        }
        if (target.kind() == TransactionKind.REPAYMENT) {
            List<Repayment> repayments = state.loan(target.subjectId()).repayments();
            if (!repayments.get(repayments.size() - 1).transactionId().equals(target.transactionId())) {
                throw refuse(RefusalCode.NOT_REVERSIBLE, "only the loan's latest repayment can be reversed");
            }
        }
        if (target.kind() == TransactionKind.EMERGENCY_GRANT && state.grant(target.transactionId()).recoveries() > 0) {
            throw refuse(RefusalCode.NOT_REVERSIBLE, "a grant with recoveries cannot be reversed");
        }
        Effect inverse = target.effect().negate();
        if (!state.allows(inverse)) {
            throw refuse(RefusalCode.NOT_REVERSIBLE,
                    "reversing it would leave a balance negative or the earmarked pools without their cash");
        }
        return new TransactionReversed(state.groupId(), command.transactionId(), target.transactionId(),
                target.kind(), command.reason(), command.occurredOn(), inverse.cash(), inverse.loanPrincipal(),
                inverse.memberId(), inverse.savings(), inverse.pools());
    }
}
