package org.fundbook.reporting;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import org.fundbook.audit.Params;
import org.fundbook.platform.web.ApiProblem;
import org.fundbook.security.CurrentCaller;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Reports across groups, each row filtered through the caller's scope. Each answers JSON, or by {@code Accept} its
 * rows as CSV or the report as an XLSX workbook ({@link Format}).
 */
@RestController
@RequestMapping("/api/v1/reports")
class ReportController {

    static final MediaType TEXT_CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);
    static final MediaType XLSX = MediaType.parseMediaType(
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    /** What a report is answered as. */
    enum Format {
        JSON, CSV, XLSX;

        /**
         * CSV or XLSX only when the client prefers it to JSON (by quality, then by its order); anything else (no
         * header, {@code *}{@code /*}, JSON first, an unreadable header) gets JSON.
         */
        static Format of(String accept) {
            if (accept == null || accept.isBlank()) {
                return JSON;
            }
            List<MediaType> types;
            try {
                types = new ArrayList<>(MediaType.parseMediaTypes(accept));
            } catch (IllegalArgumentException e) {
                return JSON;
            }
            // stable: of equal quality, the client's order decides
            types.sort(Comparator.comparingDouble(MediaType::getQualityValue).reversed());
            for (MediaType type : types) {
                if (type.isWildcardType() || type.isCompatibleWith(MediaType.APPLICATION_JSON)) {
                    return JSON;
                }
                if (type.isCompatibleWith(TEXT_CSV)) {
                    return CSV;
                }
                if (type.isCompatibleWith(ReportController.XLSX)) {
                    return XLSX;
                }
            }
            return JSON;
        }
    }

    private final AllocationReport allocations;
    private final PortfolioReport portfolio;
    private final MetricsReport metrics;
    private final CurrentCaller caller;
    private final Clock clock;

    ReportController(AllocationReport allocations, PortfolioReport portfolio, MetricsReport metrics,
                     CurrentCaller caller, Clock clock) {
        this.allocations = allocations;
        this.portfolio = portfolio;
        this.metrics = metrics;
        this.caller = caller;
        this.clock = clock;
    }

    @GetMapping("/allocations")
    ResponseEntity<?> allocations(@RequestParam(required = false) String period,
                                  @RequestParam(required = false) String province,
                                  @RequestParam(required = false) String district,
                                  @RequestParam(required = false) String commune,
                                  @RequestHeader(value = "Accept", required = false) String accept) {
        requireAuditor();
        Params params = new Params();
        Period parsed = Period.parse(period).orElse(null);
        if (parsed == null) {
            params.invalid("period", period == null ? "is required (YYYY-MM or YYYY-Qn)"
                    : "must be a month YYYY-MM or a quarter YYYY-Qn: " + period);
        }
        params.check();
        AllocationReport.Report report = allocations.report(parsed,
                new AllocationReport.Filter(blankToNull(province), blankToNull(district), blankToNull(commune)),
                caller.scope());
        return answer(report, accept, "allocations-" + report.period(), ReportTables::allocation);
    }

    @GetMapping("/portfolio")
    ResponseEntity<?> portfolio(@RequestParam(required = false) String asOf,
                                @RequestParam(required = false) String province,
                                @RequestHeader(value = "Accept", required = false) String accept) {
        requireAuditor();
        Params params = new Params();
        LocalDate date = params.date("asOf", asOf, LocalDate.now(clock));
        params.check();
        PortfolioReport.Report report = portfolio.report(date, blankToNull(province), caller.scope());
        return answer(report, accept, "portfolio-" + report.asOf(), ReportTables::portfolio);
    }

    @GetMapping("/metrics")
    ResponseEntity<?> metrics(@RequestParam(required = false) String from,
                              @RequestParam(required = false) String asOf,
                              @RequestParam(required = false) String province,
                              @RequestParam(required = false) String district,
                              @RequestParam(required = false) String commune,
                              @RequestHeader(value = "Accept", required = false) String accept) {
        requireAuditor();
        Window window = Window.of(from, asOf, LocalDate.now(clock));
        MetricsReport.Report report = metrics.report(window.from(), window.asOf(),
                new ReportGroups.Place(blankToNull(province), blankToNull(district), blankToNull(commune)),
                caller.scope());
        return answer(report, accept, "metrics-" + report.asOf(), ReportTables::metrics);
    }

    /** The metrics' window: {@code from} (null: each group's open period) and {@code asOf} (default today). */
    record Window(LocalDate from, LocalDate asOf) {
        static Window of(String from, String asOf, LocalDate today) {
            Params params = new Params();
            LocalDate start = params.date("from", from, null);
            LocalDate end = params.date("asOf", asOf, today);
            if (start != null && end != null && start.isAfter(end)) {
                params.invalid("from", "must not be after asOf");
            }
            params.check();
            return new Window(start, end);
        }
    }

    private static <R> ResponseEntity<?> answer(R report, String accept, String filename,
                                                Function<R, List<ReportTable>> tables) {
        return switch (Format.of(accept)) {
            case JSON -> ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(report);
            case CSV -> ResponseEntity.ok().contentType(TEXT_CSV)
                    .header("Content-Disposition", "inline; filename=\"" + filename + ".csv\"")
                    .body(Spreadsheets.csv(tables.apply(report).get(0)));
            case XLSX -> ResponseEntity.ok().contentType(XLSX)
                    .header("Content-Disposition", "attachment; filename=\"" + filename + ".xlsx\"")
                    .body(Spreadsheets.xlsx(tables.apply(report)));
        };
    }

    /** The access policy says the same; checked here too so that no path spelling can reach a report. */
    private void requireAuditor() {
        if (!caller.mayAudit()) {
            throw new ApiProblem(403, "FORBIDDEN", "Reports are for leaders, accountants and admins.");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
