package org.fundbook.lending.query;

import static org.fundbook.group.query.LedgerQueries.allPools;

import com.fasterxml.jackson.core.type.TypeReference;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
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
import org.springframework.jdbc.core.RowMapper;
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

    /**
     * The group's loans as of {@code asOf}, filtered by status: two statements whatever the number of loans (the
     * loans, then all their repayments), each loan's figures computed here from its own.
     */
    public List<LoanView> loans(UUID groupId, String status, LocalDate asOf) {
        ledger.requireGroup(groupId);
        List<Terms> terms = jdbc.query("""
                SELECT * FROM loan_view WHERE group_id = ? AND NOT reversed AND disbursed_on <= ?
                ORDER BY disbursed_on, loan_id""", Terms.ROW, groupId, Date.valueOf(asOf));
        if (terms.isEmpty()) {
            return List.of();
        }
        Map<UUID, List<LoanView.Repayment>> repayments = new HashMap<>();
        jdbc.query("""
                SELECT * FROM loan_repayment WHERE group_id = ? AND NOT reversed AND occurred_on <= ?
                ORDER BY occurred_on, event_sequence""", rs -> {
            repayments.computeIfAbsent(rs.getObject("loan_id", UUID.class), id -> new ArrayList<>()).add(repayment(rs));
        }, groupId, Date.valueOf(asOf));
        List<LoanView> loans = new ArrayList<>();
        for (Terms loan : terms) {
            LoanView view = view(loan, asOf, repayments.getOrDefault(loan.loanId(), List.of()));
            boolean matches = switch (status == null ? "ALL" : status) {
                case "OUTSTANDING" -> view.outstandingPrincipal() > 0;
                case "REPAID" -> view.outstandingPrincipal() == 0;
                case "OVERDUE" -> view.daysOverdue() > 0;
                default -> true;
            };
            if (matches) {
                loans.add(view);
            }
        }
        return loans;
    }

    public Optional<LoanView> loan(UUID groupId, UUID loanId, LocalDate asOf) {
        ledger.requireGroup(groupId);
        List<Terms> found = jdbc.query("""
                SELECT * FROM loan_view WHERE group_id = ? AND loan_id = ? AND NOT reversed AND disbursed_on <= ?""",
                Terms.ROW, groupId, loanId, Date.valueOf(asOf));
        if (found.isEmpty()) {
            return Optional.empty();
        }
        List<LoanView.Repayment> repayments = jdbc.query("""
                SELECT * FROM loan_repayment WHERE group_id = ? AND loan_id = ? AND NOT reversed AND occurred_on <= ?
                ORDER BY occurred_on, event_sequence""", (rs, i) -> repayment(rs), groupId, loanId, Date.valueOf(asOf));
        return Optional.of(view(found.get(0), asOf, repayments));
    }

    /** A loan's stored row: its terms, borrower and purpose. */
    private record Terms(UUID loanId, UUID borrowerId, String purpose, LoanTerms terms) {
        static final RowMapper<Terms> ROW = (rs, i) -> new Terms(rs.getObject("loan_id", UUID.class),
                rs.getObject("borrower_id", UUID.class), rs.getString("purpose"),
                new LoanTerms(rs.getLong("principal"), rs.getInt("monthly_rate_bp"), rs.getInt("term_months"),
                        InterestMethod.valueOf(rs.getString("interest_method")),
                        rs.getDate("disbursed_on").toLocalDate()));
    }

    private LoanView.Repayment repayment(ResultSet rs) throws SQLException {
        return new LoanView.Repayment(rs.getObject("transaction_id", UUID.class),
                rs.getDate("occurred_on").toLocalDate(), rs.getLong("amount"), rs.getLong("interest_part"),
                rs.getLong("principal_part"), allPools(json.read(rs.getString("allocation"), ALLOCATION)),
                rs.getLong("outstanding_after"));
    }

    /** The loan as of {@code asOf}, from its terms and its repayments dated by then, in value-date order. */
    private static LoanView view(Terms loan, LocalDate asOf, List<LoanView.Repayment> repayments) {
        LoanTerms terms = loan.terms();
        List<RepaymentRecord> records = repayments.stream()
                .map(r -> new RepaymentRecord(r.occurredOn(), r.interestPart(), r.principalPart())).toList();
        long interestPaid = records.stream().mapToLong(RepaymentRecord::interestPart).sum();
        long principalPaid = records.stream().mapToLong(RepaymentRecord::principalPart).sum();
        long outstanding = terms.principal() - principalPaid;
        long interestDue = outstanding > 0 ? LoanInterest.interestDue(terms, asOf, records) : 0;
        long daysOverdue = LoanInterest.daysOverdue(terms, outstanding, asOf);
        String status = outstanding == 0 ? "REPAID" : daysOverdue > 0 ? "OVERDUE" : "OUTSTANDING";
        return new LoanView(loan.loanId(), loan.borrowerId(), terms.principal(), terms.monthlyRateBp(),
                terms.method(), terms.termMonths(), loan.purpose(), terms.disbursedOn(), terms.maturesOn(), asOf,
                status, interestPaid, principalPaid, outstanding, interestDue, daysOverdue, List.copyOf(repayments));
    }
}
