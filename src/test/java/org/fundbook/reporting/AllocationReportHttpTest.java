package org.fundbook.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.fundbook.audit.Village;
import org.fundbook.security.CallerScope;
import org.fundbook.support.Api;
import org.fundbook.support.IntegrationTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The PDoWA fund allocation report over three villages of one (test-unique) province: FSF interest split by pool,
 * grants by reason, recoveries, payouts, reversals counted negatively in the month they were made.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AllocationReportHttpTest extends IntegrationTest {

    @Autowired
    AllocationReport report;

    private String province;
    private Village kseth;
    private Village thnot;
    private Village basak;

    /** Built once: every test only reads these groups. */
    @BeforeAll
    void threeVillages() {
        api = anonymous().as("admin", ADMIN_PASSWORD);
        province = Village.uniqueProvince();
        kseth = Village.register(api, "FSF", province, "Kompong Ro", "Kseth", "Kseth 1", null);
        String chan = kseth.member("Chan", "MEMBER");
        kseth.capital(1_200_000, "2024-01-02");
        String loan = kseth.lend(chan, 200_000, 1, "2024-01-10");
        kseth.repay(loan, 204_000, "2024-02-10");
        String medical = kseth.grant(500, "MEDICAL", true, "2024-02-15");
        kseth.recover(medical, 100, "2024-03-01");
        String payout = kseth.payout("PROVINCIAL_DISTRICT", 1_000, "2024-03-05").get("transactionId").asText();
        String death = kseth.grant(50, "DEATH", false, "2024-03-10");
        kseth.reverse(death, "2024-04-02");
        kseth.reverse(payout, "2024-04-03");

        thnot = Village.register(api, "FSF", province, "Kompong Ro", "Thnot", "Thnot 1", null);
        String sok = thnot.member("Sok", "MEMBER");
        thnot.capital(500_000, "2024-01-02");
        String thnotLoan = thnot.lend(sok, 100_000, 1, "2024-02-01");
        String repayment = thnot.repay(thnotLoan, 102_000, "2024-03-01").get("transactionId").asText();
        thnot.reverse(repayment, "2024-04-10");

        basak = Village.register(api, "CEDAC", province, "Svay Chrum", "Basak", "Basak 1", null);
    }

    private JsonNode json(String query) {
        Api.Response response = api.get("/api/v1/reports/allocations?" + query + "&province="
                + URLEncoder.encode(province, StandardCharsets.UTF_8));
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    @Test
    void aMonthReportsInterestAndItsSplitGrantsByReasonAndEveryVillageInThePlace() {
        JsonNode february = json("period=2024-02");

        assertThat(february.get("period").asText()).isEqualTo("2024-02");
        JsonNode rows = february.get("rows");
        assertThat(rows.findValuesAsText("groupId")).containsExactly(kseth.groupId, thnot.groupId, basak.groupId);
        JsonNode k = rows.get(0);
        assertThat(k.get("province").asText()).isEqualTo(province);
        assertThat(k.get("district").asText()).isEqualTo("Kompong Ro");
        assertThat(k.get("commune").asText()).isEqualTo("Kseth");
        assertThat(k.get("village").asText()).isEqualTo("Kseth 1");
        assertThat(k.get("interestCollected").asLong()).isEqualTo(4_000);
        assertThat(k.get("allocation").toString()).isEqualTo("{\"FUND_CAPITAL\":400,\"PREMIUM\":0,"
                + "\"EMERGENCY_FUND\":600,\"COMMITTEE_OPERATIONS\":2000,\"PROVINCIAL_DISTRICT\":1000}");
        assertThat(k.get("emergencyGrants").get("MEDICAL").asLong()).isEqualTo(500);
        assertThat(k.get("emergencyGrants").size()).isEqualTo(6);
        assertThat(k.get("payouts").get("PROVINCIAL_DISTRICT").asLong()).isZero();
        assertThat(rows.get(2).get("interestCollected").asLong()).isZero();
        assertThat(february.get("totals").get("interestCollected").asLong()).isEqualTo(4_000);
        assertThat(february.get("totals").get("emergencyGrants").get("MEDICAL").asLong()).isEqualTo(500);
        assertThat(json("period=2024-01").get("totals").get("interestCollected").asLong()).isZero();
    }

    @Test
    void aQuarterSumsItsMonthsWithSubtotalsPerProvinceDistrictAndCommune() {
        JsonNode q1 = json("period=2024-Q1");

        JsonNode k = q1.get("rows").get(0);
        assertThat(k.get("interestCollected").asLong()).isEqualTo(4_000);
        assertThat(k.get("emergencyGrants").get("MEDICAL").asLong()).isEqualTo(500);
        assertThat(k.get("emergencyGrants").get("DEATH").asLong()).isEqualTo(50);
        assertThat(k.get("grantRecoveries").asLong()).isEqualTo(100);
        assertThat(k.get("payouts").get("PROVINCIAL_DISTRICT").asLong()).isEqualTo(1_000);
        assertThat(q1.get("rows").get(1).get("interestCollected").asLong()).isEqualTo(2_000);
        JsonNode totals = q1.get("totals");
        assertThat(totals.get("interestCollected").asLong()).isEqualTo(6_000);
        assertThat(totals.get("allocation").get("COMMITTEE_OPERATIONS").asLong()).isEqualTo(3_000);
        assertThat(totals.get("allocation").get("FUND_CAPITAL").asLong()).isEqualTo(600);

        List<String> subtotals = q1.get("subtotals").findValuesAsText("level");
        assertThat(subtotals).containsExactly("PROVINCE", "DISTRICT", "DISTRICT", "COMMUNE", "COMMUNE", "COMMUNE");
        assertThat(subtotal(q1, "PROVINCE", province).get("interestCollected").asLong()).isEqualTo(6_000);
        assertThat(subtotal(q1, "DISTRICT", "Kompong Ro").get("interestCollected").asLong()).isEqualTo(6_000);
        assertThat(subtotal(q1, "DISTRICT", "Svay Chrum").get("interestCollected").asLong()).isZero();
        assertThat(subtotal(q1, "COMMUNE", "Thnot").get("interestCollected").asLong()).isEqualTo(2_000);
        assertThat(subtotal(q1, "COMMUNE", "Thnot").get("district").asText()).isEqualTo("Kompong Ro");
    }

    @Test
    void reversalsCountNegativelyInTheMonthTheyWereMadeAndLeaveTheReportedMonthAlone() {
        JsonNode april = json("period=2024-04");

        JsonNode k = april.get("rows").get(0);
        assertThat(k.get("emergencyGrants").get("DEATH").asLong()).isEqualTo(-50);
        assertThat(k.get("payouts").get("PROVINCIAL_DISTRICT").asLong()).isEqualTo(-1_000);
        JsonNode t = april.get("rows").get(1);
        assertThat(t.get("interestCollected").asLong()).isEqualTo(-2_000);
        assertThat(t.get("allocation").get("COMMITTEE_OPERATIONS").asLong()).isEqualTo(-1_000);
        assertThat(t.get("allocation").get("EMERGENCY_FUND").asLong()).isEqualTo(-300);
        assertThat(json("period=2024-Q2").get("totals")).isEqualTo(april.get("totals"));
        assertThat(json("period=2024-03").get("rows").get(1).get("interestCollected").asLong()).isEqualTo(2_000);
    }

    @Test
    void districtAndCommuneNarrowTheRows() {
        assertThat(json("period=2024-Q1&district=Svay%20Chrum").get("rows").findValuesAsText("groupId"))
                .containsExactly(basak.groupId);
        assertThat(json("period=2024-Q1&commune=Thnot").get("rows").findValuesAsText("groupId"))
                .containsExactly(thnot.groupId);
    }

    @Test
    void asCsvTheRowsComeWithAHeaderLine() throws Exception {
        Api.Response csv = api.header("Accept", "text/csv").get("/api/v1/reports/allocations?period=2024-Q1&province="
                + URLEncoder.encode(province, StandardCharsets.UTF_8));

        assertThat(csv.status()).as(csv.toString()).isEqualTo(200);
        assertThat(csv.header("Content-Type")).startsWith("text/csv");
        // a byte-order mark first, so that a spreadsheet reads the Khmer names as UTF-8
        byte[] bytes = api.getBytes("/api/v1/reports/allocations?period=2024-Q1&province="
                + URLEncoder.encode(province, StandardCharsets.UTF_8)).body();
        assertThat(bytes).startsWith((byte) 0xEF, (byte) 0xBB, (byte) 0xBF, (byte) 'p');
        assertThat(csv.body()).startsWith("\uFEFFprovince,district,");
        List<CSVRecord> records;
        try (CSVParser parser = CSVFormat.RFC4180.builder().setHeader().get()
                .parse(new java.io.StringReader(csv.body().substring(1)))) {
            assertThat(parser.getHeaderNames()).startsWith("province", "district", "commune", "village", "groupId",
                    "name", "interestCollected", "allocation.FUND_CAPITAL");
            assertThat(parser.getHeaderNames()).contains("emergencyGrants.MEDICAL", "grantRecoveries",
                    "payouts.PROVINCIAL_DISTRICT");
            records = parser.getRecords();
        }
        assertThat(records).hasSize(3);
        CSVRecord k = records.get(0);
        assertThat(k.get("groupId")).isEqualTo(kseth.groupId);
        assertThat(k.get("village")).isEqualTo("Kseth 1");
        assertThat(k.get("name")).isEqualTo("ភូមិ Kseth 1");
        assertThat(k.get("interestCollected")).isEqualTo("4000");
        assertThat(k.get("allocation.COMMITTEE_OPERATIONS")).isEqualTo("2000");
        assertThat(k.get("emergencyGrants.DEATH")).isEqualTo("50");
        assertThat(k.get("payouts.PROVINCIAL_DISTRICT")).isEqualTo("1000");
        assertThat(records.get(1).get("interestCollected")).isEqualTo("2000");
    }

    @Test
    void aBadPeriodIsRefusedAsJsonProblemEvenWhenCsvWasAskedFor() {
        for (String period : List.of("2024-13", "2024-Q5", "2024-02-01", "Q1-2024")) {
            Api.Response response = api.get("/api/v1/reports/allocations?period=" + period);
            assertThat(response.status()).as(period).isEqualTo(400);
            assertThat(response.code()).isEqualTo("VALIDATION_FAILED");
            assertThat(response.json().get("errors").findValuesAsText("field")).containsExactly("period");
        }
        assertThat(api.get("/api/v1/reports/allocations").code()).isEqualTo("VALIDATION_FAILED");
        Api.Response csv = anonymous().as("admin", ADMIN_PASSWORD).header("Accept", "text/csv")
                .get("/api/v1/reports/allocations?period=2024");
        assertThat(csv.status()).isEqualTo(400);
        assertThat(csv.header("Content-Type")).startsWith("application/problem+json");
    }

    @Test
    void onlyGroupsInTheCallersScopeHaveRows() {
        Period q1 = Period.parse("2024-Q1").orElseThrow();
        AllocationReport.Filter inProvince = new AllocationReport.Filter(province, null, null);

        AllocationReport.Report leader = report.report(q1, inProvince,
                new CallerScope(false, Set.of(UUID.fromString(thnot.groupId)), Set.of()));
        assertThat(leader.rows()).extracting(r -> r.groupId().toString()).containsExactly(thnot.groupId);
        assertThat(leader.totals().interestCollected()).isEqualTo(2_000);

        AllocationReport.Report accountant = report.report(q1, inProvince,
                new CallerScope(false, Set.of(), Set.of(province)));
        assertThat(accountant.rows()).hasSize(3);
        assertThat(report.report(q1, inProvince, new CallerScope(false, Set.of(), Set.of("Kampot"))).rows()).isEmpty();
    }

    @Test
    void anAccountantSeesTheRowsOfTheirProvincesAndALeaderThoseOfTheirGroup() {
        String password = "accountant-password-1";
        String accountant = "pdowa-" + thnot.groupId.substring(0, 8);
        assertThat(api.post("/api/v1/users", Api.body("username", accountant, "password", password,
                "role", "ACCOUNTANT", "provinces", List.of(province))).status()).isEqualTo(201);
        String leader = "leader-" + thnot.groupId.substring(0, 8);
        assertThat(api.post("/api/v1/users", Api.body("username", leader, "password", password,
                "role", "LEADER", "groups", List.of(thnot.groupId))).status()).isEqualTo(201);

        JsonNode seen = anonymous().as(accountant, password).get("/api/v1/reports/allocations?period=2024-Q1").json();
        assertThat(seen.get("rows").findValuesAsText("groupId"))
                .containsExactly(kseth.groupId, thnot.groupId, basak.groupId);
        JsonNode own = anonymous().as(leader, password).get("/api/v1/reports/allocations?period=2024-Q1").json();
        assertThat(own.get("rows").findValuesAsText("groupId")).containsExactly(thnot.groupId);
        assertThat(own.get("totals").get("interestCollected").asLong()).isEqualTo(2_000);
        JsonNode portfolio = anonymous().as(leader, password).get("/api/v1/reports/portfolio?asOf=2024-03-15").json();
        assertThat(portfolio.get("rows").findValuesAsText("groupId")).containsExactly(thnot.groupId);
    }

    private static JsonNode subtotal(JsonNode report, String level, String name) {
        for (JsonNode s : report.get("subtotals")) {
            String field = switch (level) {
                case "PROVINCE" -> "province";
                case "DISTRICT" -> "district";
                default -> "commune";
            };
            if (s.get("level").asText().equals(level) && s.get(field).asText().equals(name)) {
                return s;
            }
        }
        throw new AssertionError("no " + level + " subtotal " + name);
    }

    /** The figure a column names in a JSON row: {@code allocation.FUND_CAPITAL} is {@code allocation} → key. */
    private static JsonNode figure(JsonNode row, String column) {
        int dot = column.indexOf('.');
        return dot < 0 ? row.get(column) : row.get(column.substring(0, dot)).get(column.substring(dot + 1));
    }

    @Test
    void asAWorkbookEveryFigureIsANumberAndTheSubtotalsAndTotalsHaveASheet() throws Exception {
        JsonNode q1 = json("period=2024-Q1");
        try (Workbook book = Workbooks.get(anonymous().as("admin", ADMIN_PASSWORD),
                "/api/v1/reports/allocations?period=2024-Q1&province=" + URLEncoder.encode(province, StandardCharsets.UTF_8))) {
            Sheet rows = book.getSheet("allocations");
            List<String> header = Workbooks.headerNames(rows);
            Map<String, Integer> columns = Workbooks.header(rows);
            assertThat(header).startsWith("province", "district", "commune", "village", "groupId", "name",
                    "interestCollected", "allocation.FUND_CAPITAL");
            assertThat(rows.getLastRowNum()).isEqualTo(3);
            int figures = 0;
            for (int i = 0; i < 3; i++) {
                Row row = rows.getRow(i + 1);
                JsonNode expected = q1.get("rows").get(i);
                Workbooks.assertText(row, columns, "groupId", expected.get("groupId").asText());
                Workbooks.assertText(row, columns, "name", expected.get("name").asText());
                for (String column : header.subList(6, header.size())) {
                    ObjectNode one = JsonNodeFactory.instance.objectNode();
                    one.set(column, figure(expected, column));
                    Workbooks.assertMoney(row, columns, column, one);
                    figures++;
                }
            }
            assertThat(figures).isEqualTo(3 * (1 + 5 + 6 + 1 + 5));
            Sheet totals = book.getSheet("totals");
            Map<String, Integer> sums = Workbooks.header(totals);
            Row total = totals.getRow(totals.getLastRowNum());
            Workbooks.assertText(total, sums, "level", "TOTAL");
            assertThat(total.getCell(sums.get("interestCollected")).getNumericCellValue()).isEqualTo(6_000);
            assertThat(total.getCell(sums.get("allocation.COMMITTEE_OPERATIONS")).getNumericCellValue())
                    .isEqualTo(3_000);
            assertThat(totals.getLastRowNum()).isEqualTo(q1.get("subtotals").size() + 1);
        }
    }
}
