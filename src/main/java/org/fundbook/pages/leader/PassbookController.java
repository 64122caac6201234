package org.fundbook.pages.leader;

import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;
import org.fundbook.group.query.GroupView;
import org.fundbook.group.query.LedgerQueries;
import org.fundbook.group.query.MemberStatement;
import org.fundbook.group.query.MemberView;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A member's passbook for a period ({@code /groups/{g}/members/{m}/statement?from=&to=&paper=a5}): the opening
 * savings, every line with the balance after it, the closing savings and the premiums received — the API's
 * statement, printable on A4 (the default) or A5 ({@code paper=a5}) by the browser's print.
 */
@Controller
class PassbookController {

    private final LedgerQueries queries;
    private final Clock clock;

    PassbookController(LedgerQueries queries, Clock clock) {
        this.queries = queries;
        this.clock = clock;
    }

    @GetMapping("/groups/{groupId}/members/{memberId}/statement")
    String passbook(@PathVariable UUID groupId, @PathVariable UUID memberId,
                    @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                    @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                    @RequestParam(required = false) String paper, Model model) {
        LocalDate today = LocalDate.now(clock);
        GroupView group = queries.group(groupId, today);
        MemberView member = queries.member(groupId, memberId);
        LocalDate until = to == null ? today : to;
        LocalDate since = from != null && from.isAfter(until) ? until : from;
        MemberStatement statement = queries.statement(groupId, memberId, since, until);
        model.addAttribute("group", group);
        model.addAttribute("member", member);
        model.addAttribute("statement", statement);
        model.addAttribute("from", since);
        model.addAttribute("to", until);
        model.addAttribute("a5", "a5".equalsIgnoreCase(paper));
        model.addAttribute("today", today);
        return "leader/passbook";
    }
}
