package org.fundbook.audit;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.fundbook.group.LedgerRefusal;
import org.fundbook.group.RefusalCode;
import org.fundbook.platform.web.ApiProblem;
import org.fundbook.security.CurrentCaller;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The contract's order of answers for one group's audit reads: 403 for a group outside the caller's scope (even
 * one that does not exist), then 400 for bad parameters, then 404. So the scope is checked before the
 * parameters are read, and the group's existence only after.
 */
@Component
public class GroupAccess {

    /** A group that is in the caller's scope; {@code found} is false when no such group exists. */
    public record Checked(UUID groupId, boolean found) {
        public void requireFound() {
            if (!found) {
                throw new LedgerRefusal(RefusalCode.GROUP_NOT_FOUND, "no group " + groupId);
            }
        }
    }

    private final JdbcTemplate jdbc;
    private final CurrentCaller caller;

    public GroupAccess(JdbcTemplate jdbc, CurrentCaller caller) {
        this.jdbc = jdbc;
        this.caller = caller;
    }

    public Checked inScope(UUID groupId) {
        if (!caller.mayAudit()) {
            throw new ApiProblem(403, "FORBIDDEN", "Audit reads are for leaders, accountants and admins.");
        }
        List<String> province = jdbc.queryForList("SELECT province FROM group_view WHERE group_id = ?", String.class,
                groupId);
        Optional<String> found = province.stream().findFirst();
        if (!caller.scope().includes(groupId, found.orElse(null))) {
            throw new ApiProblem(403, "FORBIDDEN", "The group is outside your scope.");
        }
        return new Checked(groupId, found.isPresent());
    }
}
