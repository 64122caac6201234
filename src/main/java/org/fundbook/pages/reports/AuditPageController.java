package org.fundbook.pages.reports;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.fundbook.audit.AuditTrail;
import org.fundbook.audit.ChainVerifier;
import org.fundbook.audit.GroupAccess;
import org.fundbook.audit.LedgerAudit;
import org.fundbook.audit.journal.JournalLine;
import org.fundbook.group.query.GroupView;
import org.fundbook.group.query.LedgerQueries;
import org.fundbook.pages.Words;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * One group's audit page: the trial balance, the journal, the audit trail (who recorded each event and when) and
 * the chain's verification, all from the same services as the API's audit reads. Verifying works as a plain form
 * (the page comes back with the result) and, with scripts, in place through the API ({@code reports-audit.js}).
 */
@Controller
class AuditPageController {

    /** One line of the journal; the entry's date, kind and recorder only on its first line. */
    record JournalRow(boolean first, int entry, String date, String kind, String recordedAt, String recordedBy,
                      String account, long debit, long credit) {
    }

    record TrailRow(long sequence, String type, String date, String recordedAt, String recordedBy, String hash) {
    }

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

    private final GroupAccess access;
    private final LedgerQueries queries;
    private final LedgerAudit ledger;
    private final AuditTrail trail;
    private final ChainVerifier chain;
    private final Words words;
    private final Clock clock;

    AuditPageController(GroupAccess access, LedgerQueries queries, LedgerAudit ledger, AuditTrail trail,
                        ChainVerifier chain, Words words, Clock clock) {
        this.access = access;
        this.queries = queries;
        this.ledger = ledger;
        this.trail = trail;
        this.chain = chain;
        this.words = words;
        this.clock = clock;
    }

    @GetMapping("/groups/{groupId}/audit")
    String page(@PathVariable UUID groupId, @RequestParam(required = false) String from,
                @RequestParam(required = false) String to, @RequestParam(required = false) String verify,
                Locale locale, Model model) {
        access.inScope(groupId).requireFound();
        LocalDate today = LocalDate.now(clock);
        GroupView group = queries.group(groupId, today);
        LocalDate first = date(from);
        LocalDate last = date(to);
        if (first != null && last != null && first.isAfter(last)) {
            LocalDate swap = first;
            first = last;
            last = swap;
        }
        List<AuditTrail.AuditEvent> events = trail.events(groupId, first, last);
        Map<Long, String> recorders = new HashMap<>();
        events.forEach(e -> recorders.put(e.sequence(), e.recordedBy()));
        List<JournalRow> journal = new ArrayList<>();
        int entry = 0;
        for (LedgerAudit.JournalEntry e : ledger.journal(groupId, first, last)) {
            entry++;
            boolean head = true;
            for (JournalLine line : e.lines()) {
                journal.add(new JournalRow(head, entry, Format.date(e.occurredOn()), e.kind().name(),
                        time(e.recordedAt()), recorders.getOrDefault(e.sequence(), ""), line.account().name(),
                        line.debit(), line.credit()));
                head = false;
            }
        }
        model.addAttribute("group", group);
        model.addAttribute("from", first);
        model.addAttribute("to", last);
        model.addAttribute("asOf", last == null ? today : last);
        model.addAttribute("trialBalance", ledger.trialBalance(groupId, last == null ? today : last));
        model.addAttribute("journal", journal);
        model.addAttribute("trail", events.stream().map(e -> new TrailRow(e.sequence(), e.type(),
                Format.date(e.occurredOn()), time(e.recordedAt()), e.recordedBy() == null ? "" : e.recordedBy(),
                e.hash() == null ? "" : e.hash())).toList());
        model.addAttribute("verification", verify == null ? null : chain.verify(groupId));
        model.addAttribute("words", words.json(locale, "reports.audit.", "refusal."));
        String where = group.location().province();
        model.addAttribute("crumbs", List.of(
                Map.of("name", "", "link", new Place(null, null, null).link(AllocationPageController.PATH)),
                Map.of("name", where, "link", new Place(where, null, null).link(AllocationPageController.PATH)),
                Map.of("name", group.location().district(), "link", new Place(where, group.location().district(),
                        null).link(AllocationPageController.PATH)),
                Map.of("name", group.location().commune(), "link", new Place(where, group.location().district(),
                        group.location().commune()).link(AllocationPageController.PATH)),
                Map.of("name", group.name(), "link", "")));
        return "reports/audit";
    }

    private String time(Instant instant) {
        return instant == null ? "" : TIME.format(instant.atZone(clock.getZone()));
    }

    private static LocalDate date(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** dd/mm/yyyy, as {@link org.fundbook.pages.Format} writes it. */
    private static final class Format {
        private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

        static String date(LocalDate date) {
            return date == null ? "" : DATE.format(date);
        }
    }
}
