package org.fundbook.pages.reports;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.List;
import org.fundbook.pages.Format;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/** The group indicators over the demo ledger: per group and summed, the API's own figures. */
class MetricsPageTest extends AccountantPageTest {

    private static final String QUERY = "from=2009-07-01&asOf=2009-09-30&province=Svay%20Rieng";

    @Test
    void the_sums_of_the_page_are_the_apis() {
        JsonNode api = anonymous().as(accountant, PASSWORD).get("/api/v1/reports/metrics?" + QUERY).json();
        JsonNode totals = api.get("totals");
        assertThat(totals.get("members").asLong()).isPositive();
        login(accountant, PASSWORD);
        open("/reports/metrics?" + QUERY + "&lang=en");
        waitForElement("#metrics-table tfoot");
        Format format = new Format();
        for (String money : List.of("members", "women", "memberSavings", "loanPrincipalOutstanding",
                "interestCollected", "meetings")) {
            assertThat(browser().findElement(By.cssSelector("tfoot [data-field=" + money + "]")).getText())
                    .as(money).isEqualTo(format.number(totals.get(money).asLong()));
        }
        assertThat(browser().findElement(By.cssSelector("tfoot [data-field=attendanceRate]")).getText())
                .isEqualTo(totals.get("attendanceRate").decimalValue().movePointRight(2).stripTrailingZeros()
                        .toPlainString() + "%");
        assertThat(browser().findElements(By.cssSelector("#metrics-table tbody tr.village")))
                .hasSize(api.get("rows").size());

        HttpResponse<byte[]> csv = anonymous().as(accountant, PASSWORD).header("Accept", "text/csv")
                .getBytes("/api/v1/reports/metrics?" + QUERY);
        String href = browser().findElement(By.cssSelector("[data-download=csv]")).getAttribute("href");
        String page = (String) asyncScript("""
                const done = arguments[arguments.length - 1];
                fetch(arguments[0], {credentials: 'same-origin'}).then(async r => {
                  const bytes = new Uint8Array(await r.arrayBuffer());
                  let s = ''; bytes.forEach(b => s += String.fromCharCode(b));
                  done(btoa(s));
                });""", href);
        assertThat(java.util.Base64.getDecoder().decode(page)).isEqualTo(csv.body());
        assertThat(consoleErrors()).isEmpty();
    }

    @Test
    void screenshots_of_the_indicators() {
        login(accountant, PASSWORD);
        screenshots("reports-metrics", "/reports/metrics?" + QUERY);
        assertThat(consoleErrors()).isEmpty();
    }
}
