package org.fundbook.group;

import org.fundbook.group.GroupCommand.CountCash;
import org.fundbook.group.GroupCommand.ReceiveCapital;
import org.fundbook.group.GroupEvent.CapitalReceived;
import org.fundbook.group.GroupEvent.CashCounted;

/** The box itself: the donor's capital coming in, and counting what is in it (domain spec section 5). */
public final class CashBoxRules {

    private CashBoxRules() {
    }

    public static CapitalReceived receiveCapital(GroupState state, ReceiveCapital command) {
        Checks.dated(state, command);
        return new CapitalReceived(state.groupId(), command.transactionId(), command.source(), command.amount(),
                command.occurredOn());
    }

    /** A count moves no money: it keeps what the box should hold beside what was counted. */
    public static CashCounted countCash(GroupState state, CountCash command) {
        Checks.dated(state, command);
        return new CashCounted(state.groupId(), command.transactionId(), command.occurredOn(), state.cash(),
                command.countedCash(), command.countedCash() - state.cash());
    }
}
