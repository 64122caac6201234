package org.fundbook.audit.journal;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.fundbook.group.TransactionKind;

/** One journal entry: the lines one transaction (or one premium payout) posts, on its value date. */
public record Posting(UUID transactionId, TransactionKind kind, LocalDate occurredOn, List<JournalLine> lines) {

    public Posting {
        lines = List.copyOf(lines);
    }

    public long totalDebit() {
        long total = 0;
        for (JournalLine line : lines) {
            total = Math.addExact(total, line.debit());
        }
        return total;
    }

    public long totalCredit() {
        long total = 0;
        for (JournalLine line : lines) {
            total = Math.addExact(total, line.credit());
        }
        return total;
    }

    public boolean balanced() {
        return totalDebit() == totalCredit();
    }
}
