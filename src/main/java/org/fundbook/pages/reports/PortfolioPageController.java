package org.fundbook.pages.reports;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.fundbook.pages.PageLinks;
import org.fundbook.reporting.PortfolioReport;
import org.fundbook.security.CurrentCaller;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Loan portfolio quality per group as a page: the API's portfolio report (same query and scope) as a table that
 * sorts by any column ({@code reports-sort.js}), a chart of PAR30 per group, and the API's files as downloads. The
 * API narrows this report by province only, so the page does too: its downloads stay the page's figures.
 */
@Controller
class PortfolioPageController {

    static final String PATH = "/reports/portfolio";

    record Line(String groupId, String name, String where, String link, String province, String provinceLink,
                long outstanding, long overdue, BigDecimal par30, String par30Text) {
    }

    private final PortfolioReport portfolio;
    private final CurrentCaller caller;
    private final PageLinks links;
    private final ReportPages pages;
    private final Clock clock;

    PortfolioPageController(PortfolioReport portfolio, CurrentCaller caller, PageLinks links, ReportPages pages,
                            Clock clock) {
        this.portfolio = portfolio;
        this.caller = caller;
        this.links = links;
        this.pages = pages;
        this.clock = clock;
    }

    @GetMapping(PATH)
    String page(@RequestParam(required = false) String asOf, @RequestParam(required = false) String province,
                Locale locale, Model model) {
        Place place = Place.of(province, null, null);
        LocalDate date = LocalDate.now(clock);
        if (asOf != null && !asOf.isBlank()) {
            try {
                date = LocalDate.parse(asOf.strip());
            } catch (DateTimeParseException e) {
                model.addAttribute("asOfInvalid", true);
            }
        }
        PortfolioReport.Report report = portfolio.report(date, place.province(), caller.scope());
        String day = date.toString();
        List<Line> lines = report.rows().stream().map(r -> {
            String audit = "/groups/" + r.groupId() + "/audit";
            return new Line(r.groupId().toString(), r.name(), r.village() + ", " + r.commune() + ", " + r.district(),
                    links.may(audit) ? audit : null, r.province(),
                    new Place(r.province(), null, null).link(PATH, "asOf", day), r.outstandingPrincipal(),
                    r.overduePrincipal(), r.par30(), percent(r.par30()));
        }).toList();
        model.addAttribute("place", place);
        model.addAttribute("asOf", date);
        model.addAttribute("report", report);
        model.addAttribute("lines", lines);
        model.addAttribute("totalPar30", percent(report.totals().par30()));
        model.addAttribute("crumbs", place.steps().stream()
                .map(s -> Map.of("name", s.name() == null ? "" : s.name(), "link", s.place().link(PATH, "asOf", day)))
                .toList());
        model.addAttribute("csv", place.link(PATH + ".csv", "asOf", day));
        model.addAttribute("xlsx", place.link(PATH + ".xlsx", "asOf", day));
        Map<String, Object> chart = new LinkedHashMap<>();
        chart.put("type", "bar");
        chart.put("percent", true);
        chart.put("label", pages.word("reports.portfolio.chart", locale));
        chart.put("labels", lines.stream().map(Line::name).toList());
        chart.put("values", lines.stream().map(l -> l.par30().movePointRight(2)).toList());
        model.addAttribute("chart", pages.chart(chart));
        return "reports/portfolio";
    }

    /** A fraction as a percentage: 0.125 → "12.5%", 0 → "0%". */
    static String percent(BigDecimal fraction) {
        return fraction.movePointRight(2).stripTrailingZeros().toPlainString() + "%";
    }
}
