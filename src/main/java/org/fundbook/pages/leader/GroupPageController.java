package org.fundbook.pages.leader;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.fundbook.audit.AuditTrail;
import org.fundbook.audit.AuditTrail.AuditEvent;
import org.fundbook.group.InterestMethod;
import org.fundbook.group.LedgerRefusal;
import org.fundbook.group.NonMemberLending;
import org.fundbook.group.Pool;
import org.fundbook.group.PremiumBasis;
import org.fundbook.group.RefusalCode;
import org.fundbook.group.TransactionKind;
import org.fundbook.group.query.GroupView;
import org.fundbook.group.query.LedgerQueries;
import org.fundbook.group.query.MemberView;
import org.fundbook.lending.query.LoanQueries;
import org.fundbook.lending.query.LoanView;
import org.fundbook.pages.PageLinks;
import org.fundbook.pages.Words;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The group at a glance ({@code /groups/{id}}), the reversal of one of its transactions
 * ({@code /groups/{id}/reversal?transaction=}) and its policy with the form to change it
 * ({@code /groups/{id}/policy}). Read from the query services; every write goes through the API from the page's
 * script.
 */
@Controller
class GroupPageController {

    /** How many of the latest transactions the group page lists. */
    static final int RECENT = 15;

    /** The audit trail's event types that are transactions, with their kind. */
    private static final Map<String, TransactionKind> TRANSACTIONS = Map.ofEntries(
            Map.entry("CapitalReceived", TransactionKind.CAPITAL),
            Map.entry("ContributionRecorded", TransactionKind.CONTRIBUTION),
            Map.entry("WithdrawalRecorded", TransactionKind.WITHDRAWAL),
            Map.entry("LoanDisbursed", TransactionKind.LOAN_DISBURSEMENT),
            Map.entry("RepaymentRecorded", TransactionKind.REPAYMENT),
            Map.entry("EmergencyGrantMade", TransactionKind.EMERGENCY_GRANT),
            Map.entry("GrantRecoveryRecorded", TransactionKind.GRANT_RECOVERY),
            Map.entry("PoolPaidOut", TransactionKind.POOL_PAYOUT),
            Map.entry("CashCounted", TransactionKind.CASH_COUNT),
            Map.entry("TransactionReversed", TransactionKind.REVERSAL));

    /** One recorded transaction as the page lists it: whom it concerns, its amount, who recorded it. */
    record Transaction(UUID transactionId, TransactionKind kind, LocalDate occurredOn, Instant recordedAt,
                       String recordedBy, String who, Long amount, String reason, TransactionKind reversedKind,
                       boolean reversed) {

        /** Whether its kind is one that may be reversed at all (the ledger decides the rest). */
        public boolean reversibleKind() {
            return kind.reversibleKind() && !reversed;
        }
    }

    private final LedgerQueries queries;
    private final LoanQueries loans;
    private final AuditTrail trail;
    private final PageLinks links;
    private final Words words;
    private final Clock clock;

    GroupPageController(LedgerQueries queries, LoanQueries loans, AuditTrail trail, PageLinks links, Words words,
                        Clock clock) {
        this.queries = queries;
        this.loans = loans;
        this.trail = trail;
        this.links = links;
        this.words = words;
        this.clock = clock;
    }

    @GetMapping("/groups/{groupId}")
    String group(@PathVariable UUID groupId, Model model) {
        LocalDate today = LocalDate.now(clock);
        GroupView group = queries.group(groupId, today);
        List<MemberView> members = queries.members(groupId);
        Map<UUID, String> names = LeaderPages.names(members);
        List<LoanView> due = new ArrayList<>(loans.loans(groupId, "OUTSTANDING", today));
        due.sort(Comparator.comparingLong(LoanView::daysOverdue).reversed()
                .thenComparing(LoanView::maturesOn));
        model.addAttribute("group", group);
        model.addAttribute("members", members);
        model.addAttribute("names", names);
        model.addAttribute("loans", due);
        model.addAttribute("today", today);
        boolean trailOpen = links.may("/groups/" + groupId + "/audit");
        model.addAttribute("transactions", trailOpen ? recent(groupId, names, RECENT) : List.of());
        model.addAttribute("trailOpen", trailOpen);
        return "leader/group";
    }

