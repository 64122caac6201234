package org.fundbook.grants;

import static org.fundbook.group.Checks.refuse;

import org.fundbook.group.Checks;
import org.fundbook.group.GroupCommand.MakeEmergencyGrant;
import org.fundbook.group.GroupCommand.PayOutPool;
import org.fundbook.group.GroupCommand.RecordGrantRecovery;
import org.fundbook.group.GroupEvent.EmergencyGrantMade;
import org.fundbook.group.GroupEvent.GrantRecoveryRecorded;
import org.fundbook.group.GroupEvent.PoolPaidOut;
import org.fundbook.group.GroupState;
import org.fundbook.group.Pool;
import org.fundbook.group.RefusalCode;

/**
 * Money leaving the earmarked pools: Emergency Fund grants and their recoveries, committee costs paid and the
 * provincial share remitted (domain spec sections 1 and 5).
 */
public final class GrantRules {

    private GrantRules() {
    }

    public static EmergencyGrantMade grant(GroupState state, MakeEmergencyGrant command) {
        if (command.recipientId() != null) {
            Checks.member(state, command.recipientId());
        }
        Checks.dated(state, command);
        long fund = state.pool(Pool.EMERGENCY_FUND);
        if (command.amount() > fund) {
            throw refuse(RefusalCode.INSUFFICIENT_POOL, "the Emergency Fund holds " + fund + " riel");
        }
        String recipientName = command.recipientName();
        if (recipientName == null && command.recipientId() != null) {
            recipientName = state.member(command.recipientId()).name();
        }
        return new EmergencyGrantMade(state.groupId(), command.transactionId(), command.recipientId(), recipientName,
                command.amount(), command.reason(), command.recoverable(), command.occurredOn());
    }

    public static GrantRecoveryRecorded recover(GroupState state, RecordGrantRecovery command) {
        GroupState.Grant grant = state.grant(command.grantId());
        if (grant == null || grant.reversed()) {
            throw refuse(RefusalCode.GRANT_NOT_FOUND, "no emergency grant " + command.grantId() + " in this group");
        }
        Checks.dated(state, command);
        long left = grant.amount() - grant.recovered();
        if (!grant.recoverable() || command.amount() > left) {
            throw refuse(RefusalCode.OVER_RECOVERY, grant.recoverable()
                    ? "only " + left + " riel are left to recover on this grant"
                    : "this grant was not recoverable");
        }
        return new GrantRecoveryRecorded(state.groupId(), command.transactionId(), grant.grantId(), command.amount(),
                command.occurredOn(), left - command.amount());
    }

    /** Only the committee's costs and the provincial share are paid out of the box; the web layer checks first. */
    public static PoolPaidOut payOut(GroupState state, PayOutPool command) {
        if (command.pool() != Pool.COMMITTEE_OPERATIONS && command.pool() != Pool.PROVINCIAL_DISTRICT) {
            throw new IllegalArgumentException("only committee costs and the provincial share are paid out");
        }
        Checks.dated(state, command);
        long held = state.pool(command.pool());
        if (command.amount() > held) {
            throw refuse(RefusalCode.INSUFFICIENT_POOL, command.pool() + " holds " + held + " riel");
        }
        return new PoolPaidOut(state.groupId(), command.transactionId(), command.pool(), command.amount(),
                command.payee(), command.occurredOn());
    }
}
