package org.fundbook.reporting;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.fundbook.lending.query.LoanQueries;
import org.fundbook.lending.query.LoanView;
import org.fundbook.security.CallerScope;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Loan portfolio quality per group as of a value date: principal outstanding, principal overdue (past maturity),
 * and PAR30, the share of outstanding principal in loans more than 30 days past maturity (domain spec section 6).
 * Sums are exact riel; the ratio is the one fraction of the API, divided once at the end.
 */
@Component
public class PortfolioReport {

    /** Decimal places of {@code par30}: a hundredth of a percent. */
    static final int PAR_SCALE = 4;

    /** @param par30Principal the numerator of {@code par30}, so that it can be reproduced exactly */
    public record Row(UUID groupId, String name, String province, String district, String commune, String village,
                      long outstandingPrincipal, long overduePrincipal, long par30Principal, BigDecimal par30) {
    }

    public record Totals(long outstandingPrincipal, long overduePrincipal, long par30Principal, BigDecimal par30) {
    }

    public record Report(LocalDate asOf, List<Row> rows, Totals totals) {
    }

    private record Group(UUID groupId, String name, String province, String district, String commune,
                         String village) {
    }

    private final JdbcTemplate jdbc;
    private final LoanQueries queries;

    public PortfolioReport(JdbcTemplate jdbc, LoanQueries queries) {
        this.jdbc = jdbc;
        this.queries = queries;
    }

    public Report report(LocalDate asOf, String province, CallerScope scope) {
        List<Group> groups = jdbc.query("""
                SELECT group_id, name, province, district, commune, village FROM group_view
                WHERE registered_on <= ? AND (CAST(? AS TEXT) IS NULL OR province = ?)
                ORDER BY province, district, commune, village, group_id""",
                (rs, i) -> new Group(rs.getObject("group_id", UUID.class), rs.getString("name"),
                        rs.getString("province"), rs.getString("district"), rs.getString("commune"),
                        rs.getString("village")),
                Date.valueOf(asOf), province, province);
        List<Row> rows = new ArrayList<>();
        long outstanding = 0;
        long overdue = 0;
        long atRisk = 0;
        for (Group group : groups) {
            if (!scope.includes(group.groupId(), group.province())) {
                continue;
            }
            long groupOutstanding = 0;
            long groupOverdue = 0;
            long groupAtRisk = 0;
            for (LoanView loan : queries.loans(group.groupId(), null, asOf)) {
                groupOutstanding = Math.addExact(groupOutstanding, loan.outstandingPrincipal());
                if (loan.outstandingPrincipal() > 0 && loan.daysOverdue() > 0) {
                    groupOverdue = Math.addExact(groupOverdue, loan.outstandingPrincipal());
                }
                if (loan.outstandingPrincipal() > 0 && loan.daysOverdue() > 30) {
                    groupAtRisk = Math.addExact(groupAtRisk, loan.outstandingPrincipal());
                }
            }
            rows.add(new Row(group.groupId(), group.name(), group.province(), group.district(), group.commune(),
                    group.village(), groupOutstanding, groupOverdue, groupAtRisk, ratio(groupAtRisk, groupOutstanding)));
            outstanding = Math.addExact(outstanding, groupOutstanding);
            overdue = Math.addExact(overdue, groupOverdue);
            atRisk = Math.addExact(atRisk, groupAtRisk);
        }
        return new Report(asOf, rows, new Totals(outstanding, overdue, atRisk, ratio(atRisk, outstanding)));
    }

    /** {@code part / whole} rounded half-up to {@link #PAR_SCALE} places; 0 when nothing is outstanding. */
    static BigDecimal ratio(long part, long whole) {
        if (whole == 0) {
            return BigDecimal.ZERO;
        }
        BigDecimal ratio = BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), PAR_SCALE, RoundingMode.HALF_UP);
        // 0.2500 → 0.25: a plain JSON number without noise digits
        return ratio.signum() == 0 ? BigDecimal.ZERO : ratio.stripTrailingZeros();
    }
}
