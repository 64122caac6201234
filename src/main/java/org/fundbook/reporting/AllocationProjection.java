package org.fundbook.reporting;

import java.sql.Date;
import java.util.List;
import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.fundbook.audit.GroupHistory;
import org.fundbook.group.GrantReason;
import org.fundbook.group.GroupEvent.EmergencyGrantMade;
import org.fundbook.group.GroupEvent.GroupTransaction;
import org.fundbook.platform.AxonConfiguration;
import org.fundbook.platform.jdbc.BufferedWrites;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Keeps {@code allocation_fact} in the write's own transaction, so the report sees every answered write. */
@Component
@ProcessingGroup(AxonConfiguration.LEDGER_PROJECTIONS)
class AllocationProjection {

    private final JdbcTemplate jdbc;
    private final BufferedWrites writes;
    private final GroupHistory history;

    AllocationProjection(JdbcTemplate jdbc, BufferedWrites writes, GroupHistory history) {
        this.jdbc = jdbc;
        this.writes = writes;
        this.history = history;
    }

    @EventHandler
    void on(GroupTransaction event, @SequenceNumber long sequence) {
        for (AllocationFacts.Fact fact : AllocationFacts.of(event, grantId -> reasonOf(event.groupId(), grantId))) {
            writes.update("""
                    INSERT INTO allocation_fact (group_id, transaction_id, event_sequence, occurred_on, measure,
                        category, amount) VALUES (?, ?, ?, ?, ?, ?, ?)""",
                    event.groupId(), event.transactionId(), sequence, Date.valueOf(event.occurredOn()),
                    fact.measure().name(), fact.category(), fact.amount());
        }
    }

    /**
     * The grant's reason from its own fact; from the event store when the grant predates this table (a database
     * upgraded without a rebuild), so that a reversal is never refused for want of a report row.
     */
    private GrantReason reasonOf(UUID groupId, UUID grantId) {
        List<String> recorded = jdbc.queryForList("""
                SELECT category FROM allocation_fact
                WHERE group_id = ? AND transaction_id = ? AND measure = 'EMERGENCY_GRANT' AND amount > 0""",
                String.class, groupId, grantId);
        if (!recorded.isEmpty()) {
            return GrantReason.valueOf(recorded.get(0));
        }
        return history.read(groupId).stream()
                .map(GroupHistory.Recorded::event)
                .filter(e -> e instanceof EmergencyGrantMade grant && grant.grantId().equals(grantId))
                .map(e -> ((EmergencyGrantMade) e).reason())
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no emergency grant " + grantId + " in " + groupId));
    }

    @ResetHandler
    void reset() {
        jdbc.update("TRUNCATE allocation_fact");
    }
}
