package org.fundbook.grants.query;

import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Reads of the Emergency Fund's grants. */
@Component
public class GrantQueries {

    /** A grant not reversed, with what has come back of it. */
    public record GrantView(UUID grantId, String recipientName, long amount, long recovered, boolean recoverable) {
    }

    private final JdbcTemplate jdbc;

    GrantQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The group's grants, earliest first. */
    public List<GrantView> grants(UUID groupId) {
        return jdbc.query("""
                SELECT grant_id, recipient_name, amount, recovered, recoverable FROM grant_view
                WHERE group_id = ? AND NOT reversed ORDER BY made_on, grant_id""",
                (rs, i) -> new GrantView(rs.getObject(1, UUID.class), rs.getString(2), rs.getLong(3), rs.getLong(4),
                        rs.getBoolean(5)), groupId);
    }
}
