package org.fundbook.audit.journal;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import org.fundbook.group.Pool;
import org.fundbook.group.query.Balances;

/** Running totals of the journal's accounts: the trial balance, and the balances the journal says the group has. */
public final class GeneralLedger {

    private final EnumMap<Account, long[]> totals = new EnumMap<>(Account.class);

    public GeneralLedger() {
        for (Account account : Account.values()) {
            totals.put(account, new long[2]);
        }
    }

    public GeneralLedger post(Posting posting) {
        for (JournalLine line : posting.lines()) {
            long[] sides = totals.get(line.account());
            sides[0] = Math.addExact(sides[0], line.debit());
            sides[1] = Math.addExact(sides[1], line.credit());
        }
        return this;
    }

    /** The account's balance on its normal side: cash held, principal lent, savings and pool amounts owed. */
    public long balance(Account account) {
        long[] sides = totals.get(account);
        long debitBalance = Math.subtractExact(sides[0], sides[1]);
        return account.normalSide() == Account.Side.DEBIT ? debitBalance : Math.negateExact(debitBalance);
    }

    /** Each account's net balance in the column it stands in; the totals of the two columns are equal. */
    public TrialBalance trialBalance() {
        List<TrialBalance.Row> rows = new ArrayList<>();
        long totalDebit = 0;
        long totalCredit = 0;
        for (Account account : Account.values()) {
            long[] sides = totals.get(account);
            long net = Math.subtractExact(sides[0], sides[1]);
            long debit = net > 0 ? net : 0;
            long credit = net < 0 ? Math.negateExact(net) : 0;
            rows.add(new TrialBalance.Row(account, debit, credit));
            totalDebit = Math.addExact(totalDebit, debit);
            totalCredit = Math.addExact(totalCredit, credit);
        }
        return new TrialBalance(rows, totalDebit, totalCredit, totalDebit == totalCredit);
    }

    /** The group's balances as the journal has them, in the shape the API gives every balances object. */
    public Balances balances() {
        EnumMap<Pool, Long> pools = new EnumMap<>(Pool.class);
        for (Pool pool : Pool.values()) {
            pools.put(pool, balance(Account.of(pool)));
        }
        return Balances.of(balance(Account.CASH), balance(Account.LOANS_RECEIVABLE), balance(Account.MEMBER_SAVINGS),
                pools);
    }
}
