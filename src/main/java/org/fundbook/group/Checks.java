package org.fundbook.group;

import java.util.UUID;
import org.fundbook.group.GroupCommand.Dated;

/**
 * What every feature's rules check first, in the contract's order: the ids (unknown ones 404, reused ones 409),
 * then the value date (section 5: {@code FUTURE_DATE}, {@code PERIOD_CLOSED}, {@code CLOSING_IN_PROGRESS}).
 */
public final class Checks {

    private Checks() {
    }

    public static LedgerRefusal refuse(RefusalCode code, String message) {
        return new LedgerRefusal(code, message);
    }

    /** The member, or {@code MEMBER_NOT_FOUND}. */
    public static GroupState.Member member(GroupState state, UUID memberId) {
        GroupState.Member member = state.member(memberId);
        if (member == null) {
            throw refuse(RefusalCode.MEMBER_NOT_FOUND, "no member " + memberId + " in this group");
        }
        return member;
    }

    public static void newTransactionId(GroupState state, UUID transactionId) {
        if (state.transaction(transactionId) != null) {
            throw new TransactionIdReused("transaction " + transactionId + " is already recorded in this group");
        }
    }

    /** Unknown ids are checked by the caller first; then the id is new, then the value-date rules. */
    public static void dated(GroupState state, Dated command) {
        newTransactionId(state, command.transactionId());
        if (state.idUsed(command.transactionId())) {
            throw new TransactionIdReused("id " + command.transactionId() + " is already used in this group");
        }
        if (command.occurredOn().isAfter(command.today())) {
            throw refuse(RefusalCode.FUTURE_DATE, "occurredOn " + command.occurredOn() + " is after today ("
                    + command.today() + ")");
        }
        if (command.occurredOn().isBefore(state.periodStart())) {
            throw refuse(RefusalCode.PERIOD_CLOSED, "occurredOn " + command.occurredOn()
                    + " is before the open period's start " + state.periodStart());
        }
        if (state.closingInProgress() && command.occurredOn().isBefore(state.closingDate())) {
            throw refuse(RefusalCode.CLOSING_IN_PROGRESS, "the period before " + state.closingDate()
                    + " is being closed");
        }
    }
}
