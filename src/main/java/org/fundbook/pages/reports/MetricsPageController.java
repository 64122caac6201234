package org.fundbook.pages.reports;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import org.fundbook.pages.Format;
import org.fundbook.pages.PageLinks;
import org.fundbook.reporting.Metrics;
import org.fundbook.reporting.MetricsReport;
import org.fundbook.reporting.ReportGroups;
import org.fundbook.security.CurrentCaller;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The group performance metrics (domain spec section 10) as a page: the API's metrics report (same query, same
 * scope), one row per group between subtotals per commune, district and province, the sums of all, and the API's
 * files as downloads. Ratios are shown as percentages of the API's own fractions.
 */
@Controller
class MetricsPageController {

    static final String PATH = "/reports/metrics";

    enum Kind { COUNT, RIEL, RATIO }

    /** A column: its key in the API's JSON (and the bundle's {@code reports.metric.KEY}), how it reads. */
    record Column(String key, Kind kind, Function<Metrics, Object> value) {
    }

    record Cell(String key, String text) {
    }

    record Line(String kind, String name, String detail, String link, UUID groupId, List<Cell> cells) {
    }

    static final List<Column> COLUMNS = List.of(
            new Column("members", Kind.COUNT, Metrics::members),
            new Column("women", Kind.COUNT, Metrics::women),
            new Column("poorest", Kind.COUNT, Metrics::poorest),
            new Column("memberSavings", Kind.RIEL, Metrics::memberSavings),
            new Column("savingsPerMember", Kind.RIEL, Metrics::savingsPerMember),
            new Column("loansOutstanding", Kind.COUNT, Metrics::loansOutstanding),
            new Column("loanPrincipalOutstanding", Kind.RIEL, Metrics::loanPrincipalOutstanding),
            new Column("borrowerShare", Kind.RATIO, Metrics::borrowerShare),
            new Column("averageLoanOutstanding", Kind.RIEL, Metrics::averageLoanOutstanding),
            new Column("loanFundUtilization", Kind.RATIO, Metrics::loanFundUtilization),
            new Column("par30", Kind.RATIO, Metrics::par30),
            new Column("interestCollected", Kind.RIEL, Metrics::interestCollected),
            new Column("annualizedReturnOnSavings", Kind.RATIO, Metrics::annualizedReturnOnSavings),
            new Column("emergencyGrants", Kind.RIEL, Metrics::emergencyGrants),
            new Column("grantRecoveryRate", Kind.RATIO, Metrics::grantRecoveryRate),
            new Column("meetings", Kind.COUNT, Metrics::meetings),
            new Column("attendanceRate", Kind.RATIO, Metrics::attendanceRate),
            new Column("cashDiscrepancy", Kind.RIEL, Metrics::cashDiscrepancy));

    private final MetricsReport metrics;
    private final CurrentCaller caller;
    private final PageLinks links;
    private final Format format;
    private final Clock clock;

    MetricsPageController(MetricsReport metrics, CurrentCaller caller, PageLinks links, Format format, Clock clock) {
        this.metrics = metrics;
        this.caller = caller;
        this.links = links;
        this.format = format;
        this.clock = clock;
    }

    @GetMapping(PATH)
    String page(@RequestParam(required = false) String from, @RequestParam(required = false) String asOf,
                @RequestParam(required = false) String province, @RequestParam(required = false) String district,
                @RequestParam(required = false) String commune, Model model) {
        Place place = Place.of(province, district, commune);
        LocalDate end = date(asOf, model);
        LocalDate start = date(from, model);
        if (end == null) {
            end = LocalDate.now(clock);
        }
        if (start != null && start.isAfter(end)) {
            start = null;
            model.addAttribute("dateInvalid", true);
        }
        MetricsReport.Report report = metrics.report(start, end,
                new ReportGroups.Place(place.province(), place.district(), place.commune()), caller.scope());
        String startText = start == null ? null : start.toString();
        String endText = end.toString();
        model.addAttribute("place", place);
        model.addAttribute("from", start);
        model.addAttribute("asOf", end);
        model.addAttribute("report", report);
        model.addAttribute("columns", COLUMNS);
        model.addAttribute("lines", lines(report, startText, endText));
        model.addAttribute("totals", cells(report.totals()));
        model.addAttribute("crumbs", place.steps().stream()
                .map(s -> Map.of("name", s.name() == null ? "" : s.name(),
                        "link", s.place().link(PATH, "from", startText, "asOf", endText)))
                .toList());
        model.addAttribute("csv", place.link(PATH + ".csv", "from", startText, "asOf", endText));
        model.addAttribute("xlsx", place.link(PATH + ".xlsx", "from", startText, "asOf", endText));
        return "reports/metrics";
    }

    private List<Line> lines(MetricsReport.Report report, String from, String asOf) {
        Map<String, MetricsReport.Subtotal> subtotals = new HashMap<>();
        for (MetricsReport.Subtotal s : report.subtotals()) {
            subtotals.put(key(s.level().name(), s.province(), s.district(), s.commune()), s);
        }
        List<Line> lines = new ArrayList<>();
        List<MetricsReport.Row> rows = report.rows();
        for (int i = 0; i < rows.size(); i++) {
            MetricsReport.Row row = rows.get(i);
            String audit = "/groups/" + row.groupId() + "/audit";
            lines.add(new Line("village", row.name(), row.village(), links.may(audit) ? audit : null, row.groupId(),
                    cells(row.metrics())));
            MetricsReport.Row next = i + 1 < rows.size() ? rows.get(i + 1) : null;
            boolean provinceEnds = next == null || !Objects.equals(next.province(), row.province());
            boolean districtEnds = provinceEnds || !Objects.equals(next.district(), row.district());
            boolean communeEnds = districtEnds || !Objects.equals(next.commune(), row.commune());
            if (communeEnds) {
                lines.add(subtotal("commune", row.commune(), subtotals.get(key("COMMUNE", row.province(),
                        row.district(), row.commune())), new Place(row.province(), row.district(), row.commune()),
                        from, asOf));
            }
            if (districtEnds) {
                lines.add(subtotal("district", row.district(), subtotals.get(key("DISTRICT", row.province(),
                        row.district(), null)), new Place(row.province(), row.district(), null), from, asOf));
            }
            if (provinceEnds) {
                lines.add(subtotal("province", row.province(), subtotals.get(key("PROVINCE", row.province(), null,
                        null)), new Place(row.province(), null, null), from, asOf));
            }
        }
        return lines;
    }

    private Line subtotal(String kind, String name, MetricsReport.Subtotal s, Place place, String from, String asOf) {
        return new Line(kind, name, null, place.link(PATH, "from", from, "asOf", asOf), null,
                s == null ? List.of() : cells(s.metrics()));
    }

    private List<Cell> cells(Metrics m) {
        return COLUMNS.stream().map(c -> new Cell(c.key(), text(c.kind(), c.value().apply(m)))).toList();
    }

    private String text(Kind kind, Object value) {
        return switch (kind) {
            case COUNT, RIEL -> format.number((Long) value);
            case RATIO -> ((BigDecimal) value).movePointRight(2).stripTrailingZeros().toPlainString() + "%";
        };
    }

    private static String key(String level, String province, String district, String commune) {
        return level + "\u0000" + province + "\u0000" + district + "\u0000" + commune;
    }

    private static LocalDate date(String text, Model model) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            model.addAttribute("dateInvalid", true);
            return null;
        }
    }
}
