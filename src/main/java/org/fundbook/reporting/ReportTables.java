package org.fundbook.reporting;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.fundbook.group.GrantReason;
import org.fundbook.group.Pool;

/**
 * Each report as tables: first its rows, one per group (what CSV answers: no totals or subtotal lines, which would
 * break a spreadsheet's sums and filters), then, for a workbook, a second sheet with the subtotals and the totals.
 * Map figures are flattened one column per key, as {@code allocation.FUND_CAPITAL}.
 */
final class ReportTables {

    private ReportTables() {
    }

    // ------------------------------------------------------------------------------------------ allocation

    static List<ReportTable> allocation(AllocationReport.Report report) {
        List<ReportTable.Column> columns = new ArrayList<>(List.of(ReportTable.text("province"),
                ReportTable.text("district"), ReportTable.text("commune"), ReportTable.text("village"),
                ReportTable.text("groupId"), ReportTable.text("name")));
        columns.addAll(allocationFigureColumns());
        List<List<Object>> rows = new ArrayList<>();
        for (AllocationReport.Row row : report.rows()) {
            List<Object> values = new ArrayList<>(List.of(row.province(), row.district(), row.commune(),
                    row.village(), row.groupId(), row.name()));
            values.addAll(allocationFigures(row.interestCollected(), row.allocation(), row.emergencyGrants(),
                    row.grantRecoveries(), row.payouts()));
            rows.add(values);
        }
        List<ReportTable.Column> sumColumns = new ArrayList<>(subtotalColumns());
        sumColumns.addAll(allocationFigureColumns());
        List<List<Object>> sums = new ArrayList<>();
        for (AllocationReport.Subtotal s : report.subtotals()) {
            List<Object> values = new ArrayList<>(List.of(s.level().name()));
            values.addAll(nullable(s.province(), s.district(), s.commune()));
            values.addAll(allocationFigures(s.interestCollected(), s.allocation(), s.emergencyGrants(),
                    s.grantRecoveries(), s.payouts()));
            sums.add(values);
        }
        AllocationReport.Figures t = report.totals();
        List<Object> total = new ArrayList<>(nullable("TOTAL", null, null, null));
        total.addAll(allocationFigures(t.interestCollected(), t.allocation(), t.emergencyGrants(),
                t.grantRecoveries(), t.payouts()));
        sums.add(total);
        return List.of(new ReportTable("allocations", columns, rows), new ReportTable("totals", sumColumns, sums));
    }

    private static List<ReportTable.Column> allocationFigureColumns() {
        List<ReportTable.Column> columns = new ArrayList<>(List.of(ReportTable.money("interestCollected")));
        for (Pool pool : Pool.values()) {
            columns.add(ReportTable.money("allocation." + pool.name()));
        }
        for (GrantReason reason : GrantReason.values()) {
            columns.add(ReportTable.money("emergencyGrants." + reason.name()));
        }
        columns.add(ReportTable.money("grantRecoveries"));
        for (Pool pool : Pool.values()) {
            columns.add(ReportTable.money("payouts." + pool.name()));
        }
        return columns;
    }

    private static List<Object> allocationFigures(long interest, Map<Pool, Long> allocation,
                                                  Map<GrantReason, Long> grants, long recoveries,
                                                  Map<Pool, Long> payouts) {
        List<Object> values = new ArrayList<>(List.of(interest));
        for (Pool pool : Pool.values()) {
            values.add(allocation.get(pool));
        }
        for (GrantReason reason : GrantReason.values()) {
            values.add(grants.get(reason));
        }
        values.add(recoveries);
        for (Pool pool : Pool.values()) {
            values.add(payouts.get(pool));
        }
        return values;
    }

    // ------------------------------------------------------------------------------------------- portfolio

    private static final List<ReportTable.Column> PORTFOLIO_FIGURES = List.of(
            ReportTable.money("outstandingPrincipal"), ReportTable.money("overduePrincipal"),
            ReportTable.money("par30Principal"), ReportTable.ratio("par30"));

    static List<ReportTable> portfolio(PortfolioReport.Report report) {
        List<ReportTable.Column> columns = new ArrayList<>(List.of(ReportTable.text("province"),
                ReportTable.text("district"), ReportTable.text("commune"), ReportTable.text("village"),
                ReportTable.text("groupId"), ReportTable.text("name"), ReportTable.date("asOf")));
        columns.addAll(PORTFOLIO_FIGURES);
        List<List<Object>> rows = new ArrayList<>();
        for (PortfolioReport.Row row : report.rows()) {
            rows.add(List.of(row.province(), row.district(), row.commune(), row.village(), row.groupId(),
                    row.name(), report.asOf(), row.outstandingPrincipal(), row.overduePrincipal(),
                    row.par30Principal(), row.par30()));
        }
        List<ReportTable.Column> totalColumns = new ArrayList<>(List.of(ReportTable.date("asOf")));
        totalColumns.addAll(PORTFOLIO_FIGURES);
        PortfolioReport.Totals t = report.totals();
        List<List<Object>> totals = List.of(List.of(report.asOf(), t.outstandingPrincipal(), t.overduePrincipal(),
                t.par30Principal(), t.par30()));
        return List.of(new ReportTable("portfolio", columns, rows), new ReportTable("totals", totalColumns, totals));
    }

