package org.fundbook.closing.query;

import java.sql.Date;
import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.fundbook.group.PremiumShare;
import org.fundbook.group.GroupEvent.BalanceFigures;
import org.fundbook.group.GroupEvent.BooksClosed;
import org.fundbook.group.GroupEvent.ClosingCancelled;
import org.fundbook.group.GroupEvent.ClosingStarted;
import org.fundbook.group.PayoutMode;
import org.fundbook.group.query.Balances;
import org.fundbook.group.query.ProjectionJson;
import org.fundbook.group.query.ReadModelRows;
import org.fundbook.platform.AxonConfiguration;
import org.fundbook.platform.jdbc.BufferedWrites;
import org.fundbook.platform.jdbc.RowChange;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Keeps the closing preview, the statements, and what the premiums did to balances and savings. */
@Component
@ProcessingGroup(AxonConfiguration.LEDGER_PROJECTIONS)
class ClosingProjection {

    private final JdbcTemplate jdbc;
    private final BufferedWrites writes;
    private final ProjectionJson json;

    ClosingProjection(JdbcTemplate jdbc, BufferedWrites writes, ProjectionJson json) {
        this.jdbc = jdbc;
        this.writes = writes;
        this.json = json;
    }

    @EventHandler
    void on(ClosingStarted e) {
        writes.update("""
                INSERT INTO closing_preview (group_id, transaction_id, period_number, period_start, closing_date,
                    distributable, premiums) VALUES (?, ?, ?, ?, ?, ?, ?)""",
                e.groupId(), e.transactionId(), e.periodNumber(), Date.valueOf(e.periodStart()),
                Date.valueOf(e.closingDate()), e.distributable(), json.write(e.premiums()));
        group(e.groupId()).set("closing_in_progress", true).set("lending_suspended", e.lendingSuspended()).apply();
    }

    @EventHandler
    void on(ClosingCancelled e) {
        writes.update("DELETE FROM closing_preview WHERE group_id = ?", e.groupId());
        group(e.groupId()).set("closing_in_progress", false).set("lending_suspended", false).apply();
    }

    @EventHandler
    void on(BooksClosed e, @SequenceNumber long sequence) {
        writes.update("DELETE FROM closing_preview WHERE group_id = ?", e.groupId());
        ClosingStatementView statement = new ClosingStatementView(e.periodNumber(), e.periodStart(),
                e.closingDate(), e.payoutMode(), e.premiumBasis(), e.distributable(), balances(e.opening()),
                e.movements(), balances(e.closing()), e.premiums(), e.expectedCash(), e.countedCash(),
                e.discrepancy());
        writes.update("""
                INSERT INTO closing_statement (group_id, period_number, transaction_id, period_start, closing_date,
                    payout_mode, distributable, counted_cash, discrepancy, statement)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                e.groupId(), e.periodNumber(), e.transactionId(), Date.valueOf(e.periodStart()),
                Date.valueOf(e.closingDate()), e.payoutMode().name(), e.distributable(), e.countedCash(),
                e.discrepancy(), json.write(statement));
        long paid = 0;
        for (PremiumShare share : e.premiums()) {
            if (share.premium() == 0) {
                continue;
            }
            paid += share.premium();
            writes.update("""
                    INSERT INTO premium_payment (group_id, period_number, member_id, closing_date, payout_mode, premium)
                    VALUES (?, ?, ?, ?, ?, ?)""", e.groupId(), e.periodNumber(), share.memberId(),
                    Date.valueOf(e.closingDate()), e.payoutMode().name(), share.premium());
            boolean reinvest = e.payoutMode() == PayoutMode.REINVEST;
            ReadModelRows.member(writes, e.groupId(), share.memberId())
                    .add("premiums_received", share.premium()).add("savings", reinvest ? share.premium() : 0).apply();
            if (reinvest) {
                writes.update("""
                        INSERT INTO savings_movement (group_id, member_id, transaction_id, event_sequence,
                            occurred_on, kind, amount) VALUES (?, ?, ?, ?, ?, 'PREMIUM', ?)""",
                        e.groupId(), share.memberId(), e.transactionId(), sequence, Date.valueOf(e.closingDate()),
                        share.premium());
            }
        }
        boolean reinvest = e.payoutMode() == PayoutMode.REINVEST;
        group(e.groupId()).set("period_number", e.periodNumber() + 1).set("period_start", Date.valueOf(e.closingDate()))
                .set("closing_in_progress", false).set("lending_suspended", false)
                .add("pool_premium", -paid).add("cash", reinvest ? 0 : -paid).add("member_savings", reinvest ? paid : 0)
                .apply();
    }

    private RowChange group(UUID groupId) {
        return ReadModelRows.group(writes, groupId);
    }

    private static Balances balances(BalanceFigures figures) {
        return Balances.of(figures.cash(), figures.loanPrincipalOutstanding(), figures.memberSavings(),
                figures.pools());
    }

    @ResetHandler
    void reset() {
        jdbc.update("TRUNCATE closing_preview, closing_statement, premium_payment");
    }
}
