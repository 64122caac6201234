package org.fundbook.lending.query;

import java.sql.Date;
import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.fundbook.group.GroupEvent.LoanDisbursed;
import org.fundbook.group.GroupEvent.RepaymentRecorded;
import org.fundbook.group.GroupEvent.TransactionReversed;
import org.fundbook.group.TransactionKind;
import org.fundbook.group.query.ProjectionJson;
import org.fundbook.group.query.ReadModelRows;
import org.fundbook.platform.AxonConfiguration;
import org.fundbook.platform.jdbc.BufferedWrites;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Keeps the loans and their repayments, and each borrower's principal outstanding on the member's row (so the
 * group's reads of its members need nothing of lending). In the ledger's subscribing processing group: its rows
 * commit with the write.
 */
@Component
@ProcessingGroup(AxonConfiguration.LEDGER_PROJECTIONS)
class LoanProjection {

    private final JdbcTemplate jdbc;
    private final BufferedWrites writes;
    private final ProjectionJson json;

    LoanProjection(JdbcTemplate jdbc, BufferedWrites writes, ProjectionJson json) {
        this.jdbc = jdbc;
        this.writes = writes;
        this.json = json;
    }

    @EventHandler
    void on(LoanDisbursed e) {
        writes.update("""
                INSERT INTO loan_view (group_id, loan_id, borrower_id, principal, monthly_rate_bp,
                    interest_method, term_months, purpose, disbursed_on, matures_on)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                e.groupId(), e.loanId(), e.borrowerId(), e.principal(), e.monthlyRateBp(),
                e.interestMethod().name(), e.termMonths(), e.purpose(), Date.valueOf(e.occurredOn()),
                Date.valueOf(e.maturesOn()));
        moveBorrowerPrincipal(e.groupId(), e.borrowerId(), e.principal());
    }

    @EventHandler
    void on(RepaymentRecorded e, @SequenceNumber long sequence) {
        writes.update("""
                INSERT INTO loan_repayment (group_id, transaction_id, loan_id, event_sequence, occurred_on, amount,
                    interest_part, principal_part, allocation, outstanding_after)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                e.groupId(), e.transactionId(), e.loanId(), sequence, Date.valueOf(e.occurredOn()), e.amount(),
                e.interestPart(), e.principalPart(), json.write(e.allocation()), e.outstandingAfter());
        moveBorrowerPrincipal(e.groupId(), e.borrowerId(), -e.principalPart());
    }

    @EventHandler
    void on(TransactionReversed e) {
        if (e.reversedKind() == TransactionKind.LOAN_DISBURSEMENT) {
            writes.update("UPDATE loan_view SET reversed = true WHERE group_id = ? AND loan_id = ?",
                    e.groupId(), e.reversedTransactionId());
            moveBorrowerPrincipal(e.groupId(), borrowerOfLoan(e.groupId(), e.reversedTransactionId()),
                    e.loanPrincipalDelta());
        } else if (e.reversedKind() == TransactionKind.REPAYMENT) {
            UUID loanId = jdbc.queryForObject(
                    "UPDATE loan_repayment SET reversed = true WHERE group_id = ? AND transaction_id = ? RETURNING loan_id",
                    UUID.class, e.groupId(), e.reversedTransactionId());
            moveBorrowerPrincipal(e.groupId(), borrowerOfLoan(e.groupId(), loanId), e.loanPrincipalDelta());
        }
    }

    private UUID borrowerOfLoan(UUID groupId, UUID loanId) {
        return jdbc.queryForObject("SELECT borrower_id FROM loan_view WHERE group_id = ? AND loan_id = ?",
                UUID.class, groupId, loanId);
    }

    private void moveBorrowerPrincipal(UUID groupId, UUID borrowerId, long delta) {
        ReadModelRows.member(writes, groupId, borrowerId).add("loan_principal_outstanding", delta).apply();
    }

    @ResetHandler
    void reset() {
        jdbc.update("TRUNCATE loan_repayment, loan_view");
    }
}
