package org.fundbook.pages.reports;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.Base64;
import java.util.List;
import org.fundbook.group.Pool;
import org.fundbook.pages.Format;
import org.fundbook.support.Api;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The PDoWA accountant's allocation report over the demo ledger (Svay Rieng, 2009 Q3): the page's totals are the
 * API's, its CSV download is the API's CSV byte for byte, and it drills down province → district → commune →
 * village group by links.
 */
class AllocationPageTest extends AccountantPageTest {

    static final String QUERY = "period=2009-Q3&province=Svay%20Rieng";

    private final Format format = new Format();

    private Api asAccountant() {
        return anonymous().as(accountant, PASSWORD);
    }

    private String cell(String css) {
        return browser().findElement(By.cssSelector(css)).getText().strip();
    }

    @Test
    void the_totals_of_the_page_are_the_apis() {
        JsonNode api = asAccountant().get("/api/v1/reports/allocations?" + QUERY).json();
        JsonNode totals = api.get("totals");
        assertThat(totals.get("interestCollected").asLong()).as("the demo collected interest in 2009 Q3")
                .isPositive();

        login(accountant, PASSWORD);
        open("/reports/allocations?" + QUERY + "&lang=en");
        waitForElement("#allocation-table tfoot");

        assertThat(cell("tfoot [data-field=interestCollected]"))
                .isEqualTo(format.number(totals.get("interestCollected").asLong()));
        for (Pool pool : Pool.values()) {
            assertThat(cell("tfoot [data-field='allocation." + pool.name() + "']")).as(pool.name())
                    .isEqualTo(format.number(totals.get("allocation").get(pool.name()).asLong()));
        }
        long grants = 0;
        for (JsonNode v : totals.get("emergencyGrants")) {
            grants += v.asLong();
        }
        long payouts = 0;
        for (JsonNode v : totals.get("payouts")) {
            payouts += v.asLong();
        }
        assertThat(cell("tfoot [data-field=emergencyGrants]")).isEqualTo(format.number(grants));
        assertThat(cell("tfoot [data-field=grantRecoveries]"))
                .isEqualTo(format.number(totals.get("grantRecoveries").asLong()));
        assertThat(cell("tfoot [data-field=payouts]")).isEqualTo(format.number(payouts));
        totals.get("emergencyGrants").fields().forEachRemaining(e -> assertThat(
                cell("[data-figures=emergencyGrants] [data-field=" + e.getKey() + "]"))
                .isEqualTo(format.riel(e.getValue().asLong())));

        // one row per group of the API, a subtotal per commune, district and province of its subtotals
        assertThat(browser().findElements(By.cssSelector("#allocation-table tbody tr.village")))
                .hasSize(api.get("rows").size());
        assertThat(browser().findElements(By.cssSelector("#allocation-table tbody tr.subtotal")))
                .hasSize(api.get("subtotals").size());
        JsonNode province = null;
        for (JsonNode s : api.get("subtotals")) {
            if (s.get("level").asText().equals("PROVINCE")) {
                province = s;
            }
        }
        assertThat(province).isNotNull();
        List<WebElement> provinceRow = browser().findElements(By.cssSelector("tr.province td"));
        assertThat(provinceRow.get(0).getText()).isEqualTo(format.number(province.get("interestCollected").asLong()));

        Object drawn = script("return !!(window.Chart && Chart.getChart(document.getElementById('chart')));");
        assertThat(drawn).as("the chart is drawn").isEqualTo(true);
        assertThat(consoleErrors()).as("no script or policy errors").isEmpty();
    }

    @Test
    void the_csv_download_is_the_apis_csv_byte_for_byte() {
        HttpResponse<byte[]> api = asAccountant().header("Accept", "text/csv")
                .getBytes("/api/v1/reports/allocations?" + QUERY);
        assertThat(api.statusCode()).isEqualTo(200);

        login(accountant, PASSWORD);
        open("/reports/allocations?" + QUERY);
        WebElement link = waitForElement("[data-download=csv]");
        assertThat(link.getAttribute("download")).isNotNull();
        String page = (String) asyncScript("""
                const done = arguments[arguments.length - 1];
                fetch(arguments[0], {credentials: 'same-origin'}).then(async r => {
                  const bytes = new Uint8Array(await r.arrayBuffer());
                  let s = ''; bytes.forEach(b => s += String.fromCharCode(b));
                  done(r.status + ' ' + r.headers.get('content-type') + ' ' + btoa(s));
                }).catch(e => done('failed ' + e));""", link.getAttribute("href"));
        String[] parts = page.split(" ", 3);
        assertThat(parts[0]).isEqualTo("200");
        assertThat(parts[1].replace(" ", "")).isEqualTo(api.headers().firstValue("Content-Type").orElseThrow()
                .replace(" ", ""));
        byte[] downloaded = Base64.getDecoder().decode(parts[2]);
        assertThat(downloaded).isEqualTo(api.body());
        assertThat(new String(downloaded, java.nio.charset.StandardCharsets.UTF_8)).contains("Svay Rieng");

        // and the workbook is the API's workbook
        HttpResponse<byte[]> xlsx = asAccountant().header("Accept",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                .getBytes("/api/v1/reports/allocations?" + QUERY);
        String workbook = (String) asyncScript("""
                const done = arguments[arguments.length - 1];
                fetch(arguments[0], {credentials: 'same-origin'}).then(r => done(String(r.status) + ' '
                  + r.headers.get('content-type'))).catch(e => done('failed ' + e));""",
                browser().findElement(By.cssSelector("[data-download=xlsx]")).getAttribute("href"));
        assertThat(xlsx.statusCode()).isEqualTo(200);
        assertThat(workbook).isEqualTo("200 " + xlsx.headers().firstValue("Content-Type").orElseThrow());
    }

    @Test
    void it_drills_down_from_the_province_to_a_village_group() {
        login(accountant, PASSWORD);
        open("/reports/allocations?period=2009-Q3&lang=en");
        browser().findElement(By.cssSelector("tr.province th a")).click();
        waitFor().until(d -> d.getCurrentUrl().contains("province=Svay"));
        browser().findElement(By.cssSelector("tr.district th a")).click();
        waitFor().until(d -> d.getCurrentUrl().contains("district="));
        WebElement commune = browser().findElement(By.cssSelector("tr.commune th a"));
        commune.click();
        waitFor().until(d -> d.getCurrentUrl().contains("commune="));
        assertThat(browser().findElements(By.cssSelector("tr.commune"))).hasSize(1);
        assertThat(browser().findElements(By.cssSelector(".crumbs li"))).hasSize(4);
        WebElement village = browser().findElement(By.cssSelector("tr.village th a"));
        String groupId = village.findElement(By.xpath("./ancestor::tr")).getAttribute("data-group-id");
        village.click();
        waitFor().until(d -> d.getCurrentUrl().endsWith("/groups/" + groupId + "/audit"));
        waitForElement("#trial-balance");
    }

    @Test
    void screenshots_of_the_allocation_report() {
        login(accountant, PASSWORD);
        screenshots("reports-allocations", "/reports/allocations?" + QUERY);
        assertThat(consoleErrors()).isEmpty();
    }
}
