package org.fundbook.reporting;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.fundbook.audit.Params;
import org.fundbook.security.CurrentCaller;
import org.fundbook.platform.web.ApiProblem;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Reports across groups, each row filtered through the caller's scope. */
@RestController
@RequestMapping("/api/v1/reports")
class ReportController {

    static final MediaType TEXT_CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    private final AllocationReport allocations;
    private final PortfolioReport portfolio;
    private final CurrentCaller caller;
    private final Clock clock;

    ReportController(AllocationReport allocations, PortfolioReport portfolio, CurrentCaller caller, Clock clock) {
        this.allocations = allocations;
        this.portfolio = portfolio;
        this.caller = caller;
        this.clock = clock;
    }

    /** JSON, or with {@code Accept: text/csv} the rows as CSV. */
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
        if (wantsCsv(accept)) {
            return ResponseEntity.ok().contentType(TEXT_CSV)
                    .header("Content-Disposition", "inline; filename=\"allocations-" + report.period() + ".csv\"")
                    .body(AllocationCsv.write(report));
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(report);
    }

    @GetMapping("/portfolio")
    PortfolioReport.Report portfolio(@RequestParam(required = false) String asOf,
                                     @RequestParam(required = false) String province) {
        requireAuditor();
        Params params = new Params();
        LocalDate date = params.date("asOf", asOf, LocalDate.now(clock));
        params.check();
        return portfolio.report(date, blankToNull(province), caller.scope());
    }

    /** The access policy says the same; checked here too so that no path spelling can reach a report. */
    private void requireAuditor() {
        if (!caller.mayAudit()) {
            throw new ApiProblem(403, "FORBIDDEN", "Reports are for leaders, accountants and admins.");
        }
    }

    /** CSV only when the client prefers it to JSON; anything else (no header, *&#47;*) gets JSON. */
    static boolean wantsCsv(String accept) {
        if (accept == null || accept.isBlank()) {
            return false;
        }
        List<MediaType> types;
        try {
            types = MediaType.parseMediaTypes(accept);
        } catch (IllegalArgumentException e) {
            return false;
        }
        types = new ArrayList<>(types);
        // stable: of equal quality, the client's order decides
        types.sort(Comparator.comparingDouble(MediaType::getQualityValue).reversed());
        for (MediaType type : types) {
            if (type.isWildcardType()) {
                return false;
            }
            if (type.isCompatibleWith(MediaType.APPLICATION_JSON)) {
                return false;
            }
            if (type.isCompatibleWith(TEXT_CSV)) {
                return true;
            }
        }
        return false;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
