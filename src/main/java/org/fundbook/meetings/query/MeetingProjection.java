package org.fundbook.meetings.query;

import java.sql.Date;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.fundbook.group.GroupEvent.MeetingHeld;
import org.fundbook.platform.AxonConfiguration;
import org.fundbook.platform.RequestMetadata;
import org.fundbook.platform.jdbc.BufferedWrites;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * One row per meeting: its date, everyone present and every transaction recorded at it, over all its sends, and
 * who sent it first. Commits with the write.
 */
@Component
@ProcessingGroup(AxonConfiguration.LEDGER_PROJECTIONS)
class MeetingProjection {

    private final JdbcTemplate jdbc;
    private final BufferedWrites writes;

    MeetingProjection(JdbcTemplate jdbc, BufferedWrites writes) {
        this.jdbc = jdbc;
        this.writes = writes;
    }

    @EventHandler
    void on(MeetingHeld e, @MetaDataValue(RequestMetadata.RECORDED_BY) String recordedBy) {
        writes.update("""
                INSERT INTO meeting_view AS m (group_id, meeting_id, held_on, attendance, transaction_ids, recorded_by)
                VALUES (?, ?, ?, CAST(? AS uuid[]), CAST(? AS uuid[]), ?)
                ON CONFLICT (group_id, meeting_id) DO UPDATE
                SET attendance = m.attendance || EXCLUDED.attendance,
                    transaction_ids = m.transaction_ids || EXCLUDED.transaction_ids""",
                e.groupId(), e.meetingId(), Date.valueOf(e.heldOn()), array(e.attendance()),
                array(e.transactionIds()), recordedBy == null ? "" : recordedBy);
    }

    /** A PostgreSQL array literal of ids (ids need no quoting). */
    static String array(List<UUID> ids) {
        return ids.stream().map(UUID::toString).collect(Collectors.joining(",", "{", "}"));
    }

    @ResetHandler
    void reset() {
        jdbc.update("TRUNCATE meeting_view");
    }
}
