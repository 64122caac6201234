package org.fundbook.pages;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.fundbook.group.query.GroupView;
import org.fundbook.group.query.LedgerQueries;
import org.fundbook.security.CallerScope;
import org.fundbook.security.CurrentCaller;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;

/** The login page, the caller's groups (where each person starts), and the page for what is out of reach. */
@Controller
class HomeController {

    private final LedgerQueries queries;
    private final CurrentCaller caller;
    private final Clock clock;

    HomeController(LedgerQueries queries, CurrentCaller caller, Clock clock) {
        this.queries = queries;
        this.caller = caller;
        this.clock = clock;
    }

    @GetMapping("/login")
    String login() {
        return "login";
    }

    @GetMapping("/")
    String home(Model model) {
        CallerScope scope = caller.scope();
        List<GroupView> groups = queries.groups(null, null, null, LocalDate.now(clock)).stream()
                .filter(g -> scope.includes(g.groupId(), g.location().province())).toList();
        model.addAttribute("groups", groups);
        return "home";
    }

    @RequestMapping("/denied")
    @ResponseStatus(HttpStatus.FORBIDDEN)
    String denied() {
        return "denied";
    }
}
