package org.fundbook.group.query;

import java.sql.Date;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.fundbook.group.Effect;
import org.fundbook.group.GroupEvent;
import org.fundbook.group.GroupEvent.GroupRegistered;
import org.fundbook.group.GroupEvent.GroupTransaction;
import org.fundbook.group.GroupEvent.MemberRegistered;
import org.fundbook.group.GroupEvent.PolicyChanged;
import org.fundbook.group.GroupEvent.TransactionReversed;
import org.fundbook.group.Pool;
import org.fundbook.platform.AxonConfiguration;
import org.fundbook.platform.jdbc.BufferedWrites;
import org.fundbook.platform.jdbc.RowChange;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Keeps the group's read models: its row with the balances, its members, policy versions and savings movements.
 * Balances are moved by the same {@link Effect} the aggregate applies, so the two cannot drift apart by a second
 * definition of what a transaction does. Loans and closings keep their rows beside it, in the same processing
 * group ({@code lending.query}, {@code closing.query}).
 */
@Component
@ProcessingGroup(AxonConfiguration.LEDGER_PROJECTIONS)
class LedgerProjection {

    private final JdbcTemplate jdbc;
    private final BufferedWrites writes;
    private final ProjectionJson json;

    LedgerProjection(JdbcTemplate jdbc, BufferedWrites writes, ProjectionJson json) {
        this.jdbc = jdbc;
        this.writes = writes;
        this.json = json;
    }

    @EventHandler
    void on(GroupEvent event, @SequenceNumber long sequence) {
        if (event instanceof GroupRegistered e) {
            writes.update("""
                    INSERT INTO group_view (group_id, name, scheme, province, district, commune, village,
                        registered_on, period_number, period_start)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1, ?)""",
                    e.groupId(), e.name(), e.scheme().name(), e.location().province(), e.location().district(),
                    e.location().commune(), e.location().village(), date(e.registeredOn()), date(e.registeredOn()));
            insertPolicy(e.groupId(), 0, e.registeredOn(), e.policy());
            return; // the row starts at sequence 0
        } else if (event instanceof PolicyChanged e) {
            insertPolicy(e.groupId(), (int) sequence, e.effectiveFrom(), e.policy());
        } else if (event instanceof MemberRegistered e) {
            writes.update("""
                    INSERT INTO member_view (group_id, member_id, registration_number, name, sex, membership,
                        joined_on, poorest_family, officer_role, subgroup)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                    e.groupId(), e.memberId(), e.registrationNumber(), e.name(), e.sex().name(),
                    e.membership().name(), date(e.joinedOn()), e.poorestFamily(),
                    e.officerRole() == null ? null : e.officerRole().name(), e.subgroup());
            follows(event, sequence).add("member_count", 1).apply();
            return;
        } else if (event instanceof GroupTransaction e) {
            onTransaction(e, sequence);
            return;
        }
        follows(event, sequence).apply();
    }

    /** The group's row moved on to this event, which must follow the last one applied to it. */
    private RowChange follows(GroupEvent event, long sequence) {
        return ReadModelRows.group(writes, event.groupId())
                .expect("last_sequence", sequence - 1, () -> doesNotFollow(event, sequence))
                .set("last_sequence", sequence);
    }

    /**
     * Each group's events are applied in unbroken sequence. A write deciding on a copy of the group that holds an
     * event which never committed would store the next one with a gap: refused (the update finds no row), so it
     * rolls back.
     */
    private static String doesNotFollow(GroupEvent event, long sequence) {
        return "event " + sequence + " of group " + event.groupId() + " does not follow the last event applied to it";
    }

    private void onTransaction(GroupTransaction event, long sequence) {
        Effect effect = Effect.of(event);
        Map<Pool, Long> pools = effect.pools();
        RowChange group = follows(event, sequence)
                .add("cash", effect.cash())
                .add("loan_principal_outstanding", effect.loanPrincipal())
                .add("member_savings", effect.savings());
        for (Pool pool : Pool.values()) {
            group.add(poolColumn(pool), pools.getOrDefault(pool, 0L));
        }
        group.apply();
        if (effect.memberId() != null && effect.savings() != 0) {
            String kind = event instanceof TransactionReversed r ? "REVERSAL_OF_" + r.reversedKind().name()
                    : event.kind().name();
            ReadModelRows.member(writes, event.groupId(), effect.memberId()).add("savings", effect.savings()).apply();
            writes.update("""
                    INSERT INTO savings_movement (group_id, member_id, transaction_id, event_sequence, occurred_on,
                        kind, amount) VALUES (?, ?, ?, ?, ?, ?, ?)""",
                    event.groupId(), effect.memberId(), event.transactionId(), sequence, date(event.occurredOn()),
                    kind, effect.savings());
        }
    }

    static String poolColumn(Pool pool) {
        return "pool_" + pool.name().toLowerCase(java.util.Locale.ROOT);
    }

    private void insertPolicy(UUID groupId, int version, LocalDate effectiveFrom, Object policy) {
        writes.update("INSERT INTO policy_version (group_id, version, effective_from, policy) VALUES (?, ?, ?, ?)",
                groupId, version, date(effectiveFrom), json.write(policy));
    }

    private static Date date(LocalDate date) {
        return Date.valueOf(date);
    }

    @ResetHandler
    void reset() {
        jdbc.update("TRUNCATE savings_movement, member_view, policy_version, group_view CASCADE");
    }
}
