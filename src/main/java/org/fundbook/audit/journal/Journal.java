package org.fundbook.audit.journal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.fundbook.group.GroupEvent;
import org.fundbook.group.Pool;

/**
 * Derives the double-entry journal from the events (docs/journal.md). Every movement posts one entry: an
 * increase of an asset (cash, loans) is a debit, a decrease a credit; an increase of what the group owes (savings,
 * pools) is a credit, a decrease a debit. Because every movement keeps {@code cash + loans = savings + pools},
 * every entry balances; {@link #post} refuses one that would not, so a broken effect can never reach a ledger.
 */
public final class Journal {

    private Journal() {
    }

    /** The entry an event posts, if it moved money. */
    public static Optional<Posting> posting(GroupEvent event) {
        return Movement.of(event).map(Journal::post);
    }

    public static Posting post(Movement movement) {
        List<JournalLine> debits = new ArrayList<>();
        List<JournalLine> credits = new ArrayList<>();
        asset(Account.CASH, movement.cash(), debits, credits);
        asset(Account.LOANS_RECEIVABLE, movement.loanPrincipal(), debits, credits);
        owed(Account.MEMBER_SAVINGS, movement.savings(), debits, credits);
        for (Pool pool : Pool.values()) {
            owed(Account.of(pool), movement.pools().getOrDefault(pool, 0L), debits, credits);
        }
        // debits first, then credits, each in chart order: how a journal is read
        List<JournalLine> lines = new ArrayList<>(debits);
        lines.addAll(credits);
        Posting posting = new Posting(movement.transactionId(), movement.kind(), movement.valueDate(), lines);
        if (!posting.balanced()) {
            throw new IllegalStateException("transaction " + movement.transactionId() + " does not balance: debits "
                    + posting.totalDebit() + ", credits " + posting.totalCredit());
        }
        return posting;
    }

    private static void asset(Account account, long delta, List<JournalLine> debits, List<JournalLine> credits) {
        if (delta > 0) {
            debits.add(JournalLine.debit(account, delta));
        } else if (delta < 0) {
            credits.add(JournalLine.credit(account, Math.negateExact(delta)));
        }
    }

    private static void owed(Account account, long delta, List<JournalLine> debits, List<JournalLine> credits) {
        if (delta > 0) {
            credits.add(JournalLine.credit(account, delta));
        } else if (delta < 0) {
            debits.add(JournalLine.debit(account, Math.negateExact(delta)));
        }
    }
}
