package org.fundbook.pages.leader;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.fundbook.group.LedgerRefusal;
import org.fundbook.group.query.LedgerQueries;
import org.fundbook.group.query.MemberView;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * What the leader's pages share: members' names by id, and an unknown group, member or closing answered with the
 * "not found" page rather than the API's problem JSON.
 */
@ControllerAdvice(basePackages = "org.fundbook.pages.leader")
@Order(Ordered.HIGHEST_PRECEDENCE)
class LeaderPages {

    /** Members' names by id, in registration order. */
    static Map<UUID, String> names(List<MemberView> members) {
        Map<UUID, String> names = new LinkedHashMap<>();
        members.forEach(m -> names.put(m.memberId(), m.name()));
        return names;
    }

    static Map<UUID, String> names(LedgerQueries queries, UUID groupId) {
        return names(queries.members(groupId));
    }

    @ExceptionHandler(LedgerRefusal.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String notFound(LedgerRefusal refusal, Model model) {
        model.addAttribute("status", 404);
        return "error";
    }
}
