package org.fundbook.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.fundbook.group.GroupEvent;
import org.springframework.stereotype.Component;

/**
 * A group's events as the event store keeps them, from sequence 0. Read through Axon (so any upcaster applies)
 * and never from a snapshot: the audit derives everything from the events themselves.
 */
@Component
public class GroupHistory {

    /** One event of the stream: its place, when it was recorded, and what happened. */
    public record Recorded(long sequence, Instant recordedAt, GroupEvent event) {
    }

    private final EventStore events;

    public GroupHistory(EventStore events) {
        this.events = events;
    }

    public List<Recorded> read(UUID groupId) {
        List<Recorded> history = new ArrayList<>();
        DomainEventStream stream = events.readEvents(groupId.toString(), 0);
        while (stream.hasNext()) {
            DomainEventMessage<?> message = stream.next();
            if (message.getPayload() instanceof GroupEvent event) {
                history.add(new Recorded(message.getSequenceNumber(), message.getTimestamp(), event));
            }
        }
        return history;
    }
}