    // --------------------------------------------------------------------------------------------- metrics

    private record MetricColumn(ReportTable.Column column, Function<Metrics, Object> value) {
    }

    /** The metrics in the order of domain spec section 10, then the parts the ratios are divided from. */
    private static final List<MetricColumn> METRICS = List.of(
            new MetricColumn(ReportTable.count("members"), Metrics::members),
            new MetricColumn(ReportTable.count("women"), Metrics::women),
            new MetricColumn(ReportTable.count("poorest"), Metrics::poorest),
            new MetricColumn(ReportTable.money("memberSavings"), Metrics::memberSavings),
            new MetricColumn(ReportTable.money("savingsPerMember"), Metrics::savingsPerMember),
            new MetricColumn(ReportTable.count("loansOutstanding"), Metrics::loansOutstanding),
            new MetricColumn(ReportTable.money("loanPrincipalOutstanding"), Metrics::loanPrincipalOutstanding),
            new MetricColumn(ReportTable.ratio("borrowerShare"), Metrics::borrowerShare),
            new MetricColumn(ReportTable.money("averageLoanOutstanding"), Metrics::averageLoanOutstanding),
            new MetricColumn(ReportTable.ratio("loanFundUtilization"), Metrics::loanFundUtilization),
            new MetricColumn(ReportTable.ratio("par30"), Metrics::par30),
            new MetricColumn(ReportTable.money("interestCollected"), Metrics::interestCollected),
            new MetricColumn(ReportTable.ratio("annualizedReturnOnSavings"), Metrics::annualizedReturnOnSavings),
            new MetricColumn(ReportTable.money("emergencyGrants"), Metrics::emergencyGrants),
            new MetricColumn(ReportTable.ratio("grantRecoveryRate"), Metrics::grantRecoveryRate),
            new MetricColumn(ReportTable.count("meetings"), Metrics::meetings),
            new MetricColumn(ReportTable.ratio("attendanceRate"), Metrics::attendanceRate),
            new MetricColumn(ReportTable.money("cashDiscrepancy"), Metrics::cashDiscrepancy),
            new MetricColumn(ReportTable.count("borrowers"), Metrics::borrowers),
            new MetricColumn(ReportTable.money("par30Principal"), Metrics::par30Principal),
            new MetricColumn(ReportTable.money("cash"), Metrics::cash),
            new MetricColumn(ReportTable.money("savingsRielDays"), Metrics::savingsRielDays),
            new MetricColumn(ReportTable.money("recoverableGranted"), Metrics::recoverableGranted),
            new MetricColumn(ReportTable.money("grantsRecovered"), Metrics::grantsRecovered),
            new MetricColumn(ReportTable.count("attendances"), Metrics::attendances),
            new MetricColumn(ReportTable.count("memberMeetings"), Metrics::memberMeetings));

    static List<ReportTable> metrics(MetricsReport.Report report) {
        List<ReportTable.Column> columns = new ArrayList<>(List.of(ReportTable.text("province"),
                ReportTable.text("district"), ReportTable.text("commune"), ReportTable.text("village"),
                ReportTable.text("groupId"), ReportTable.text("name"), ReportTable.date("from"),
                ReportTable.date("asOf")));
        METRICS.forEach(m -> columns.add(m.column()));
        List<List<Object>> rows = new ArrayList<>();
        for (MetricsReport.Row row : report.rows()) {
            List<Object> values = new ArrayList<>(List.of(row.province(), row.district(), row.commune(),
                    row.village(), row.groupId(), row.name(), row.from(), report.asOf()));
            values.addAll(metricValues(row.metrics()));
            rows.add(values);
        }
        List<ReportTable.Column> sumColumns = new ArrayList<>(subtotalColumns());
        sumColumns.add(ReportTable.count("groups"));
        METRICS.forEach(m -> sumColumns.add(m.column()));
        List<List<Object>> sums = new ArrayList<>();
        for (MetricsReport.Subtotal s : report.subtotals()) {
            List<Object> values = new ArrayList<>(nullable(s.level().name(), s.province(), s.district(),
                    s.commune()));
            values.add(s.groups());
            values.addAll(metricValues(s.metrics()));
            sums.add(values);
        }
        List<Object> total = new ArrayList<>(nullable("TOTAL", null, null, null));
        total.add((long) report.rows().size());
        total.addAll(metricValues(report.totals()));
        sums.add(total);
        return List.of(new ReportTable("metrics", columns, rows), new ReportTable("totals", sumColumns, sums));
    }

    private static List<Object> metricValues(Metrics metrics) {
        return METRICS.stream().map(m -> m.value().apply(metrics)).toList();
    }

    // -------------------------------------------------------------------------------------------- shared

    private static List<ReportTable.Column> subtotalColumns() {
        return List.of(ReportTable.text("level"), ReportTable.text("province"), ReportTable.text("district"),
                ReportTable.text("commune"));
    }

    /** Values that may be null (List.of refuses them). */
    private static List<Object> nullable(Object... values) {
        List<Object> list = new ArrayList<>();
        for (Object value : values) {
            list.add(value);
        }
        return list;
    }
}
