package org.fundbook.pages.admin;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.fundbook.group.InterestMethod;
import org.fundbook.group.NonMemberLending;
import org.fundbook.group.Policy;
import org.fundbook.group.Pool;
import org.fundbook.group.PremiumBasis;
import org.fundbook.group.Scheme;
import org.fundbook.group.query.GroupView;
import org.fundbook.group.query.LedgerQueries;
import org.fundbook.pages.Words;
import org.fundbook.security.Role;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The admin's pages: the users ({@code /admin/users}) and registering a group ({@code /groups/new}). Who may open
 * them is {@code security.PageAccess}'s (whoever may list users, whoever may register a group). Both pages are
 * forms whose script writes through the same {@code /api} as every client ({@code admin-users.js},
 * {@code admin-group.js}); the server gives them only their words, the groups to choose from and the schemes'
 * default policies, each as a JSON block that is never run.
 */
@Controller
class AdminPagesController {

    private final LedgerQueries queries;
    private final Words words;
    private final Clock clock;

    AdminPagesController(LedgerQueries queries, Words words, Clock clock) {
        this.queries = queries;
        this.words = words;
        this.clock = clock;
    }

    @GetMapping("/admin/users")
    String users(Locale locale, Model model) {
        List<GroupView> groups = queries.groups(null, null, null, LocalDate.now(clock)).stream()
                .sorted(Comparator.comparing(GroupView::name).thenComparing(g -> g.groupId().toString())).toList();
        model.addAttribute("groups", groups);
        model.addAttribute("roles", Role.values());
        model.addAttribute("words", words.json(locale, "admin.", "refusal."));
        return "admin/users";
    }

    @GetMapping("/groups/new")
    String newGroup(Locale locale, Model model) {
        Map<Scheme, Policy> defaults = new EnumMap<>(Scheme.class);
        for (Scheme scheme : Scheme.values()) {
            defaults.put(scheme, Policy.defaultsFor(scheme));
        }
        model.addAttribute("schemes", Scheme.values());
        model.addAttribute("defaults", words.data(defaults));
        model.addAttribute("pools", Pool.values());
        model.addAttribute("interestMethods", InterestMethod.values());
        model.addAttribute("lendings", NonMemberLending.values());
        model.addAttribute("premiumBases", PremiumBasis.values());
        model.addAttribute("today", LocalDate.now(clock));
        model.addAttribute("words", words.json(locale, "admin.", "refusal."));
        return "admin/group-new";
    }
}
