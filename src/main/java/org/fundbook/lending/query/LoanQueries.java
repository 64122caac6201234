package org.fundbook.lending.query;

import static org.fundbook.group.query.LedgerQueries.allPools;

import com.fasterxml.jackson.core.type.TypeReference;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.fundbook.group.InterestMethod;
import org.fundbook.group.Pool;
import org.fundbook.group.query.LedgerQueries;
import org.fundbook.group.query.ProjectionJson;
import org.fundbook.lending.LoanInterest;
import org.fundbook.lending.LoanTerms;
import org.fundbook.lending.RepaymentRecord;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Reads of the loans as of a value date; interest due and days overdue are computed here, by lending's rules. */
@Component
public class LoanQueries {

    private static final TypeReference<Map<Pool, Long>> ALLOCATION = new TypeReference<>() {
    };

    private final JdbcTemplate jdbc;
    private final LedgerQueries ledger;
    private final ProjectionJson json;

    public LoanQueries(JdbcTemplate jdbc, LedgerQueries ledger, ProjectionJson json) {
        this.jdbc = jdbc;
        this.ledger = ledger;
        this.json = json;
    }

    public List<LoanView> loans(UUID groupId, String status, LocalDate asOf) {
        ledger.requireGroup(groupId);
        List<LoanView> loans = new ArrayList<>();
        for (UUID loanId : jdbc.queryForList("""
                SELECT loan_id FROM loan_view WHERE group_id = ? AND NOT reversed AND disbursed_on <= ?
                ORDER BY disbursed_on, loan_id""", UUID.class, groupId, Date.valueOf(asOf))) {
            LoanView loan = loan(groupId, loanId, asOf).orElseThrow();
            boolean matches = switch (status == null ? "ALL" : status) {
                case "OUTSTANDING" -> loan.outstandingPrincipal() > 0;
                case "REPAID" -> loan.outstandingPrincipal() == 0;
                case "OVERDUE" -> loan.daysOverdue() > 0;
                default -> true;
            };
            if (matches) {
                loans.add(loan);
            }
        }
        return loans;
    }

    public Optional<LoanView> loan(UUID groupId, UUID loanId, LocalDate asOf) {
        ledger.requireGroup(groupId);
        List<LoanTerms> found = jdbc.query("""
                SELECT * FROM loan_view WHERE group_id = ? AND loan_id = ? AND NOT reversed AND disbursed_on <= ?""",
                (rs, i) -> new LoanTerms(rs.getLong("principal"), rs.getInt("monthly_rate_bp"),
                        rs.getInt("term_months"), InterestMethod.valueOf(rs.getString("interest_method")),
                        rs.getDate("disbursed_on").toLocalDate()), groupId, loanId, Date.valueOf(asOf));
        if (found.isEmpty()) {
            return Optional.empty();
        }
        LoanTerms terms = found.get(0);
        Map<String, Object> row = jdbc.queryForMap("SELECT borrower_id, purpose FROM loan_view WHERE group_id = ? "
                + "AND loan_id = ?", groupId, loanId);
        List<LoanView.Repayment> repayments = jdbc.query("""
                SELECT * FROM loan_repayment WHERE group_id = ? AND loan_id = ? AND NOT reversed AND occurred_on <= ?
                ORDER BY occurred_on, event_sequence""",
                (rs, i) -> new LoanView.Repayment(rs.getObject("transaction_id", UUID.class),
                        rs.getDate("occurred_on").toLocalDate(), rs.getLong("amount"), rs.getLong("interest_part"),
                        rs.getLong("principal_part"), allPools(json.read(rs.getString("allocation"), ALLOCATION)),
                        rs.getLong("outstanding_after")), groupId, loanId, Date.valueOf(asOf));
        List<RepaymentRecord> records = repayments.stream()
                .map(r -> new RepaymentRecord(r.occurredOn(), r.interestPart(), r.principalPart())).toList();
        long interestPaid = records.stream().mapToLong(RepaymentRecord::interestPart).sum();
        long principalPaid = records.stream().mapToLong(RepaymentRecord::principalPart).sum();
        long outstanding = terms.principal() - principalPaid;
        long interestDue = outstanding > 0 ? LoanInterest.interestDue(terms, asOf, records) : 0;
        long daysOverdue = LoanInterest.daysOverdue(terms, outstanding, asOf);
        String status = outstanding == 0 ? "REPAID" : daysOverdue > 0 ? "OVERDUE" : "OUTSTANDING";
        return Optional.of(new LoanView(loanId, (UUID) row.get("borrower_id"), terms.principal(),
                terms.monthlyRateBp(), terms.method(), terms.termMonths(), (String) row.get("purpose"),
                terms.disbursedOn(), terms.maturesOn(), asOf, status, interestPaid, principalPaid, outstanding,
                interestDue, daysOverdue, repayments));
    }
}
