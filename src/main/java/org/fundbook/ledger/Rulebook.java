package org.fundbook.ledger;

import org.fundbook.closing.ClosingRules;
import org.fundbook.grants.GrantRules;
import org.fundbook.group.CashBoxRules;
import org.fundbook.group.GroupCommand;
import org.fundbook.group.GroupCommand.CancelClosing;
import org.fundbook.group.GroupCommand.ChangePolicy;
import org.fundbook.group.GroupCommand.ConfirmClosing;
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
import org.fundbook.group.GroupCommand.StartClosing;
import org.fundbook.group.GroupEvent;
import org.fundbook.group.GroupState;
import org.fundbook.group.MembershipRules;
import org.fundbook.group.ReversalRules;
import org.fundbook.lending.LendingRules;
import org.fundbook.savings.SavingsRules;

/**
 * Which feature's rule judges each command: the one index from a command to its rule, used by the aggregate and
 * by everything else that must decide exactly as the ledger does (the demo's planning). A decision is the event
 * to record, or a refusal thrown ({@code LedgerRefusal}, {@code TransactionIdReused}); the state is only read.
 */
public final class Rulebook {

    private Rulebook() {
    }

    public static GroupEvent decide(GroupState state, GroupCommand command) {
        if (command instanceof RegisterGroup c) {
            return MembershipRules.register(c);
        } else if (command instanceof ChangePolicy c) {
            return MembershipRules.changePolicy(state, c);
        } else if (command instanceof RegisterMember c) {
            return MembershipRules.registerMember(state, c);
        } else if (command instanceof ReceiveCapital c) {
            return CashBoxRules.receiveCapital(state, c);
        } else if (command instanceof CountCash c) {
            return CashBoxRules.countCash(state, c);
        } else if (command instanceof RecordContribution c) {
            return SavingsRules.contribute(state, c);
        } else if (command instanceof RecordWithdrawal c) {
            return SavingsRules.withdraw(state, c);
        } else if (command instanceof DisburseLoan c) {
            return LendingRules.disburse(state, c);
        } else if (command instanceof RecordRepayment c) {
            return LendingRules.repay(state, c);
        } else if (command instanceof MakeEmergencyGrant c) {
            return GrantRules.grant(state, c);
        } else if (command instanceof RecordGrantRecovery c) {
            return GrantRules.recover(state, c);
        } else if (command instanceof PayOutPool c) {
            return GrantRules.payOut(state, c);
        } else if (command instanceof ReverseTransaction c) {
            return ReversalRules.reverse(state, c);
        } else if (command instanceof StartClosing c) {
            return ClosingRules.start(state, c);
        } else if (command instanceof ConfirmClosing c) {
            return ClosingRules.confirm(state, c);
        } else if (command instanceof CancelClosing c) {
            return ClosingRules.cancel(state, c);
        }
        throw new IllegalArgumentException("no rule judges " + command.getClass().getSimpleName());
    }
}
