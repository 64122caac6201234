package org.fundbook.reporting;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.fundbook.security.CallerScope;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Loan portfolio quality per group as of a value date: principal outstanding, principal overdue (past maturity),
 * and PAR30, the share of outstanding principal in loans more than 30 days past maturity (domain spec section 6).
 * Sums are exact riel; the ratio is divided once at the end. Two statements whatever the number of groups: the
 * groups, then every group's loans summed in PostgreSQL.
 */
@Component
public class PortfolioReport {

    /** Decimal places of {@code par30}: a hundredth of a percent. */
    static final int PAR_SCALE = Fractions.SCALE;

    /** @param par30Principal the numerator of {@code par30}, so that it can be reproduced exactly */
    public record Row(UUID groupId, String name, String province, String district, String commune, String village,
                      long outstandingPrincipal, long overduePrincipal, long par30Principal, BigDecimal par30) {
    }

    public record Totals(long outstandingPrincipal, long overduePrincipal, long par30Principal, BigDecimal par30) {
    }

    public record Report(LocalDate asOf, List<Row> rows, Totals totals) {
    }

    private record Figures(long outstanding, long overdue, long atRisk) {
    }

    private final NamedParameterJdbcTemplate jdbc;

    public PortfolioReport(JdbcTemplate jdbc) {
        this.jdbc = new NamedParameterJdbcTemplate(jdbc);
    }

    public Report report(LocalDate asOf, String province, CallerScope scope) {
        List<ReportGroups.Group> groups = ReportGroups.select(jdbc, asOf, new ReportGroups.Place(province, null, null),
                scope);
        Map<UUID, Figures> figures = new HashMap<>();
        if (!groups.isEmpty()) {
            MapSqlParameterSource params = new MapSqlParameterSource()
                    .addValue("ids", ReportGroups.ids(groups))
                    .addValue("asOf", Date.valueOf(asOf), Types.DATE);
            jdbc.query("WITH " + ReportGroups.LOANS_AS_OF + """
                    SELECT group_id, sum(outstanding) AS outstanding,
                        coalesce(sum(outstanding) FILTER (WHERE outstanding > 0 AND matures_on < CAST(:asOf AS date)), 0)
                            AS overdue,
                        coalesce(sum(outstanding) FILTER (WHERE outstanding > 0
                            AND CAST(:asOf AS date) - matures_on > 30), 0) AS at_risk
                    FROM loan GROUP BY group_id""", params, rs -> {
                figures.put(rs.getObject("group_id", UUID.class), new Figures(rs.getLong("outstanding"),
                        rs.getLong("overdue"), rs.getLong("at_risk")));
            });
        }
        List<Row> rows = new ArrayList<>();
        long outstanding = 0;
        long overdue = 0;
        long atRisk = 0;
        for (ReportGroups.Group group : groups) {
            Figures f = figures.getOrDefault(group.groupId(), new Figures(0, 0, 0));
            rows.add(new Row(group.groupId(), group.name(), group.province(), group.district(), group.commune(),
                    group.village(), f.outstanding(), f.overdue(), f.atRisk(), ratio(f.atRisk(), f.outstanding())));
            outstanding = Math.addExact(outstanding, f.outstanding());
            overdue = Math.addExact(overdue, f.overdue());
            atRisk = Math.addExact(atRisk, f.atRisk());
        }
        return new Report(asOf, rows, new Totals(outstanding, overdue, atRisk, ratio(atRisk, outstanding)));
    }

    /** {@code part / whole} rounded half-up to {@link #PAR_SCALE} places; 0 when nothing is outstanding. */
    static BigDecimal ratio(long part, long whole) {
        return Fractions.ratio(part, whole);
    }
}
