package org.fundbook.audit.check;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.fundbook.audit.journal.Account;
import org.fundbook.audit.journal.Journal;
import org.fundbook.audit.journal.Posting;
import org.fundbook.group.GroupEvent;
import org.fundbook.platform.jdbc.BufferedWrites;
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
    private final BufferedWrites writes;

    JournalBalancesProjection(JdbcTemplate jdbc, BufferedWrites writes) {
        this.jdbc = jdbc;
        this.writes = writes;
    }

    /**
     * One statement per event, held back with the batch's other writes until the batch commits: the position
     * moves forward only from an earlier event (a redelivered one changes nothing), and only then are the
     * event's lines, summed per account, added to the totals.
     */
    @EventHandler
    void on(GroupEvent event, @SequenceNumber long sequence) {
        Optional<Posting> posting;
        String problem = null;
        try {
            posting = Journal.posting(event);
        } catch (RuntimeException e) {
            posting = Optional.empty();
            problem = "event " + sequence + " (" + event.getClass().getSimpleName() + ") cannot be posted: "
                    + e.getMessage();
        }
        Map<Account, long[]> totals = new EnumMap<>(Account.class);
        posting.ifPresent(entry -> entry.lines().forEach(line -> {
            long[] sides = totals.computeIfAbsent(line.account(), account -> new long[2]);
            sides[0] = Math.addExact(sides[0], line.debit());
            sides[1] = Math.addExact(sides[1], line.credit());
        }));
        writes.update(POST, event.groupId(), sequence, problem,
                totals.keySet().stream().map(Account::name).toArray(String[]::new),
                totals.values().stream().map(sides -> sides[0]).toArray(Long[]::new),
                totals.values().stream().map(sides -> sides[1]).toArray(Long[]::new));
    }

    private static final String POST = """
            WITH moved AS (
                INSERT INTO ledger_check_position AS p (group_id, last_sequence, problem) VALUES (?, ?, ?)
                ON CONFLICT (group_id) DO UPDATE SET last_sequence = EXCLUDED.last_sequence,
                    problem = coalesce(p.problem, EXCLUDED.problem)
                WHERE p.last_sequence < EXCLUDED.last_sequence
                RETURNING group_id)
            INSERT INTO ledger_check_account AS a (group_id, account, debit, credit)
            SELECT moved.group_id, line.account, line.debit, line.credit
            FROM moved, unnest(?::varchar[], ?::bigint[], ?::bigint[]) AS line (account, debit, credit)
            ON CONFLICT (group_id, account) DO UPDATE
            SET debit = a.debit + EXCLUDED.debit, credit = a.credit + EXCLUDED.credit""";

    @ResetHandler
    void reset() {
        jdbc.update("TRUNCATE ledger_check_account, ledger_check_position");
    }
}
