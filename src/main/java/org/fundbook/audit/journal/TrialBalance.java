package org.fundbook.audit.journal;

import java.util.List;

/** Every account's net balance on the side it stands; {@code balanced} when the two columns are equal. */
public record TrialBalance(List<Row> accounts, long totalDebit, long totalCredit, boolean balanced) {

    public TrialBalance {
        accounts = List.copyOf(accounts);
    }

    public record Row(Account account, long debit, long credit) {
    }
}
