package org.fundbook.meetings.query;

import java.sql.Array;
import java.sql.Date;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.fundbook.group.query.LedgerQueries;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Reads of the meetings held. */
@Component
public class MeetingQueries {

    public record MeetingView(UUID meetingId, LocalDate heldOn, List<UUID> attendance, List<UUID> transactionIds,
                              String recordedBy) {
    }

    private final JdbcTemplate jdbc;
    private final LedgerQueries ledger;

    MeetingQueries(JdbcTemplate jdbc, LedgerQueries ledger) {
        this.jdbc = jdbc;
        this.ledger = ledger;
    }

    /** The group's meetings held from {@code from} to {@code to} (either may be null), earliest first. */
    public List<MeetingView> meetings(UUID groupId, LocalDate from, LocalDate to) {
        ledger.requireGroup(groupId);
        return jdbc.query("""
                SELECT meeting_id, held_on, attendance, transaction_ids, recorded_by FROM meeting_view
                WHERE group_id = ? AND (CAST(? AS DATE) IS NULL OR held_on >= ?)
                    AND (CAST(? AS DATE) IS NULL OR held_on <= ?)
                ORDER BY held_on, meeting_id""",
                (rs, i) -> new MeetingView(rs.getObject(1, UUID.class), rs.getDate(2).toLocalDate(),
                        ids(rs.getArray(3)), ids(rs.getArray(4)), rs.getString(5)),
                groupId, date(from), date(from), date(to), date(to));
    }

    private static List<UUID> ids(Array array) throws SQLException {
        return Arrays.asList((UUID[]) array.getArray());
    }

    private static Date date(LocalDate date) {
        return date == null ? null : Date.valueOf(date);
    }
}
