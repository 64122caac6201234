package org.fundbook.group;

import static org.fundbook.group.Checks.refuse;

import org.fundbook.group.GroupCommand.ChangePolicy;
import org.fundbook.group.GroupCommand.RegisterGroup;
import org.fundbook.group.GroupCommand.RegisterMember;
import org.fundbook.group.GroupEvent.GroupRegistered;
import org.fundbook.group.GroupEvent.MemberRegistered;
import org.fundbook.group.GroupEvent.PolicyChanged;

/** A group's registration, its members and its policy (domain spec sections 2 and 4). */
public final class MembershipRules {

    private MembershipRules() {
    }

    public static GroupRegistered register(RegisterGroup command) {
        if (command.registeredOn().isAfter(command.today())) {
            throw refuse(RefusalCode.FUTURE_DATE, "registeredOn " + command.registeredOn() + " is after today");
        }
        return new GroupRegistered(command.groupId(), command.name(), command.scheme(), command.location(),
                command.registeredOn(), command.policy());
    }

    /** A member's id is chosen by the client, and is as much the group's as a transaction id. */
    public static MemberRegistered registerMember(GroupState state, RegisterMember command) {
        Checks.newTransactionId(state, command.transactionId());
        if (state.member(command.memberId()) != null) {
            throw new TransactionIdReused("member " + command.memberId() + " is already registered");
        }
        if (command.joinedOn().isAfter(command.today())) {
            throw refuse(RefusalCode.FUTURE_DATE, "joinedOn " + command.joinedOn() + " is after today");
        }
        return new MemberRegistered(state.groupId(), command.transactionId(), command.memberId(), command.name(),
                command.sex(), command.membership(), command.joinedOn(), command.poorestFamily(),
                command.officerRole(), command.subgroup(), state.members().size() + 1);
    }

    /**
     * A new policy version from a date in the open period, never into a period being closed: the preview must
     * stay the statement. Loans already disbursed keep the terms they were given.
     */
    public static PolicyChanged changePolicy(GroupState state, ChangePolicy command) {
        Checks.newTransactionId(state, command.transactionId());
        if (command.effectiveFrom().isBefore(state.periodStart())) {
            throw refuse(RefusalCode.PERIOD_CLOSED, "effectiveFrom " + command.effectiveFrom()
                    + " is before the open period's start " + state.periodStart());
        }
        if (state.closingInProgress() && command.effectiveFrom().isBefore(state.closingDate())) {
            throw refuse(RefusalCode.CLOSING_IN_PROGRESS, "the period before " + state.closingDate()
                    + " is being closed");
        }
        Policy policy = command.policy().applyTo(state.policyOn(command.effectiveFrom()));
        if (!policy.problems().isEmpty()) {
            throw new IllegalArgumentException("the policy change leaves an invalid policy: "
                    + policy.problems().get(0)[0] + " " + policy.problems().get(0)[1]);
        }
        return new PolicyChanged(state.groupId(), command.transactionId(), command.effectiveFrom(), policy);
    }
}
