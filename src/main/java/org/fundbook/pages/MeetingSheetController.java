package org.fundbook.pages;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;
import java.util.UUID;
import org.fundbook.group.GrantReason;
import org.fundbook.group.query.LedgerQueries;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The cashier's meeting sheet. The page is a shell the phone keeps (its service worker and its own cache): the
 * members, loans and balances come from the roster ({@code GET /api/v1/groups/{id}/roster}), kept on the phone
 * too, and what the cashier records waits on the phone until the ledger has it ({@code meeting.js}).
 */
@Controller
class MeetingSheetController {

    private final LedgerQueries queries;
    private final Words words;
    private final Clock clock;

    MeetingSheetController(LedgerQueries queries, Words words, Clock clock) {
        this.queries = queries;
        this.words = words;
        this.clock = clock;
    }

    @GetMapping("/groups/{groupId}/meeting")
    String sheet(@PathVariable UUID groupId, Locale locale, Model model) {
        model.addAttribute("groupId", groupId);
        model.addAttribute("groupName", queries.group(groupId, LocalDate.now(clock)).name());
        model.addAttribute("grantReasons", GrantReason.values());
        model.addAttribute("words", words.json(locale, "sheet.", "refusal."));
        return "meeting";
    }
}
