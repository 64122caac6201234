package org.fundbook.meetings;

import static org.fundbook.group.Checks.refuse;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import org.fundbook.group.GroupCommand;
import org.fundbook.group.GroupCommand.HoldMeeting;
import org.fundbook.group.GroupEvent;
import org.fundbook.group.GroupEvent.BalanceFigures;
import org.fundbook.group.GroupEvent.MeetingHeld;
import org.fundbook.group.GroupState;
import org.fundbook.group.LedgerRefusal;
import org.fundbook.group.RefusalCode;
import org.fundbook.group.TransactionIdReused;

/**
 * A whole meeting (domain spec section 9): each entry judged by its own rule against the state the entries before
 * it left, a refused one changing nothing while the rest go on, a cash count last; then the meeting itself, with
 * the people present who are members once the entries are judged, and the transactions it recorded — only what
 * a resend adds to what was recorded before.
 */
public final class MeetingRules {

    private MeetingRules() {
    }

    /** What became of one entry. */
    public sealed interface Outcome {
        UUID transactionId();
    }

    /** Recorded: its event, and the group's money right after it. */
    public record Recorded(UUID transactionId, GroupEvent event, BalanceFigures balancesAfter) implements Outcome {
    }

    /** Refused by its rule ({@link LedgerRefusal} or {@link TransactionIdReused}): nothing of it was recorded. */
    public record Refused(UUID transactionId, RuntimeException refusal) implements Outcome {
    }

    /**
     * @param outcomes          one per entry judged, in the order of the request
     * @param ignoredAttendance people named present who are not members of the group
     * @param balances          the group's money after the meeting
     */
    public record Decision(List<Outcome> outcomes, List<UUID> ignoredAttendance, BalanceFigures balances) {
    }

    /**
     * @param decide the ledger's rules ({@code Rulebook::decide})
     * @param apply  records an event; the state has evolved by it when this returns
     * @throws TransactionIdReused the meeting's id was used for a meeting held on another day
     * @throws LedgerRefusal       {@code FUTURE_DATE} for a meeting held after today
     */
    public static Decision hold(GroupState state, HoldMeeting command,
                                BiFunction<GroupState, GroupCommand, GroupEvent> decide, Consumer<GroupEvent> apply) {
        GroupState.Meeting earlier = state.meeting(command.meetingId());
        if (earlier != null && !earlier.heldOn().equals(command.heldOn())) {
            throw new TransactionIdReused("meeting " + command.meetingId() + " was held on " + earlier.heldOn());
        }
        if (command.heldOn().isAfter(command.today())) {
            throw refuse(RefusalCode.FUTURE_DATE, "heldOn " + command.heldOn() + " is after today");
        }
        List<GroupCommand> entries = command.entries();
        Outcome[] outcomes = new Outcome[entries.size()];
        List<UUID> recorded = new ArrayList<>();
        for (int i : judgingOrder(entries)) {
            GroupCommand entry = entries.get(i);
            UUID transactionId = transactionId(entry);
            try {
                GroupEvent event = decide.apply(state, entry);
                apply.accept(event);
                state.checkInvariants();
                recorded.add(transactionId);
                outcomes[i] = new Recorded(transactionId, event, state.figures());
            } catch (LedgerRefusal | TransactionIdReused refusal) {
                outcomes[i] = new Refused(transactionId, refusal);
            }
        }
        LinkedHashSet<UUID> present = new LinkedHashSet<>();
        List<UUID> ignored = new ArrayList<>();
        for (UUID person : new LinkedHashSet<>(command.attendance())) {
            if (state.member(person) != null) {
                present.add(person);
            } else {
                ignored.add(person);
            }
        }
        if (earlier != null) {
            present.removeAll(earlier.attendance());
        }
        if (earlier == null || !present.isEmpty() || !recorded.isEmpty()) {
            apply.accept(new MeetingHeld(state.groupId(), command.meetingId(), command.heldOn(),
                    List.copyOf(present), List.copyOf(recorded)));
        }
        return new Decision(List.of(outcomes), List.copyOf(ignored), state.figures());
    }

    /** The entries' places in the order they are judged: as made, except that cash counts come last. */
    static List<Integer> judgingOrder(List<GroupCommand> entries) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.comparing(i -> entries.get(i) instanceof GroupCommand.CountCash));
        return order;
    }

    /** An entry's transaction id: every kind of entry a meeting takes has one. */
    static UUID transactionId(GroupCommand entry) {
        if (entry instanceof GroupCommand.Dated dated) {
            return dated.transactionId();
        } else if (entry instanceof GroupCommand.RegisterMember member) {
            return member.transactionId();
        }
        throw new IllegalArgumentException("a meeting takes no " + entry.getClass().getSimpleName());
    }
}
