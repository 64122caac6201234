package org.fundbook.grants.query;

import java.sql.Date;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.fundbook.group.GroupEvent.EmergencyGrantMade;
import org.fundbook.group.GroupEvent.GrantRecoveryRecorded;
import org.fundbook.group.GroupEvent.TransactionReversed;
import org.fundbook.group.TransactionKind;
import org.fundbook.platform.AxonConfiguration;
import org.fundbook.platform.jdbc.BufferedWrites;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Keeps each Emergency Fund grant with what has been recovered of it. Commits with the write. */
@Component
@ProcessingGroup(AxonConfiguration.LEDGER_PROJECTIONS)
class GrantProjection {

    private final JdbcTemplate jdbc;
    private final BufferedWrites writes;

    GrantProjection(JdbcTemplate jdbc, BufferedWrites writes) {
        this.jdbc = jdbc;
        this.writes = writes;
    }

    @EventHandler
    void on(EmergencyGrantMade e) {
        writes.update("""
                INSERT INTO grant_view (group_id, grant_id, recipient_id, recipient_name, amount, reason, recoverable,
                    made_on) VALUES (?, ?, ?, ?, ?, ?, ?, ?)""",
                e.groupId(), e.grantId(), e.recipientId(), e.recipientName(), e.amount(), e.reason().name(),
                e.recoverable(), Date.valueOf(e.occurredOn()));
    }

    @EventHandler
    void on(GrantRecoveryRecorded e) {
        writes.update("INSERT INTO grant_recovery (group_id, transaction_id, grant_id, amount) VALUES (?, ?, ?, ?)",
                e.groupId(), e.transactionId(), e.grantId(), e.amount());
        writes.update("UPDATE grant_view SET recovered = recovered + ? WHERE group_id = ? AND grant_id = ?",
                e.amount(), e.groupId(), e.grantId());
    }

    @EventHandler
    void on(TransactionReversed e) {
        if (e.reversedKind() == TransactionKind.EMERGENCY_GRANT) {
            writes.update("UPDATE grant_view SET reversed = true WHERE group_id = ? AND grant_id = ?",
                    e.groupId(), e.reversedTransactionId());
        } else if (e.reversedKind() == TransactionKind.GRANT_RECOVERY) {
            writes.update("""
                    UPDATE grant_view g SET recovered = g.recovered - r.amount FROM grant_recovery r
                    WHERE r.group_id = ? AND r.transaction_id = ? AND g.group_id = r.group_id
                        AND g.grant_id = r.grant_id""", e.groupId(), e.reversedTransactionId());
            writes.update("DELETE FROM grant_recovery WHERE group_id = ? AND transaction_id = ?",
                    e.groupId(), e.reversedTransactionId());
        }
    }

    @ResetHandler
    void reset() {
        jdbc.update("TRUNCATE grant_recovery, grant_view");
    }
}
