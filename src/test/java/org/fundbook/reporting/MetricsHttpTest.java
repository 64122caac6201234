package org.fundbook.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.io.StringReader;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
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
 * The group performance metrics (domain spec section 10) of two scripted groups, every figure worked out by hand
 * below. Both groups are registered on 2024-01-01 in a province of their own; "A" in Kompong Ro / Kseth, "B" in
 * Svay Chrum / Basak.
 *
 * <pre>
 * Group A: CEDAC, interest shared PREMIUM 50% / EMERGENCY_FUND 50%; DECLINING interest.
 *   people: Ana F MEMBER poorest, Bopha F MEMBER, Chan M MEMBER poorest (all joined 2024-01-01),
 *           Nita F NON_MEMBER (borrows at the non-member rate, 400 bp), Dara M MEMBER joined 2024-04-10.
 *   value date  transaction                                         cash        savings
 *   2024-01-05  capital 500,000                                     +500,000
 *   2024-01-10  Ana saves 100,000; Bopha saves 50,000               +150,000    +150,000
 *   2024-01-15  loan to Chan 100,000, 2 months (matures 03-15)      -100,000
 *   2024-01-20  loan to Nita 60,000, 1 month (matures 02-20)        -60,000
 *   2024-02-10  meeting (Ana, Bopha, Chan, Nita present):
 *               Chan saves 30,000                                   +30,000     +30,000
 *   2024-02-15  Chan repays 52,000: month 1 interest 2% of 100,000
 *               = 2,000 (1,000 PREMIUM, 1,000 EF), principal 50,000  +52,000
 *   2024-02-20  Nita repays 12,400: month 1 interest 4% of 60,000
 *               = 2,400 (1,200 + 1,200), principal 10,000            +12,400
 *   2024-03-01  grant MEDICAL 1,500, recoverable                    -1,500
 *   2024-03-05  grant DEATH 400, not recoverable                    -400
 *   2024-03-06  grant OTHER 300, recoverable                        -300
 *   2024-03-08  that grant reversed                                 +300
 *   2024-03-10  meeting (Ana, Chan present): Ana saves 20,000;     +20,000     +20,000
 *               loan to Ana 50,000, 12 months; cash count of        -50,000
 *               552,500 (as expected: discrepancy 0)
 *   2024-03-15  Bopha withdraws 10,000                              -10,000     -10,000
 *   2024-03-20  600 recovered on the MEDICAL grant                  +600
 *   2024-03-25  cash count 542,100, expected 543,100: discrepancy -1,000
 *   2024-04-05  cash count 543,600, expected 543,100: discrepancy +500       (after asOf)
 *   2024-04-10  meeting (Ana, Dara present): Dara joins, saves 5,000         (after asOf)
 *
 * A as of 2024-03-31, window 2024-02-01..2024-03-31 (60 days: February 2024 has 29):
 *   members 3 (Ana, Bopha, Chan; Nita is not a member, Dara joined later), women 2, poorest 2
 *   cash 500,000 + 150,000 - 160,000 + 30,000 + 64,400 - 1,900 + 20,000 - 50,000 - 10,000 + 600 = 543,100
 *   memberSavings 120,000 + 40,000 + 30,000 = 190,000; savingsPerMember 190,000 / 3 = 63,333.3 -> 63,333
 *   loans outstanding: Chan 50,000 (16 days past maturity), Nita 50,000 (40 days: at risk), Ana 50,000
 *     loansOutstanding 3, loanPrincipalOutstanding 150,000, averageLoanOutstanding 50,000
 *     borrowerShare 3 borrowers / 3 members = 1; par30 50,000 / 150,000 = 0.3333
 *     loanFundUtilization 150,000 / (543,100 + 150,000) = 0.21642 -> 0.2164
 *   interestCollected 2,000 + 2,400 = 4,400
 *   savingsRielDays: 150,000 x 9 (02-01..02-09) + 180,000 x 29 (02-10..03-09) + 200,000 x 5 (03-10..03-14)
 *     + 190,000 x 17 (03-15..03-31) = 1,350,000 + 5,220,000 + 1,000,000 + 3,230,000 = 10,800,000
 *   annualizedReturnOnSavings 4,400 x 365 / 10,800,000 = 1,606,000 / 10,800,000 = 0.14870 -> 0.1487
 *   emergencyGrants 1,500 + 400 + 300 - 300 = 1,900
 *   grantRecoveryRate 600 recovered / (1,500 + 300 - 300) granted recoverable = 0.4
 *   meetings 2; attendances 3 (Nita is not a member) + 2 = 5; attendanceRate 5 / (2 x 3) = 0.8333
 *   cashDiscrepancy -1,000 (the count of 03-25; the one of 04-05 is after asOf)
 *
 * Group B: FSF (FLAT interest, split 50/25/15/10).
 *   people: Sok F MEMBER poorest, Vanna M MEMBER.
 *   2024-01-02 capital 200,000; 2024-01-05 Sok saves 40,000, Vanna 20,000;
 *   2024-02-01 loan to Sok 100,000, 1 month; 2024-03-01 Sok repays 102,000 (2,000 interest): repaid;
 *   2024-03-05 meeting, Sok present; no cash count.
 * B as of 2024-03-31, window 2024-02-01..2024-03-31:
 *   members 2, women 1, poorest 1; cash 200,000 + 60,000 - 100,000 + 102,000 = 262,000; savings 60,000;
 *   savingsPerMember 30,000; no loan outstanding: all loan figures 0; interest 2,000;
 *   savingsRielDays 60,000 x 60 = 3,600,000; return 2,000 x 365 / 3,600,000 = 0.20278 -> 0.2028;
 *   meetings 1, attendances 1, attendanceRate 1 / (1 x 2) = 0.5; discrepancy 0.
 *
 * Totals A + B (sums, ratios divided again from the sums):
 *   members 5, women 3, poorest 3, savings 250,000, per member 50,000; loans 3, principal 150,000,
 *   borrowerShare 3 / 5 = 0.6, average 50,000, utilization 150,000 / (805,100 + 150,000) = 0.157052 -> 0.1571,
 *   par30 0.3333; interest 6,400; riel-days 14,400,000; return 6,400 x 365 / 14,400,000 = 0.16222 -> 0.1622
 *   (the mean of the two groups' returns would be 0.1758); grants 1,900; recovery 0.4; meetings 3;
 *   attendanceRate (5 + 1) / (6 + 2) = 0.75; discrepancy -1,000.
 * </pre>
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MetricsHttpTest extends IntegrationTest {

    private String province;
    private Village a;
    private Village b;

    /** Built once: every test only reads these groups. */
    @BeforeAll
    void twoGroups() {
        api = anonymous().as("admin", ADMIN_PASSWORD);
        province = Village.uniqueProvince();
        a = Village.register(api, "CEDAC", province, "Kompong Ro", "Kseth", "Kseth 3",
                Map.of("interestAllocation", Map.of("PREMIUM", 5000, "EMERGENCY_FUND", 5000)));
        String ana = person(a, "Ana", "F", "MEMBER", true);
        String bopha = person(a, "Bopha", "F", "MEMBER", false);
        String chan = person(a, "Chan", "M", "MEMBER", true);
        String nita = person(a, "Nita", "F", "NON_MEMBER", false);
        a.capital(500_000, "2024-01-05");
        a.contribute(ana, 100_000, "2024-01-10");
        a.contribute(bopha, 50_000, "2024-01-10");
        String chanLoan = a.lend(chan, 100_000, 2, "2024-01-15");
        String nitaLoan = a.lend(nita, 60_000, 1, "2024-01-20");
        meeting(a, "2024-02-10", List.of(ana, bopha, chan, nita),
                entry("CONTRIBUTION", "memberId", chan, "amount", 30_000));
        assertThat(a.repay(chanLoan, 52_000, "2024-02-15").get("interestPart").asLong()).isEqualTo(2_000);
        assertThat(a.repay(nitaLoan, 12_400, "2024-02-20").get("interestPart").asLong()).isEqualTo(2_400);
        String medical = a.grant(1_500, "MEDICAL", true, "2024-03-01");
        a.grant(400, "DEATH", false, "2024-03-05");
        String other = a.grant(300, "OTHER", true, "2024-03-06");
        a.reverse(other, "2024-03-08");
        JsonNode second = meeting(a, "2024-03-10", List.of(ana, chan),
                entry("CONTRIBUTION", "memberId", ana, "amount", 20_000),
                entry("LOAN", "borrowerId", ana, "principal", 50_000, "termMonths", 12),
                entry("CASH_COUNT", "countedCash", 552_500));
        assertThat(second.get("results").get(2).get("body").get("discrepancy").asLong()).isZero();
        a.withdraw(bopha, 10_000, "2024-03-15");
        a.recover(medical, 600, "2024-03-20");
        assertThat(a.countCash(542_100, "2024-03-25").get("discrepancy").asLong()).isEqualTo(-1_000);
        assertThat(a.countCash(543_600, "2024-04-05").get("discrepancy").asLong()).isEqualTo(500);
        String dara = Api.id();
        meeting(a, "2024-04-10", List.of(ana, dara),
                entry("MEMBER", "transactionId", dara, "name", "Dara", "sex", "M", "membership", "MEMBER"),
                entry("CONTRIBUTION", "memberId", dara, "amount", 5_000));

        b = Village.register(api, "FSF", province, "Svay Chrum", "Basak", "Basak 3", null);
        String sok = person(b, "Sok", "F", "MEMBER", true);
        String vanna = person(b, "Vanna", "M", "MEMBER", false);
        b.capital(200_000, "2024-01-02");
        b.contribute(sok, 40_000, "2024-01-05");
        b.contribute(vanna, 20_000, "2024-01-05");
        String sokLoan = b.lend(sok, 100_000, 1, "2024-02-01");
        b.repay(sokLoan, 102_000, "2024-03-01");
        meeting(b, "2024-03-05", List.of(sok));
    }

    private String person(Village group, String name, String sex, String membership, boolean poorest) {
        Api.Response created = api.post(group.path("/members"), Api.body("transactionId", Api.id(), "name", name,
                "sex", sex, "membership", membership, "joinedOn", "2024-01-01", "poorestFamily", poorest));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("memberId").asText();
    }

    private static Map<String, Object> entry(String type, Object... fields) {
        Map<String, Object> entry = Api.body("type", type, "transactionId", Api.id());
        entry.putAll(Api.body(fields));
        return entry;
    }

    @SafeVarargs
    private JsonNode meeting(Village group, String heldOn, List<String> present, Map<String, Object>... entries) {
        Api.Response answer = api.post(group.path("/meetings"), Api.body("meetingId", Api.id(), "heldOn", heldOn,
                "attendance", present, "entries", List.of(entries)));
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        for (JsonNode result : answer.json().get("results")) {
            assertThat(result.get("status").asInt()).as(result.toString()).isEqualTo(201);
        }
        return answer.json();
    }

    private JsonNode groupMetrics(Village group, String query) {
        Api.Response response = api.get(group.path("/metrics?" + query));
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    private JsonNode report(String query) {
        Api.Response response = api.get("/api/v1/reports/metrics?" + query + "&province="
                + URLEncoder.encode(province, StandardCharsets.UTF_8));
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    private static void assertRatio(JsonNode metrics, String field, String expected) {
        assertThat(metrics.get(field).isNumber()).as(field).isTrue();
        assertThat(metrics.get(field).decimalValue()).as(field).isEqualByComparingTo(new BigDecimal(expected));
    }

    private static void assertLong(JsonNode metrics, String field, long expected) {
        assertThat(metrics.get(field).isIntegralNumber()).as(field).isTrue();
        assertThat(metrics.get(field).asLong()).as(field).isEqualTo(expected);
    }

    @Test
    void aScriptedGroupsMetricsAreThoseWorkedOutByHand() {
        JsonNode m = groupMetrics(a, "from=2024-02-01&asOf=2024-03-31");

        assertThat(m.get("groupId").asText()).isEqualTo(a.groupId);
        assertThat(m.get("from").asText()).isEqualTo("2024-02-01");
        assertThat(m.get("asOf").asText()).isEqualTo("2024-03-31");
        assertLong(m, "members", 3);
        assertLong(m, "women", 2);
        assertLong(m, "poorest", 2);
        assertLong(m, "memberSavings", 190_000);
        assertLong(m, "savingsPerMember", 63_333);
        assertLong(m, "loansOutstanding", 3);
        assertLong(m, "loanPrincipalOutstanding", 150_000);
        assertRatio(m, "borrowerShare", "1");
        assertLong(m, "averageLoanOutstanding", 50_000);
        assertLong(m, "cash", 543_100);
        assertRatio(m, "loanFundUtilization", "0.2164");
        assertRatio(m, "par30", "0.3333");
        assertLong(m, "interestCollected", 4_400);
        assertLong(m, "savingsRielDays", 10_800_000);
        assertRatio(m, "annualizedReturnOnSavings", "0.1487");
        assertLong(m, "emergencyGrants", 1_900);
        assertRatio(m, "grantRecoveryRate", "0.4");
        assertLong(m, "meetings", 2);
        assertLong(m, "attendances", 5);
        assertRatio(m, "attendanceRate", "0.8333");
        assertLong(m, "cashDiscrepancy", -1_000);
    }

    @Test
    void theWindowDecidesTheFlowsAndAsOfTheBalances() {
        // from the open period's start (the registration, 2024-01-01) to 03-31, 91 days: the savings deltas by value
        // date times the days left from each: 150,000 x 82 (01-10..03-31) + 30,000 x 51 (02-10..) + 20,000 x 22
        // (03-10..) - 10,000 x 17 (03-15..) = 14,100,000; return 4,400 x 365 / 14,100,000 = 0.11390 -> 0.1139
        JsonNode period = groupMetrics(a, "asOf=2024-03-31");
        assertThat(period.get("from").asText()).isEqualTo("2024-01-01");
        assertLong(period, "savingsRielDays", 14_100_000);
        assertRatio(period, "annualizedReturnOnSavings", "0.1139");
        assertLong(period, "meetings", 2);

        // March alone: no interest; one meeting, 2 of 3 members present; 180,000 x 31 + 20,000 x 22 - 10,000 x 17
        JsonNode march = groupMetrics(a, "from=2024-03-01&asOf=2024-03-31");
        assertLong(march, "interestCollected", 0);
        assertRatio(march, "annualizedReturnOnSavings", "0");
        assertLong(march, "savingsRielDays", 5_850_000);
        assertLong(march, "meetings", 1);
        assertRatio(march, "attendanceRate", "0.6667");
        assertLong(march, "emergencyGrants", 1_900);

        // as of the end of April: Dara is a member (4), saved 5,000, attended; the count of 04-05 is the last
        JsonNode april = groupMetrics(a, "from=2024-04-01&asOf=2024-04-30");
        assertLong(april, "members", 4);
        assertLong(april, "memberSavings", 195_000);
        assertLong(april, "meetings", 1);
        assertRatio(april, "attendanceRate", "0.5");
        assertLong(april, "cashDiscrepancy", 500);
        assertLong(april, "emergencyGrants", 0);
        assertRatio(april, "grantRecoveryRate", "0.4");

        // before the first count and the first grant
        JsonNode january = groupMetrics(a, "asOf=2024-01-31");
        assertLong(january, "cashDiscrepancy", 0);
        assertRatio(january, "grantRecoveryRate", "0");
        assertLong(january, "loanPrincipalOutstanding", 160_000);
    }

    @Test
    void theReportHasARowPerGroupAndTotalsRecomputedFromTheSums() {
        JsonNode report = report("from=2024-02-01&asOf=2024-03-31");

        assertThat(report.get("from").asText()).isEqualTo("2024-02-01");
        assertThat(report.get("asOf").asText()).isEqualTo("2024-03-31");
        assertThat(report.get("rows").findValuesAsText("groupId")).containsExactly(a.groupId, b.groupId);
        JsonNode rowA = report.get("rows").get(0);
        assertThat(rowA.get("village").asText()).isEqualTo("Kseth 3");
        assertThat(rowA.get("commune").asText()).isEqualTo("Kseth");
        assertRatio(rowA, "annualizedReturnOnSavings", "0.1487");
        assertThat(rowA.get("from").asText()).isEqualTo("2024-02-01");

        JsonNode rowB = report.get("rows").get(1);
        assertLong(rowB, "members", 2);
        assertLong(rowB, "cash", 262_000);
        assertLong(rowB, "memberSavings", 60_000);
        assertLong(rowB, "savingsPerMember", 30_000);
        assertLong(rowB, "loansOutstanding", 0);
        assertRatio(rowB, "loanFundUtilization", "0");
        assertRatio(rowB, "par30", "0");
        assertLong(rowB, "averageLoanOutstanding", 0);
        assertLong(rowB, "interestCollected", 2_000);
        assertLong(rowB, "savingsRielDays", 3_600_000);
        assertRatio(rowB, "annualizedReturnOnSavings", "0.2028");
        assertRatio(rowB, "attendanceRate", "0.5");
        assertRatio(rowB, "grantRecoveryRate", "0");
        assertLong(rowB, "cashDiscrepancy", 0);

        JsonNode t = report.get("totals");
        assertLong(t, "members", 5);
        assertLong(t, "women", 3);
        assertLong(t, "poorest", 3);
        assertLong(t, "memberSavings", 250_000);
        assertLong(t, "savingsPerMember", 50_000);
        assertLong(t, "loansOutstanding", 3);
        assertLong(t, "loanPrincipalOutstanding", 150_000);
        assertRatio(t, "borrowerShare", "0.6");
        assertLong(t, "averageLoanOutstanding", 50_000);
        assertRatio(t, "loanFundUtilization", "0.1571");
        assertRatio(t, "par30", "0.3333");
        assertLong(t, "interestCollected", 6_400);
        assertLong(t, "savingsRielDays", 14_400_000);
        assertRatio(t, "annualizedReturnOnSavings", "0.1622");
        assertLong(t, "emergencyGrants", 1_900);
        assertRatio(t, "grantRecoveryRate", "0.4");
        assertLong(t, "meetings", 3);
        assertLong(t, "memberMeetings", 8);
        assertRatio(t, "attendanceRate", "0.75");
        assertLong(t, "cashDiscrepancy", -1_000);

        assertThat(report.get("subtotals").findValuesAsText("level"))
                .containsExactly("PROVINCE", "DISTRICT", "DISTRICT", "COMMUNE", "COMMUNE");
        JsonNode whole = report.get("subtotals").get(0);
        assertThat(whole.get("province").asText()).isEqualTo(province);
        assertThat(whole.get("district").isNull()).isTrue();
        assertLong(whole, "groups", 2);
        assertRatio(whole, "annualizedReturnOnSavings", "0.1622");
        JsonNode basak = report.get("subtotals").get(4);
        assertThat(basak.get("commune").asText()).isEqualTo("Basak");
        assertRatio(basak, "annualizedReturnOnSavings", "0.2028");
    }

    @Test
    void eachGroupsWindowStartsWithItsOwnOpenPeriodWhenNoFromIsGiven() {
        JsonNode report = report("asOf=2024-03-31");
        assertThat(report.get("from").isNull()).isTrue();
        assertThat(report.get("rows").get(0).get("from").asText()).isEqualTo("2024-01-01");
        assertLong(report.get("rows").get(0), "savingsRielDays", 14_100_000);
        assertThat(report("asOf=2023-12-31").get("rows")).isEmpty();
        assertThat(report("from=2024-02-01&asOf=2024-03-31&district=Svay%20Chrum").get("rows")
                .findValuesAsText("groupId")).containsExactly(b.groupId);
        assertThat(report("from=2024-02-01&asOf=2024-03-31&commune=Kseth").get("rows")
                .findValuesAsText("groupId")).containsExactly(a.groupId);
    }

    @Test
    void badWindowsAreRefusedAndUnknownGroupsAreNotFound() {
        Api.Response backwards = api.get(a.path("/metrics?from=2024-04-01&asOf=2024-03-31"));
        assertThat(backwards.status()).isEqualTo(400);
        assertThat(backwards.json().get("errors").findValuesAsText("field")).containsExactly("from");
        Api.Response badDate = api.get("/api/v1/reports/metrics?asOf=2024-02-30");
        assertThat(badDate.status()).isEqualTo(400);
        assertThat(badDate.code()).isEqualTo("VALIDATION_FAILED");
        Api.Response asWorkbook = anonymous().as("admin", ADMIN_PASSWORD).header("Accept", Workbooks.XLSX)
                .get("/api/v1/reports/metrics?from=2024-03-01&asOf=2024-02-01");
        assertThat(asWorkbook.status()).isEqualTo(400);
        assertThat(asWorkbook.header("Content-Type")).startsWith("application/problem+json");
        Api.Response unknown = api.get("/api/v1/groups/" + Api.id() + "/metrics");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.code()).isEqualTo("GROUP_NOT_FOUND");
    }

    @Test
    void leadersSeeTheirGroupAccountantsTheirProvinceAndCashiersNothing() {
        String password = "metrics-password-1";
        String suffix = a.groupId.substring(0, 8);
        createUser("m-leader-" + suffix, password, "LEADER", List.of(b.groupId), null);
        createUser("m-accountant-" + suffix, password, "ACCOUNTANT", null, List.of(province));
        createUser("m-cashier-" + suffix, password, "CASHIER", List.of(a.groupId), null);

        Api leader = anonymous().as("m-leader-" + suffix, password);
        assertThat(leader.get(b.path("/metrics")).status()).isEqualTo(200);
        assertThat(leader.get(a.path("/metrics")).status()).isEqualTo(403);
        assertThat(leader.get("/api/v1/reports/metrics?asOf=2024-03-31").json().get("rows")
                .findValuesAsText("groupId")).containsExactly(b.groupId);
        Api accountant = anonymous().as("m-accountant-" + suffix, password);
        assertThat(accountant.get(a.path("/metrics")).status()).isEqualTo(200);
        assertThat(accountant.get("/api/v1/reports/metrics?asOf=2024-03-31").json().get("rows")
                .findValuesAsText("groupId")).containsExactly(a.groupId, b.groupId);
        Api cashier = anonymous().as("m-cashier-" + suffix, password);
        assertThat(cashier.get(a.path("/metrics")).status()).isEqualTo(403);
        assertThat(cashier.get("/api/v1/reports/metrics").status()).isEqualTo(403);
    }

    private String reportPath(String query) {
        return "/api/v1/reports/metrics?" + query + "&province=" + URLEncoder.encode(province, StandardCharsets.UTF_8);
    }

    private static final java.util.Set<String> RATIOS = java.util.Set.of("borrowerShare", "loanFundUtilization",
            "par30", "annualizedReturnOnSavings", "grantRecoveryRate", "attendanceRate");

    /** Every figure column of the sheet's row against the same field of the JSON: whole numbers, or ratios. */
    private static void assertFigures(Sheet sheet, Row row, JsonNode json) {
        Map<String, Integer> columns = Workbooks.header(sheet);
        int figures = 0;
        for (String column : Workbooks.headerNames(sheet)) {
            JsonNode value = json.get(column);
            if (value == null || !value.isNumber() || column.equals("groups")) {
                continue;
            }
            figures++;
            if (RATIOS.contains(column)) {
                Workbooks.assertRatio(row, columns, column, json);
            } else {
                Workbooks.assertMoney(row, columns, column, json);
            }
        }
        assertThat(figures).isEqualTo(26);
    }

    @Test
    void asAWorkbookTheRowsAndTotalsAreTheJsonsWithMoneyAsNumbersAndRatiosAsPercentages() throws Exception {
        JsonNode json = report("from=2024-02-01&asOf=2024-03-31");
        try (Workbook book = Workbooks.get(anonymous().as("admin", ADMIN_PASSWORD),
                reportPath("from=2024-02-01&asOf=2024-03-31"))) {
            Sheet rows = book.getSheet("metrics");
            assertThat(Workbooks.headerNames(rows)).startsWith("province", "district", "commune", "village", "groupId",
                    "name", "from", "asOf", "members", "women", "poorest", "memberSavings", "savingsPerMember");
            assertThat(rows.getLastRowNum()).isEqualTo(2);
            Map<String, Integer> columns = Workbooks.header(rows);
            for (int i = 0; i < 2; i++) {
                Row row = rows.getRow(i + 1);
                JsonNode expected = json.get("rows").get(i);
                Workbooks.assertText(row, columns, "groupId", expected.get("groupId").asText());
                Workbooks.assertText(row, columns, "village", expected.get("village").asText());
                Workbooks.assertText(row, columns, "from", "2024-02-01");
                assertFigures(rows, row, expected);
            }
            // the ratio that tells 0.1487 from 14.87: a fraction, shown as a percentage
            assertThat(rows.getRow(1).getCell(columns.get("annualizedReturnOnSavings")).getNumericCellValue())
                    .isEqualTo(0.1487);

            Sheet totals = book.getSheet("totals");
            Map<String, Integer> sums = Workbooks.header(totals);
            assertThat(totals.getLastRowNum()).isEqualTo(6); // province, 2 districts, 2 communes, the total
            Row total = totals.getRow(6);
            Workbooks.assertText(total, sums, "level", "TOTAL");
            assertFigures(totals, total, json.get("totals"));
            Workbooks.assertText(totals.getRow(1), sums, "level", "PROVINCE");
            assertFigures(totals, totals.getRow(1), json.get("subtotals").get(0));
            Workbooks.assertMoney(totals.getRow(1), sums, "groups", json.get("subtotals").get(0));
        }
    }

    @Test
    void asCsvTheRowsStartWithAByteOrderMarkAndAHeaderLine() throws Exception {
        Api csvApi = anonymous().as("admin", ADMIN_PASSWORD).header("Accept", "text/csv");
        byte[] bytes = csvApi.getBytes(reportPath("from=2024-02-01&asOf=2024-03-31")).body();
        assertThat(bytes).startsWith((byte) 0xEF, (byte) 0xBB, (byte) 0xBF);
        String text = new String(bytes, StandardCharsets.UTF_8).substring(1);
        List<CSVRecord> records;
        try (CSVParser parser = CSVFormat.RFC4180.builder().setHeader().get().parse(new StringReader(text))) {
            assertThat(parser.getHeaderNames()).startsWith("province", "district", "commune", "village", "groupId",
                    "name", "from", "asOf", "members");
            records = parser.getRecords();
        }
        assertThat(records).hasSize(2);
        assertThat(records.get(0).get("groupId")).isEqualTo(a.groupId);
        assertThat(records.get(0).get("name")).isEqualTo("ភូមិ Kseth 3");
        assertThat(records.get(0).get("savingsPerMember")).isEqualTo("63333");
        assertThat(records.get(0).get("annualizedReturnOnSavings")).isEqualTo("0.1487");
        assertThat(records.get(1).get("attendanceRate")).isEqualTo("0.5");
    }
}
