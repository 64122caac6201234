package org.fundbook.pages.reports;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * A report page's downloads. A link cannot send an {@code Accept} header, and the API chooses CSV or XLSX by it; so
 * {@code /reports/{report}.csv} (and {@code .xlsx}) hands the request, with its parameters and the caller's login,
 * to the API's own endpoint asking for that format. The file is the API's, byte for byte, headers included: there
 * is no second writer of CSV to drift from the first.
 */
@Controller
class ReportDownloads {

    private static final String CSV = "text/csv";
    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @GetMapping("/reports/{report:allocations|portfolio|metrics}.csv")
    void csv(@PathVariable String report, HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        forward(report, CSV, request, response);
    }

    @GetMapping("/reports/{report:allocations|portfolio|metrics}.xlsx")
    void xlsx(@PathVariable String report, HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        forward(report, XLSX, request, response);
    }

    private static void forward(String report, String type, HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        request.getRequestDispatcher("/api/v1/reports/" + report).forward(new Accepting(request, type), response);
    }

    /** The request as it came, asking for one media type. */
    private static final class Accepting extends HttpServletRequestWrapper {
        private final String type;

        Accepting(HttpServletRequest request, String type) {
            super(request);
            this.type = type;
        }

        @Override
        public String getHeader(String name) {
            return HttpHeaders.ACCEPT.equalsIgnoreCase(name) ? type : super.getHeader(name);
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
            return HttpHeaders.ACCEPT.equalsIgnoreCase(name) ? Collections.enumeration(java.util.List.of(type))
                    : super.getHeaders(name);
        }
    }
}
