package org.fundbook.reporting;

import java.sql.Date;
import java.util.List;
import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.fundbook.group.GroupEvent;
import org.fundbook.group.GroupEvent.BooksClosed;
import org.fundbook.group.GroupEvent.CashCounted;
import org.fundbook.group.GroupEvent.TransactionReversed;
import org.fundbook.group.TransactionKind;
import org.fundbook.platform.AxonConfiguration;
import org.fundbook.platform.jdbc.BufferedWrites;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Keeps the metrics' read models in the write's own transaction: each group's changes per value date
 * ({@code metric_day}, one row per group and day, the changes of a transaction folded into one upsert) and every
 * count of the cash box ({@code cash_count_view}).
 */
@Component
@ProcessingGroup(AxonConfiguration.LEDGER_PROJECTIONS)
class MetricsProjection {

    private final JdbcTemplate jdbc;
    private final BufferedWrites writes;

    MetricsProjection(JdbcTemplate jdbc, BufferedWrites writes) {
        this.jdbc = jdbc;
        this.writes = writes;
    }

    @EventHandler
    void on(GroupEvent event, @SequenceNumber long sequence) {
        MetricFacts.of(event, grantId -> recoverable(event.groupId(), grantId)).ifPresent(change ->
                writes.upsert("metric_day", "group_id", event.groupId(), "day", Date.valueOf(change.day()))
                        .add("cash", change.cash())
                        .add("member_savings", change.memberSavings())
                        .add("interest", change.interest())
                        .add("emergency_grants", change.emergencyGrants())
                        .add("recoverable_granted", change.recoverableGranted())
                        .add("recovered", change.recovered())
                        .apply());
        if (event instanceof CashCounted e) {
            count(e.groupId(), e.transactionId(), sequence, e.occurredOn(), "CASH_COUNT", e.expectedCash(),
                    e.countedCash(), e.discrepancy());
        } else if (event instanceof BooksClosed e) {
            count(e.groupId(), e.transactionId(), sequence, e.closingDate(), "CLOSING", e.expectedCash(),
                    e.countedCash(), e.discrepancy());
        } else if (event instanceof TransactionReversed e && e.reversedKind() == TransactionKind.CASH_COUNT) {
            writes.update("UPDATE cash_count_view SET reversed = true WHERE group_id = ? AND transaction_id = ?",
                    e.groupId(), e.reversedTransactionId());
        }
    }

    private void count(UUID groupId, UUID transactionId, long sequence, java.time.LocalDate on, String kind,
                       long expected, long counted, long discrepancy) {
        writes.update("""
                INSERT INTO cash_count_view (group_id, transaction_id, event_sequence, counted_on, kind, expected_cash,
                    counted_cash, discrepancy) VALUES (?, ?, ?, ?, ?, ?, ?, ?)""",
                groupId, transactionId, sequence, Date.valueOf(on), kind, expected, counted, discrepancy);
    }

    /** Read only when a grant is reversed: its row was written when it was made. */
    private boolean recoverable(UUID groupId, UUID grantId) {
        List<Boolean> found = writes.query("SELECT recoverable FROM grant_view WHERE group_id = ? AND grant_id = ?",
                (rs, i) -> rs.getBoolean(1), groupId, grantId);
        if (found.isEmpty()) {
            throw new IllegalStateException("no emergency grant " + grantId + " in " + groupId);
        }
        return found.get(0);
    }

    @ResetHandler
    void reset() {
        jdbc.update("TRUNCATE metric_day, cash_count_view");
    }
}
