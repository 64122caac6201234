package org.fundbook.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.fundbook.audit.Village;
import org.fundbook.support.Api;
import org.fundbook.support.IntegrationTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Portfolio at risk: a 100,000 loan maturing 2024-02-10 and left unpaid, a 50,000 loan maturing 2024-04-10, and a
 * 30,000 loan disbursed 2024-03-01 and repaid on 2024-03-20.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PortfolioReportHttpTest extends IntegrationTest {

    private String province;
    private Village group;
    private Village idle;

    /** Built once: every test only reads these groups. */
    @BeforeAll
    void loans() {
        api = anonymous().as("admin", ADMIN_PASSWORD);
        province = Village.uniqueProvince();
        group = Village.register(api, "FSF", province, "Kompong Ro", "Kseth", "Kseth 2", null);
        String a = group.member("A", "MEMBER");
        String b = group.member("B", "MEMBER");
        String c = group.member("C", "MEMBER");
        group.capital(1_000_000, "2024-01-02");
        group.lend(a, 100_000, 1, "2024-01-10");
        group.lend(b, 50_000, 3, "2024-01-10");
        String late = group.lend(c, 30_000, 1, "2024-03-01");
        group.repay(late, 30_600, "2024-03-20");
        idle = Village.register(api, "CEDAC", province, "Svay Chrum", "Basak", "Basak 2", null);
    }

    private JsonNode portfolio(String asOf) {
        Api.Response response = api.get("/api/v1/reports/portfolio?asOf=" + asOf + "&province="
                + URLEncoder.encode(province, StandardCharsets.UTF_8));
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    @Test
    void twentyDaysPastMaturityIsOverdueButNotYetAtRisk() {
        JsonNode report = portfolio("2024-03-01");

        assertThat(report.get("asOf").asText()).isEqualTo("2024-03-01");
        JsonNode row = report.get("rows").get(0);
        assertThat(row.get("groupId").asText()).isEqualTo(group.groupId);
        assertThat(row.get("village").asText()).isEqualTo("Kseth 2");
        assertThat(row.get("outstandingPrincipal").asLong()).isEqualTo(180_000);
        assertThat(row.get("overduePrincipal").asLong()).isEqualTo(100_000);
        assertThat(row.get("par30").isNumber()).isTrue();
        assertThat(row.get("par30").decimalValue()).isEqualByComparingTo(BigDecimal.ZERO);
    }

    @Test
    void tenDaysPastMaturityIsOverdueAndFiftyThreeDaysIsAtRisk() {
        // the 100,000 loan matured on 2024-02-10
        JsonNode tenDays = portfolio("2024-02-20").get("rows").get(0);
        assertThat(tenDays.get("overduePrincipal").asLong()).isEqualTo(100_000);
        assertThat(tenDays.get("par30").decimalValue()).isEqualByComparingTo(BigDecimal.ZERO);

        JsonNode fiftyThreeDays = portfolio("2024-04-03").get("rows").get(0);
        assertThat(fiftyThreeDays.get("outstandingPrincipal").asLong()).isEqualTo(150_000);
        assertThat(fiftyThreeDays.get("par30Principal").asLong()).isEqualTo(100_000);
        assertThat(fiftyThreeDays.get("par30").decimalValue()).isEqualByComparingTo("0.6667");
    }

    @Test
    void moreThanThirtyDaysPastMaturityIsAtRiskAsAShareOfWhatIsOutstanding() {
        JsonNode row = portfolio("2024-03-15").get("rows").get(0);

        assertThat(row.get("outstandingPrincipal").asLong()).isEqualTo(180_000);
        assertThat(row.get("par30Principal").asLong()).isEqualTo(100_000);
        assertThat(row.get("par30").decimalValue()).isEqualByComparingTo("0.5556");

        JsonNode later = portfolio("2024-03-25");
        assertThat(later.get("rows").get(0).get("outstandingPrincipal").asLong()).isEqualTo(150_000);
        assertThat(later.get("rows").get(0).get("par30").decimalValue()).isEqualByComparingTo("0.6667");
        assertThat(later.get("totals").get("outstandingPrincipal").asLong()).isEqualTo(150_000);
        assertThat(later.get("totals").get("par30").decimalValue()).isEqualByComparingTo("0.6667");
    }

    @Test
    void aGroupWithNothingOutstandingHasAParOfZero() {
        JsonNode report = portfolio("2024-12-31");

        assertThat(report.get("rows").findValuesAsText("groupId")).containsExactly(group.groupId, idle.groupId);
        JsonNode quiet = report.get("rows").get(1);
        assertThat(quiet.get("outstandingPrincipal").asLong()).isZero();
        assertThat(quiet.get("par30").decimalValue()).isEqualByComparingTo(BigDecimal.ZERO);
        // everything still owed at the end of the year is far past maturity
        assertThat(report.get("rows").get(0).get("par30").decimalValue()).isEqualByComparingTo(BigDecimal.ONE);
        assertThat(report.get("totals").get("overduePrincipal").asLong()).isEqualTo(150_000);
    }

    @Test
    void aBadDateIsRefused() {
        Api.Response response = api.get("/api/v1/reports/portfolio?asOf=2024-02-30");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.code()).isEqualTo("VALIDATION_FAILED");
        assertThat(PortfolioReport.ratio(1, 3)).isEqualByComparingTo("0.3333");
        assertThat(PortfolioReport.ratio(0, 0)).isEqualByComparingTo("0");
    }

    @Test
    void asAWorkbookAndAsCsvTheRowsAreTheJsonsRows() throws Exception {
        String path = "/api/v1/reports/portfolio?asOf=2024-03-15&province="
                + URLEncoder.encode(province, StandardCharsets.UTF_8);
        JsonNode json = portfolio("2024-03-15");
        try (Workbook book = Workbooks.get(anonymous().as("admin", ADMIN_PASSWORD), path)) {
            Sheet rows = book.getSheet("portfolio");
            Map<String, Integer> columns = Workbooks.header(rows);
            assertThat(rows.getLastRowNum()).isEqualTo(2);
            for (int i = 0; i < 2; i++) {
                Row row = rows.getRow(i + 1);
                JsonNode expected = json.get("rows").get(i);
                Workbooks.assertText(row, columns, "groupId", expected.get("groupId").asText());
                Workbooks.assertText(row, columns, "asOf", "2024-03-15");
                for (String money : java.util.List.of("outstandingPrincipal", "overduePrincipal", "par30Principal")) {
                    Workbooks.assertMoney(row, columns, money, expected);
                }
                Workbooks.assertRatio(row, columns, "par30", expected);
            }
            assertThat(rows.getRow(1).getCell(columns.get("par30")).getNumericCellValue()).isEqualTo(0.5556);
            Sheet totals = book.getSheet("totals");
            Map<String, Integer> sums = Workbooks.header(totals);
            Workbooks.assertMoney(totals.getRow(1), sums, "outstandingPrincipal", json.get("totals"));
            Workbooks.assertRatio(totals.getRow(1), sums, "par30", json.get("totals"));
        }
        Api.Response csv = anonymous().as("admin", ADMIN_PASSWORD).header("Accept", "text/csv").get(path);
        assertThat(csv.header("Content-Type")).startsWith("text/csv");
        assertThat(csv.body()).startsWith("\uFEFFprovince,district,commune,village,groupId,name,asOf,"
                + "outstandingPrincipal,overduePrincipal,par30Principal,par30\r\n");
        assertThat(csv.body()).contains("," + group.groupId + ",ភូមិ Kseth 2,2024-03-15,180000,100000,100000,0.5556\r\n");
    }
}
