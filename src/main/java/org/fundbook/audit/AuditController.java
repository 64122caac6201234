package org.fundbook.audit;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** One group's audit reads: balances as of a date and as known at a time, the journal, the trail and its chain. */
@RestController
@RequestMapping("/api/v1/groups/{groupId}")
class AuditController {

    private final GroupAccess access;
    private final LedgerAudit ledger;
    private final AuditTrail trail;
    private final ChainVerifier chain;
    private final Clock clock;

    AuditController(GroupAccess access, LedgerAudit ledger, AuditTrail trail, ChainVerifier chain, Clock clock) {
        this.access = access;
        this.ledger = ledger;
        this.trail = trail;
        this.chain = chain;
        this.clock = clock;
    }

    @GetMapping("/balances")
    LedgerAudit.AsOfBalances balances(@PathVariable UUID groupId, @RequestParam(required = false) String asOf,
                                      @RequestParam(required = false) String knownAt) {
        GroupAccess.Checked group = access.inScope(groupId);
        Params params = new Params();
        LocalDate date = params.date("asOf", asOf, LocalDate.now(clock));
        Instant known = params.instant("knownAt", knownAt, clock.instant());
        params.check();
        group.requireFound();
        return ledger.balances(groupId, date, known);
    }

    @GetMapping("/journal")
    List<LedgerAudit.JournalEntry> journal(@PathVariable UUID groupId, @RequestParam(required = false) String from,
                                           @RequestParam(required = false) String to) {
        GroupAccess.Checked group = access.inScope(groupId);
        DateRange range = DateRange.of(from, to);
        group.requireFound();
        return ledger.journal(groupId, range.from(), range.to());
    }

    @GetMapping("/trial-balance")
    LedgerAudit.TrialBalanceView trialBalance(@PathVariable UUID groupId,
                                              @RequestParam(required = false) String asOf) {
        GroupAccess.Checked group = access.inScope(groupId);
        Params params = new Params();
        LocalDate date = params.date("asOf", asOf, LocalDate.now(clock));
        params.check();
        group.requireFound();
        return ledger.trialBalance(groupId, date);
    }

    @GetMapping("/audit/events")
    List<AuditTrail.AuditEvent> events(@PathVariable UUID groupId, @RequestParam(required = false) String from,
                                       @RequestParam(required = false) String to) {
        GroupAccess.Checked group = access.inScope(groupId);
        DateRange range = DateRange.of(from, to);
        group.requireFound();
        return trail.events(groupId, range.from(), range.to());
    }

    @GetMapping("/audit/verify")
    ChainVerifier.Verification verify(@PathVariable UUID groupId) {
        access.inScope(groupId).requireFound();
        return chain.verify(groupId);
    }

    /** Optional inclusive value dates {@code from}/{@code to}, read and checked together (400 otherwise). */
    private record DateRange(LocalDate from, LocalDate to) {
        static DateRange of(String from, String to) {
            Params params = new Params();
            LocalDate first = params.date("from", from, null);
            LocalDate last = params.date("to", to, null);
            params.range(first, last);
            params.check();
            return new DateRange(first, last);
        }
    }
}
