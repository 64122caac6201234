package org.fundbook.audit.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.fundbook.audit.journal.JournalLine.credit;
import static org.fundbook.audit.journal.JournalLine.debit;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.fundbook.group.PremiumShare;
import org.fundbook.group.GroupEvent;
import org.fundbook.group.GroupEvent.BooksClosed;
import org.fundbook.group.GroupEvent.CashCounted;
import org.fundbook.group.GroupEvent.ContributionRecorded;
import org.fundbook.group.GroupEvent.RepaymentRecorded;
import org.fundbook.group.GroupEvent.TransactionReversed;
import org.fundbook.group.PayoutMode;
import org.fundbook.group.Pool;
import org.fundbook.group.PremiumBasis;
import org.fundbook.group.TransactionKind;
import org.junit.jupiter.api.Test;

class JournalTest {

    private static final UUID GROUP = UUID.randomUUID();
    private static final UUID MEMBER = UUID.randomUUID();
    private static final LocalDate ON = LocalDate.of(2024, 2, 10);

    @Test
    void theWorkedFsfRepaymentDebitsCashAndCreditsTheLoanAndEachPoolItsShareOfInterest() {
        RepaymentRecorded repayment = new RepaymentRecorded(GROUP, UUID.randomUUID(), UUID.randomUUID(), MEMBER,
                204_000, ON, 4_000, 4_000, 200_000, Map.of(Pool.COMMITTEE_OPERATIONS, 2_000L,
                Pool.PROVINCIAL_DISTRICT, 1_000L, Pool.EMERGENCY_FUND, 600L, Pool.FUND_CAPITAL, 400L), 0, true);

        Posting posting = Journal.posting(repayment).orElseThrow();

        assertThat(posting.kind()).isEqualTo(TransactionKind.REPAYMENT);
        assertThat(posting.occurredOn()).isEqualTo(ON);
        assertThat(posting.lines()).containsExactly(
                debit(Account.CASH, 204_000),
                credit(Account.LOANS_RECEIVABLE, 200_000),
                credit(Account.POOL_FUND_CAPITAL, 400),
                credit(Account.POOL_EMERGENCY_FUND, 600),
                credit(Account.POOL_COMMITTEE_OPERATIONS, 2_000),
                credit(Account.POOL_PROVINCIAL_DISTRICT, 1_000));
    }

    @Test
    void aReversedContributionDebitsSavingsAndCreditsCashOnTheReversalsOwnDate() {
        UUID contribution = UUID.randomUUID();
        TransactionReversed reversal = new TransactionReversed(GROUP, UUID.randomUUID(), contribution,
                TransactionKind.CONTRIBUTION, "typed twice", ON.plusDays(3), -5_000, 0, MEMBER, -5_000, Map.of());

        Posting posting = Journal.posting(reversal).orElseThrow();

        assertThat(posting.occurredOn()).isEqualTo(ON.plusDays(3));
        assertThat(posting.lines()).containsExactly(debit(Account.MEMBER_SAVINGS, 5_000), credit(Account.CASH, 5_000));
    }

    @Test
    void premiumsPaidInCashLeaveTheBoxAndPremiumsReinvestedBecomeSavings() {
        assertThat(Journal.posting(closing(PayoutMode.CASH)).orElseThrow().lines())
                .containsExactly(debit(Account.POOL_PREMIUM, 440), credit(Account.CASH, 440));
        Posting reinvested = Journal.posting(closing(PayoutMode.REINVEST)).orElseThrow();
        assertThat(reinvested.lines())
                .containsExactly(debit(Account.POOL_PREMIUM, 440), credit(Account.MEMBER_SAVINGS, 440));
        assertThat(reinvested.kind()).isEqualTo(TransactionKind.CLOSING);
        assertThat(reinvested.occurredOn()).isEqualTo(LocalDate.of(2024, 7, 1));
    }

    @Test
    void whatMovesNoMoneyPostsNothing() {
        assertThat(Journal.posting(new CashCounted(GROUP, UUID.randomUUID(), ON, 10, 12, 2))).isEmpty();
        assertThat(Journal.posting(new ContributionRecorded(GROUP, UUID.randomUUID(), MEMBER, 1_000, ON, 1_000)))
                .isPresent();
    }

    @Test
    void aMovementThatBreaksTheBalanceIdentityIsRefusedNotPosted() {
        Movement broken = new Movement(UUID.randomUUID(), TransactionKind.CAPITAL, ON, 1_000, 0, 0,
                Map.of(Pool.FUND_CAPITAL, 999L));

        assertThatThrownBy(() -> Journal.post(broken)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("does not balance");
    }

    @Test
    void aLineHasAnAmountOnExactlyOneSide() {
        assertThatThrownBy(() -> new JournalLine(Account.CASH, 1, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new JournalLine(Account.CASH, 0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new JournalLine(Account.CASH, -1, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theTrialBalanceShowsEachAccountsNetBalanceInTheColumnItStandsIn() {
        GeneralLedger ledger = new GeneralLedger();
        ledger.post(Journal.posting(new ContributionRecorded(GROUP, UUID.randomUUID(), MEMBER, 5_000, ON, 5_000))
                .orElseThrow());
        ledger.post(Journal.posting(new GroupEvent.WithdrawalRecorded(GROUP, UUID.randomUUID(), MEMBER, 2_000, ON,
                3_000)).orElseThrow());

        TrialBalance tb = ledger.trialBalance();

        assertThat(tb.accounts()).contains(new TrialBalance.Row(Account.CASH, 3_000, 0),
                new TrialBalance.Row(Account.MEMBER_SAVINGS, 0, 3_000),
                new TrialBalance.Row(Account.LOANS_RECEIVABLE, 0, 0));
        assertThat(tb.totalDebit()).isEqualTo(3_000);
        assertThat(tb.totalCredit()).isEqualTo(3_000);
        assertThat(tb.balanced()).isTrue();
        assertThat(ledger.balances().cash()).isEqualTo(3_000);
        assertThat(ledger.balances().memberSavings()).isEqualTo(3_000);
    }

    private static BooksClosed closing(PayoutMode mode) {
        GroupEvent.BalanceFigures none = new GroupEvent.BalanceFigures(0, 0, 0, Map.of());
        return new BooksClosed(GROUP, UUID.randomUUID(), 1, LocalDate.of(2024, 1, 1), LocalDate.of(2024, 7, 1), mode,
                PremiumBasis.AVERAGE_BALANCE, 440, List.of(new PremiumShare(MEMBER, 10, 275),
                new PremiumShare(UUID.randomUUID(), 5, 165), new PremiumShare(UUID.randomUUID(), 0, 0)),
                none, Map.of(), none, 0, 0, 0);
    }
}