    @GetMapping("/groups/{groupId}/reversal")
    String reversal(@PathVariable UUID groupId, @RequestParam UUID transaction, Locale locale, Model model) {
        LocalDate today = LocalDate.now(clock);
        GroupView group = queries.group(groupId, today);
        Transaction found = recent(groupId, LeaderPages.names(queries, groupId), Integer.MAX_VALUE).stream()
                .filter(t -> t.transactionId().equals(transaction)).findFirst()
                .orElseThrow(() -> new LedgerRefusal(RefusalCode.TRANSACTION_NOT_FOUND, "no " + transaction));
        model.addAttribute("group", group);
        model.addAttribute("transaction", found);
        model.addAttribute("today", today);
        model.addAttribute("words", words.json(locale, "leader.js.", "refusal."));
        return "leader/reversal";
    }

    @GetMapping("/groups/{groupId}/policy")
    String policy(@PathVariable UUID groupId, Locale locale, Model model) {
        LocalDate today = LocalDate.now(clock);
        model.addAttribute("group", queries.group(groupId, today));
        model.addAttribute("today", today);
        model.addAttribute("interestMethods", InterestMethod.values());
        model.addAttribute("pools", Pool.values());
        model.addAttribute("nonMemberLendings", NonMemberLending.values());
        model.addAttribute("premiumBases", PremiumBasis.values());
        model.addAttribute("words", words.json(locale, "leader.js.", "refusal."));
        return "leader/policy";
    }

    /** The group's latest transactions, newest first, from the audit trail (who recorded each one). */
    private List<Transaction> recent(UUID groupId, Map<UUID, String> names, int limit) {
        List<AuditEvent> events = trail.events(groupId, null, null);
        Set<String> reversed = new HashSet<>();
        for (AuditEvent e : events) {
            if ("TransactionReversed".equals(e.type()) && e.payload() != null) {
                reversed.add(e.payload().path("reversedTransactionId").asText());
            }
        }
        List<Transaction> list = new ArrayList<>();
        for (int i = events.size() - 1; i >= 0 && list.size() < limit; i--) {
            AuditEvent e = events.get(i);
            TransactionKind kind = TRANSACTIONS.get(e.type());
            if (kind == null || e.payload() == null || !e.payload().isObject()) {
                continue;
            }
            JsonNode p = e.payload();
            String id = p.path("transactionId").asText();
            list.add(new Transaction(UUID.fromString(id), kind, e.occurredOn(), e.recordedAt(), e.recordedBy(),
                    who(p, names), amount(p), text(p, "reason"),
                    p.hasNonNull("reversedKind") ? TransactionKind.valueOf(p.get("reversedKind").asText()) : null,
                    reversed.contains(id)));
        }
        return list;
    }

    private static String who(JsonNode p, Map<UUID, String> names) {
        for (String field : List.of("memberId", "borrowerId", "recipientId")) {
            if (p.hasNonNull(field)) {
                String name = names.get(UUID.fromString(p.get(field).asText()));
                if (name != null) {
                    return name;
                }
            }
        }
        for (String field : List.of("recipientName", "payee", "source")) {
            if (p.hasNonNull(field)) {
                return p.get(field).asText();
            }
        }
        return "";
    }

    private static Long amount(JsonNode p) {
        for (String field : List.of("amount", "principal", "countedCash")) {
            if (p.hasNonNull(field) && p.get(field).isNumber()) {
                return p.get(field).asLong();
            }
        }
        if (p.has("cashDelta")) {
            return Math.abs(p.get("cashDelta").asLong());
        }
        return null;
    }

    private static String text(JsonNode p, String field) {
        return p.hasNonNull(field) ? p.get(field).asText() : null;
    }
}
