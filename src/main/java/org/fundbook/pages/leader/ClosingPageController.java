package org.fundbook.pages.leader;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.fundbook.closing.query.ClosingPreviewView;
import org.fundbook.closing.query.ClosingQueries;
import org.fundbook.closing.query.ClosingStatementView;
import org.fundbook.group.PayoutMode;
import org.fundbook.group.PremiumShare;
import org.fundbook.group.query.GroupView;
import org.fundbook.group.query.LedgerQueries;
import org.fundbook.pages.Words;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * Closing the books, step by step ({@code /groups/{id}/closing}): the date, the preview, the counted cash and the
 * payout mode, the confirmation — or the cancel; and each past closing's statement, printable
 * ({@code /groups/{id}/closing/{periodNumber}}). The figures are the ledger's (closing.query); the steps are
 * written through the API by {@code leader-closing.js}.
 */
@Controller
class ClosingPageController {

    private final LedgerQueries queries;
    private final ClosingQueries closings;
    private final Words words;
    private final Clock clock;

    ClosingPageController(LedgerQueries queries, ClosingQueries closings, Words words, Clock clock) {
        this.queries = queries;
        this.closings = closings;
        this.words = words;
        this.clock = clock;
    }

    @GetMapping("/groups/{groupId}/closing")
    String closing(@PathVariable UUID groupId, Locale locale, Model model) {
        LocalDate today = LocalDate.now(clock);
        GroupView group = queries.group(groupId, today);
        ClosingPreviewView preview = group.closingInProgress() ? closings.closingInProgress(groupId) : null;
        model.addAttribute("group", group);
        model.addAttribute("today", today);
        model.addAttribute("preview", preview);
        model.addAttribute("totalWeight", preview == null ? 0
                : preview.premiums().stream().mapToLong(PremiumShare::weight).sum());
        model.addAttribute("names", LeaderPages.names(queries, groupId));
        model.addAttribute("payoutModes", PayoutMode.values());
        List<ClosingStatementView> past = new java.util.ArrayList<>(closings.statements(groupId));
        java.util.Collections.reverse(past);
        model.addAttribute("statements", past);
        model.addAttribute("words", words.json(locale, "leader.js.", "refusal."));
        return "leader/closing";
    }

    @GetMapping("/groups/{groupId}/closing/{periodNumber}")
    String statement(@PathVariable UUID groupId, @PathVariable int periodNumber, Model model) {
        GroupView group = queries.group(groupId, LocalDate.now(clock));
        ClosingStatementView statement = closings.statement(groupId, periodNumber);
        model.addAttribute("group", group);
        model.addAttribute("statement", statement);
        model.addAttribute("names", LeaderPages.names(queries, groupId));
        model.addAttribute("movementKinds", List.copyOf(statement.movements().keySet()));
        return "leader/closing-statement";
    }
}
