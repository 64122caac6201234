package org.fundbook.audit.check;

import java.util.List;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.fundbook.audit.journal.Journal;
import org.fundbook.audit.journal.Posting;
import org.fundbook.group.GroupEvent;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Posts every event's journal entry to per-group account totals, in a streaming processor of its own: a second
 * derivation of the books, by other code and another path than the read models, for {@link LedgerCheck} to compare.
 * Events of one group arrive in order (Axon's default sequencing per aggregate); one already posted is skipped,
 * so a redelivery never counts twice. An event that cannot be posted is not skipped in silence: the group keeps
 * the reason and counts as disagreeing.
 */
@Component
@ProcessingGroup(JournalBalancesProjection.PROCESSING_GROUP)
class JournalBalancesProjection {

    static final String PROCESSING_GROUP = "ledger-check";

    private final JdbcTemplate jdbc;

    JournalBalancesProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(GroupEvent event, @SequenceNumber long sequence) {
        List<Long> posted = jdbc.queryForList(
                "SELECT last_sequence FROM ledger_check_position WHERE group_id = ? FOR UPDATE", Long.class,
                event.groupId());
        if (!posted.isEmpty() && posted.get(0) >= sequence) {
            return;
        }
        Optional<Posting> posting;
        String problem = null;
        try {
            posting = Journal.posting(event);
        } catch (RuntimeException e) {
            posting = Optional.empty();
            problem = "event " + sequence + " (" + event.getClass().getSimpleName() + ") cannot be posted: "
                    + e.getMessage();
        }
        posting.ifPresent(entry -> entry.lines().forEach(line -> jdbc.update("""
                INSERT INTO ledger_check_account (group_id, account, debit, credit) VALUES (?, ?, ?, ?)
                ON CONFLICT (group_id, account) DO UPDATE
                SET debit = ledger_check_account.debit + EXCLUDED.debit,
                    credit = ledger_check_account.credit + EXCLUDED.credit""",
                event.groupId(), line.account().name(), line.debit(), line.credit())));
        jdbc.update("""
                INSERT INTO ledger_check_position (group_id, last_sequence, problem) VALUES (?, ?, ?)
                ON CONFLICT (group_id) DO UPDATE SET last_sequence = EXCLUDED.last_sequence,
                    problem = coalesce(ledger_check_position.problem, EXCLUDED.problem)""",
                event.groupId(), sequence, problem);
    }

    @ResetHandler
    void reset() {
        jdbc.update("TRUNCATE ledger_check_account, ledger_check_position");
    }
}
