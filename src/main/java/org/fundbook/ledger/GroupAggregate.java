package org.fundbook.ledger;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.util.UUID;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.serialization.Revision;
import org.axonframework.spring.stereotype.Aggregate;
import org.fundbook.group.GroupCommand.CancelClosing;
import org.fundbook.group.GroupCommand.ChangePolicy;
import org.fundbook.group.GroupCommand.ConfirmClosing;
import org.fundbook.group.GroupCommand.CountCash;
import org.fundbook.group.GroupCommand.DisburseLoan;
import org.fundbook.group.GroupCommand.HoldMeeting;
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
import org.fundbook.group.GroupCommand;
import org.fundbook.group.GroupEvent;
import org.fundbook.group.GroupState;
import org.fundbook.meetings.MeetingRules;

/**
 * One savings group or village fund: the consistency boundary of the ledger, one event stream. A shell: each
 * command goes to its feature's rule ({@link Rulebook}), which decides against the {@link GroupState} recorded so
 * far: an event, or a refusal thrown before anything is applied (so a refusal changes nothing). After every event
 * the balance identity is asserted.
 *
 * <p>The revision is that of the snapshot's shape: snapshots of another shape are skipped, and the group is
 * loaded from its events instead.
 */
@Aggregate(snapshotTriggerDefinition = "groupSnapshotTrigger", cache = "groupCache",
        snapshotFilter = "groupSnapshotFilter")
@Revision(GroupAggregate.SNAPSHOT_REVISION)
public class GroupAggregate {

    public static final String SNAPSHOT_REVISION = "2";

    @AggregateIdentifier
    private UUID groupId;
    private GroupState state = new GroupState();

    protected GroupAggregate() {
        // required by Axon and by snapshot deserialization
    }

    @CommandHandler
    public GroupAggregate(RegisterGroup command) {
        decide(command);
    }

    @CommandHandler
    public GroupEvent handle(ChangePolicy command) {
        return decide(command);
    }

    @CommandHandler
    public GroupEvent handle(RegisterMember command) {
        return decide(command);
    }

    @CommandHandler
    public GroupEvent handle(ReceiveCapital command) {
        return decide(command);
    }

    @CommandHandler
    public GroupEvent handle(CountCash command) {
        return decide(command);
    }

    @CommandHandler
    public GroupEvent handle(RecordContribution command) {
        return decide(command);
    }

    @CommandHandler
    public GroupEvent handle(RecordWithdrawal command) {
        return decide(command);
    }

    @CommandHandler
    public GroupEvent handle(DisburseLoan command) {
        return decide(command);
    }

    @CommandHandler
    public GroupEvent handle(RecordRepayment command) {
        return decide(command);
    }

    @CommandHandler
    public GroupEvent handle(MakeEmergencyGrant command) {
        return decide(command);
    }

    @CommandHandler
    public GroupEvent handle(RecordGrantRecovery command) {
        return decide(command);
    }

    @CommandHandler
    public GroupEvent handle(PayOutPool command) {
        return decide(command);
    }

    @CommandHandler
    public GroupEvent handle(ReverseTransaction command) {
        return decide(command);
    }

    @CommandHandler
    public GroupEvent handle(StartClosing command) {
        return decide(command);
    }

    @CommandHandler
    public GroupEvent handle(ConfirmClosing command) {
        return decide(command);
    }

    @CommandHandler
    public GroupEvent handle(CancelClosing command) {
        return decide(command);
    }

    /** Each entry judged as if sent alone, a refused one leaving the others standing (meetings.MeetingRules). */
    @CommandHandler
    public MeetingRules.Decision handle(HoldMeeting command) {
        return MeetingRules.hold(state, command, Rulebook::decide, AggregateLifecycle::apply);
    }

    @EventSourcingHandler
    void on(GroupEvent event) {
        groupId = event.groupId();
        state.evolve(event);
    }

    /** The command judged by its rule against the state so far; the event recorded, or the refusal thrown. */
    private GroupEvent decide(GroupCommand command) {
        GroupEvent event = Rulebook.decide(state, command);
        apply(event);
        state.checkInvariants();
        return event;
    }
}
