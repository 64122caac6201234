package org.fundbook.pages.reports;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.fundbook.pages.Format;
import org.fundbook.support.Ledger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** PAR30 per group over the demo ledger: the API's figures, sorted by any column with the keyboard or a click. */
class PortfolioPageTest extends AccountantPageTest {

    private static final String QUERY = "asOf=2009-09-30&province=Svay%20Rieng";

    /** After the accountant (JUnit runs a superclass's @BeforeEach first). */
    @BeforeEach
    void aLateVillage() {
        synchronized (PortfolioPageTest.class) {
            if (late == null) {
                late = lateVillage();
            }
        }
    }

    private static String late;

    /**
     * The demo's borrowers are never more than a month late; this Svay Rieng group of the test's own has a loan
     * that fell due in March 2009 and was never repaid, so that PAR30 has something to sort.
     */
    private String lateVillage() {
        Ledger ledger = Ledger.register(api, "CEDAC", "2009-01-05", null);
        ledger.capital(1_000_000, "2009-01-05");
        String borrower = ledger.member("Keo Sophal", "MEMBER", "2009-01-05");
        ledger.contribute(borrower, 10_000, "2009-01-05");
        ledger.lend(borrower, 100_000, 2, "2009-01-05");
        return ledger.groupId;
    }

    private List<String> column(String attribute) {
        return browser().findElements(By.cssSelector("#portfolio-table tbody tr")).stream()
                .map(r -> r.getAttribute(attribute)).toList();
    }

    @Test
    void the_table_sorts_by_each_column() {
        JsonNode api = anonymous().as(accountant, PASSWORD).get("/api/v1/reports/portfolio?" + QUERY).json();
        login(accountant, PASSWORD);
        open("/reports/portfolio?" + QUERY + "&lang=en");
        waitForElement("#portfolio-table");
        assertThat(column("data-group-id")).hasSize(api.get("rows").size());
        Format format = new Format();
        assertThat(browser().findElement(By.cssSelector("tfoot [data-field=outstandingPrincipal]")).getText())
                .isEqualTo(format.number(api.get("totals").get("outstandingPrincipal").asLong()));

        WebElement par30 = browser().findElement(By.cssSelector("th[data-sort=par30] button"));
        par30.click();
        List<BigDecimal> ascending = column("data-par30").stream().map(BigDecimal::new).toList();
        assertThat(ascending).isSortedAccordingTo(Comparator.naturalOrder());
        assertThat(browser().findElement(By.cssSelector("th[data-sort=par30]")).getAttribute("aria-sort"))
                .isEqualTo("ascending");
        par30.click();
        List<BigDecimal> descending = column("data-par30").stream().map(BigDecimal::new).toList();
        assertThat(descending).isSortedAccordingTo(Comparator.reverseOrder());
        assertThat(descending.get(0)).as("the late group first").isEqualTo(new BigDecimal("1"));
        assertThat(column("data-group-id").get(0)).isEqualTo(late);
        assertThat(browser().findElement(By.cssSelector("th[data-sort=par30]")).getAttribute("aria-sort"))
                .isEqualTo("descending");

        browser().findElement(By.cssSelector("th[data-sort=outstanding] button")).click();
        List<Long> outstanding = column("data-outstanding").stream().map(Long::valueOf).toList();
        assertThat(outstanding).isSortedAccordingTo(Comparator.naturalOrder());
        assertThat(browser().findElement(By.cssSelector("th[data-sort=par30]")).getAttribute("aria-sort")).isNull();

        browser().findElement(By.cssSelector("th[data-sort=name] button")).click();
        List<String> names = new ArrayList<>(column("data-name"));
        assertThat(names).hasSize(api.get("rows").size());
        Object chartOrder = script("return Chart.getChart(document.getElementById('chart')).data.labels;");
        assertThat(chartOrder).as("the chart follows the table's order").isEqualTo(names);
        assertThat(consoleErrors()).isEmpty();
    }

    @Test
    void screenshots_of_the_portfolio() {
        login(accountant, PASSWORD);
        screenshots("reports-portfolio", "/reports/portfolio?" + QUERY);
        assertThat(consoleErrors()).isEmpty();
    }
}
