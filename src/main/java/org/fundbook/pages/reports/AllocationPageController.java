package org.fundbook.pages.reports;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.fundbook.group.GrantReason;
import org.fundbook.group.Pool;
import org.fundbook.pages.PageLinks;
import org.fundbook.reporting.AllocationReport;
import org.fundbook.reporting.Period;
import org.fundbook.security.CurrentCaller;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The PDoWA fund allocation report as a page: the API's own report (same query, same scope), its rows between
 * subtotals per commune, district and province, the totals, a chart of the allocation by pool, and the API's CSV
 * and XLSX as downloads ({@link ReportDownloads}).
 */
@Controller
class AllocationPageController {

    static final String PATH = "/reports/allocations";

    /** One line of the table: a village (group), a subtotal, or the totals. */
    record Line(String kind, String name, String detail, String link, UUID groupId, long interest, List<Long> pools,
                long grants, long recoveries, long payouts) {
    }

    private final AllocationReport allocations;
    private final CurrentCaller caller;
    private final PageLinks links;
    private final ReportPages pages;
    private final Clock clock;

    AllocationPageController(AllocationReport allocations, CurrentCaller caller, PageLinks links, ReportPages pages,
                             Clock clock) {
        this.allocations = allocations;
        this.caller = caller;
        this.links = links;
        this.pages = pages;
        this.clock = clock;
    }

    /** The reports start with the allocation report. */
    @GetMapping({"/reports", "/reports/"})
    String reports() {
        return "redirect:" + PATH;
    }

    @GetMapping(PATH)
    String page(@RequestParam(required = false) String period, @RequestParam(required = false) String province,
                @RequestParam(required = false) String district, @RequestParam(required = false) String commune,
                Locale locale, Model model) {
        Place place = Place.of(province, district, commune);
        String asked = period == null || period.isBlank() ? ReportPages.lastQuarter(LocalDate.now(clock))
                : period.strip();
        Period parsed = Period.parse(asked).orElse(null);
        model.addAttribute("place", place);
        model.addAttribute("period", asked);
        model.addAttribute("pools", Pool.values());
        model.addAttribute("reasons", GrantReason.values());
        if (parsed == null) {
            model.addAttribute("periodInvalid", true);
            model.addAttribute("suggestions", ReportPages.suggestions(ReportPages.lastQuarter(LocalDate.now(clock))));
            return "reports/allocations";
        }
        AllocationReport.Report report = allocations.report(parsed,
                new AllocationReport.Filter(place.province(), place.district(), place.commune()), caller.scope());
        model.addAttribute("report", report);
        model.addAttribute("lines", lines(report, asked));
        model.addAttribute("totalGrants", sum(report.totals().emergencyGrants()));
        model.addAttribute("totalPayouts", sum(report.totals().payouts()));
        model.addAttribute("suggestions", ReportPages.suggestions(asked));
        model.addAttribute("previous", place.link(PATH, "period", ReportPages.shift(asked, -1)));
        model.addAttribute("next", place.link(PATH, "period", ReportPages.shift(asked, 1)));
        model.addAttribute("csv", place.link(PATH + ".csv", "period", asked));
        model.addAttribute("xlsx", place.link(PATH + ".xlsx", "period", asked));
        model.addAttribute("crumbs", place.steps().stream()
                .map(s -> Map.of("name", s.name() == null ? "" : s.name(),
                        "link", s.place().link(PATH, "period", asked)))
                .toList());
        Map<String, Object> chart = new LinkedHashMap<>();
        chart.put("type", "doughnut");
        chart.put("labels", java.util.Arrays.stream(Pool.values())
                .map(p -> pages.word("reports.pool." + p.name(), locale)).toList());
        chart.put("values", java.util.Arrays.stream(Pool.values())
                .map(p -> report.totals().allocation().get(p)).toList());
        chart.put("label", pages.word("reports.allocations.chart", locale));
        model.addAttribute("chart", pages.chart(chart));
        return "reports/allocations";
    }

    /** The rows in the report's order, each commune, district and province closed by its subtotal. */
    private List<Line> lines(AllocationReport.Report report, String period) {
        Map<String, AllocationReport.Subtotal> subtotals = new HashMap<>();
        for (AllocationReport.Subtotal s : report.subtotals()) {
            subtotals.put(key(s.level(), s.province(), s.district(), s.commune()), s);
        }
        List<Line> lines = new ArrayList<>();
        List<AllocationReport.Row> rows = report.rows();
        for (int i = 0; i < rows.size(); i++) {
            AllocationReport.Row row = rows.get(i);
            String audit = "/groups/" + row.groupId() + "/audit";
            lines.add(new Line("village", row.name(), row.village(), links.may(audit) ? audit : null, row.groupId(),
                    row.interestCollected(), pools(row.allocation()), sum(row.emergencyGrants()),
                    row.grantRecoveries(), sum(row.payouts())));
            AllocationReport.Row next = i + 1 < rows.size() ? rows.get(i + 1) : null;
            boolean provinceEnds = next == null || !Objects.equals(next.province(), row.province());
            boolean districtEnds = provinceEnds || !Objects.equals(next.district(), row.district());
            boolean communeEnds = districtEnds || !Objects.equals(next.commune(), row.commune());
            if (communeEnds) {
                lines.add(subtotal("commune", row.commune(), subtotals.get(key(AllocationReport.Level.COMMUNE,
                        row.province(), row.district(), row.commune())), new Place(row.province(), row.district(),
                        row.commune()), period));
            }
            if (districtEnds) {
                lines.add(subtotal("district", row.district(), subtotals.get(key(AllocationReport.Level.DISTRICT,
                        row.province(), row.district(), null)), new Place(row.province(), row.district(), null),
                        period));
            }
            if (provinceEnds) {
                lines.add(subtotal("province", row.province(), subtotals.get(key(AllocationReport.Level.PROVINCE,
                        row.province(), null, null)), new Place(row.province(), null, null), period));
            }
        }
        return lines;
    }

    private static Line subtotal(String kind, String name, AllocationReport.Subtotal s, Place place, String period) {
        return new Line(kind, name, null, place.link(PATH, "period", period), null, s.interestCollected(),
                pools(s.allocation()), sum(s.emergencyGrants()), s.grantRecoveries(), sum(s.payouts()));
    }

    private static String key(AllocationReport.Level level, String province, String district, String commune) {
        return level + "\u0000" + province + "\u0000" + district + "\u0000" + commune;
    }

    static List<Long> pools(Map<Pool, Long> byPool) {
        return java.util.Arrays.stream(Pool.values()).map(p -> byPool.getOrDefault(p, 0L)).toList();
    }

    static long sum(Map<?, Long> values) {
        return values.values().stream().mapToLong(Long::longValue).reduce(0, Math::addExact);
    }
}
