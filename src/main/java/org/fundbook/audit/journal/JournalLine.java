package org.fundbook.audit.journal;

/** One line of a journal entry: an amount on one side of one account; the unused side is 0. */
public record JournalLine(Account account, long debit, long credit) {

    public JournalLine {
        if (account == null) {
            throw new IllegalArgumentException("a line needs an account");
        }
        if (debit < 0 || credit < 0 || (debit == 0) == (credit == 0)) {
            throw new IllegalArgumentException("a line has a positive amount on exactly one side, was debit "
                    + debit + " credit " + credit + " on " + account);
        }
    }

    public static JournalLine debit(Account account, long amount) {
        return new JournalLine(account, amount, 0);
    }

    public static JournalLine credit(Account account, long amount) {
        return new JournalLine(account, 0, amount);
    }
}
