package org.fundbook.audit;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.fundbook.audit.GroupHistory.Recorded;
import org.fundbook.audit.journal.Figures;
import org.fundbook.audit.journal.Journal;
import org.fundbook.audit.journal.JournalLine;
import org.fundbook.audit.journal.GeneralLedger;
import org.fundbook.audit.journal.Movement;
import org.fundbook.audit.journal.TrialBalance;
import org.fundbook.group.TransactionKind;
import org.fundbook.group.query.Balances;
import org.springframework.stereotype.Component;

/**
 * Balances as of a value date and as known at a recording time, the journal and its trial balance: all derived
 * from the group's stored events on every read, so that they are reproducible from the record alone.
 */
@Component
public class LedgerAudit {

    public record AsOfBalances(LocalDate asOf, Instant knownAt, Balances balances) {
    }

    public record JournalEntry(UUID transactionId, TransactionKind kind, LocalDate occurredOn, Instant recordedAt,
                               long sequence, List<JournalLine> lines) {
    }

    public record TrialBalanceView(LocalDate asOf, List<TrialBalance.Row> accounts, long totalDebit,
                                   long totalCredit, boolean balanced) {
    }

    private final GroupHistory history;

    public LedgerAudit(GroupHistory history) {
        this.history = history;
    }

    /** What the group held at the end of {@code asOf}, counting only events recorded by {@code knownAt}. */
    public AsOfBalances balances(UUID groupId, LocalDate asOf, Instant knownAt) {
        Figures figures = new Figures();
        for (Recorded recorded : history.read(groupId)) {
            if (recorded.recordedAt().isAfter(knownAt)) {
                continue;
            }
            Movement.of(recorded.event())
                    .filter(movement -> !movement.valueDate().isAfter(asOf))
                    .ifPresent(figures::apply);
        }
        return new AsOfBalances(asOf, knownAt, figures.balances());
    }

    /** Entries with a value date in {@code [from, to]} (either may be null), by value date then recording order. */
    public List<JournalEntry> journal(UUID groupId, LocalDate from, LocalDate to) {
        List<JournalEntry> entries = new ArrayList<>();
        for (Recorded recorded : history.read(groupId)) {
            Journal.posting(recorded.event())
                    .filter(p -> (from == null || !p.occurredOn().isBefore(from))
                            && (to == null || !p.occurredOn().isAfter(to)))
                    .ifPresent(p -> entries.add(new JournalEntry(p.transactionId(), p.kind(), p.occurredOn(),
                            recorded.recordedAt(), recorded.sequence(), p.lines())));
        }
        entries.sort(Comparator.comparing(JournalEntry::occurredOn).thenComparingLong(JournalEntry::sequence));
        return entries;
    }

    public TrialBalanceView trialBalance(UUID groupId, LocalDate asOf) {
        GeneralLedger ledger = new GeneralLedger();
        for (Recorded recorded : history.read(groupId)) {
            Journal.posting(recorded.event())
                    .filter(p -> !p.occurredOn().isAfter(asOf))
                    .ifPresent(ledger::post);
        }
        TrialBalance tb = ledger.trialBalance();
        return new TrialBalanceView(asOf, tb.accounts(), tb.totalDebit(), tb.totalCredit(), tb.balanced());
    }
}
