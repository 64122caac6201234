package org.fundbook.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.fundbook.support.Api;
import org.fundbook.support.IntegrationTest;
import org.junit.jupiter.api.Test;

/** Balances as of a date and as known at a time, the journal, the trial balance and the trail, over HTTP. */
class AuditHttpTest extends IntegrationTest {

    /** Every kind of money movement, a reversal, a back-dated write and a closing with reinvested premiums. */
    private Village variedCedacGroup() {
        Village group = Village.register(api, "CEDAC");
        String saver = group.member("Saver", "MEMBER");
        String other = group.member("Other saver", "MEMBER");
        String outsider = group.member("Outsider", "NON_MEMBER");
        group.capital(500_000, "2024-01-02");
        group.contribute(saver, 10_000, "2024-01-03");
        group.contribute(other, 5_000, "2024-01-04");
        String loan = group.lend(outsider, 100_000, 2, "2024-01-05");
        group.repay(loan, 54_000, "2024-02-05");
        group.repay(loan, 52_000, "2024-03-05");
        String mistake = group.contribute(other, 7_000, "2024-03-06").get("transactionId").asText();
        group.reverse(mistake, "2024-03-07");
        group.withdraw(other, 1_000, "2024-03-08");
        group.countCash(600_000, "2024-03-09");
        group.startClosing("2024-07-01");
        group.confirmClosing(0, "REINVEST");
        group.contribute(saver, 3_000, "2024-07-02");
        return group;
    }

    @Test
    void balancesAsOfTodayAsKnownNowAreTheGroupsOwnBalances() {
        Village group = variedCedacGroup();

        JsonNode answer = group.get("/balances");

        assertThat(answer.get("balances")).isEqualTo(group.group().get("balances"));
        assertThat(answer.get("asOf").asText()).isNotBlank();
        assertThat(Instant.parse(answer.get("knownAt").asText())).isBeforeOrEqualTo(Instant.now());
        assertThat(answer.get("balances").get("pools").size()).isEqualTo(5);
        assertThat(answer.get("balances").get("pools").get("PREMIUM").asLong()).isZero();
        assertThat(answer.get("balances").get("memberSavings").asLong()).isGreaterThan(17_000);
    }

    @Test
    void balancesAsOfADateCountOnlyWhatHappenedByThatDateWhenEverRecorded() {
        Village group = Village.register(api, "FSF");
        String member = group.member("Sok", "MEMBER");
        group.contribute(member, 2_000, "2024-01-05");
        group.contribute(member, 3_000, "2024-03-01");
        group.contribute(member, 4_000, "2024-02-01"); // recorded later, dated earlier

        assertThat(group.get("/balances?asOf=2024-01-04").get("balances").get("cash").asLong()).isZero();
        assertThat(group.get("/balances?asOf=2024-01-05").get("balances").get("memberSavings").asLong())
                .isEqualTo(2_000);
        JsonNode february = group.get("/balances?asOf=2024-02-29");
        assertThat(february.get("asOf").asText()).isEqualTo("2024-02-29");
        assertThat(february.get("balances").get("cash").asLong()).isEqualTo(6_000);
        assertThat(february.get("balances").get("lendableCash").asLong()).isEqualTo(6_000);
    }

    @Test
    void balancesAsKnownAtATimeLeaveOutWhatWasRecordedAfterIt() throws InterruptedException {
        Village group = Village.register(api, "FSF");
        String member = group.member("Sok", "MEMBER");
        group.contribute(member, 2_000, "2024-03-01");
        Thread.sleep(5);
        Instant between = Instant.now();
        Thread.sleep(5);
        group.contribute(member, 4_000, "2024-02-01"); // back-dated: it was not known at "between"

        JsonNode known = group.get("/balances?asOf=2024-12-31&knownAt=" + between);
        assertThat(known.get("knownAt").asText()).isEqualTo(between.toString());
        assertThat(known.get("balances").get("memberSavings").asLong()).isEqualTo(2_000);
        assertThat(group.get("/balances?asOf=2024-12-31").get("balances").get("memberSavings").asLong())
                .isEqualTo(6_000);
        assertThat(group.get("/balances?asOf=2024-02-15&knownAt=" + between).get("balances").get("cash").asLong())
                .isZero();
        // an offset is accepted too: the same instant, written in Phnom Penh time
        String phnomPenh = between.atOffset(java.time.ZoneOffset.ofHours(7)).toString();
        assertThat(group.get("/balances?asOf=2024-12-31&knownAt=" + phnomPenh.replace("+", "%2B"))
                .get("balances").get("memberSavings").asLong()).isEqualTo(2_000);
    }

    @Test
    void theJournalHasOneBalancedEntryPerMoneyTransactionAndItsBalancesAreTheGroups() {
        Village group = variedCedacGroup();

        JsonNode journal = group.get("/journal");

        Map<String, Long> net = new HashMap<>();
        List<String> kinds = new ArrayList<>();
        for (JsonNode entry : journal) {
            long debit = 0;
            long credit = 0;
            for (JsonNode line : entry.get("lines")) {
                assertThat(line.get("debit").asLong() == 0 ^ line.get("credit").asLong() == 0).isTrue();
                debit += line.get("debit").asLong();
                credit += line.get("credit").asLong();
                net.merge(line.get("account").asText(), line.get("debit").asLong() - line.get("credit").asLong(),
                        Long::sum);
            }
            assertThat(debit).as("entry %s", entry).isEqualTo(credit).isPositive();
            assertThat(entry.get("transactionId").asText()).isNotBlank();
            assertThat(entry.get("recordedAt").asText()).isNotBlank();
            kinds.add(entry.get("kind").asText());
        }
        // capital, 3 contributions, loan, 2 repayments, reversal, withdrawal, premiums, 1 contribution; no cash count
        assertThat(kinds).containsExactly("CAPITAL", "CONTRIBUTION", "CONTRIBUTION", "LOAN_DISBURSEMENT",
                "REPAYMENT", "REPAYMENT", "CONTRIBUTION", "REVERSAL", "WITHDRAWAL", "CLOSING", "CONTRIBUTION");
        JsonNode balances = group.group().get("balances");
        assertThat(net.get("CASH")).isEqualTo(balances.get("cash").asLong());
        assertThat(net.get("LOANS_RECEIVABLE")).isEqualTo(balances.get("loanPrincipalOutstanding").asLong());
        assertThat(-net.get("MEMBER_SAVINGS")).isEqualTo(balances.get("memberSavings").asLong());
        assertThat(-net.getOrDefault("POOL_PREMIUM", 0L)).isEqualTo(balances.get("pools").get("PREMIUM").asLong());
        assertThat(-net.get("POOL_FUND_CAPITAL")).isEqualTo(balances.get("pools").get("FUND_CAPITAL").asLong());
    }

    @Test
    void theJournalOfAPeriodHoldsTheEntriesDatedInIt() {
        Village group = Village.register(api, "FSF");
        String member = group.member("Sok", "MEMBER");
        group.capital(1_200_000, "2024-01-02");
        String loan = group.lend(member, 200_000, 1, "2024-01-10");
        group.repay(loan, 204_000, "2024-02-10");

        JsonNode february = group.get("/journal?from=2024-02-01&to=2024-02-29");

        assertThat(february).hasSize(1);
        JsonNode entry = february.get(0);
        assertThat(entry.get("occurredOn").asText()).isEqualTo("2024-02-10");
        assertThat(entry.get("kind").asText()).isEqualTo("REPAYMENT");
        List<String> lines = new ArrayList<>();
        entry.get("lines").forEach(l -> lines.add(l.get("account").asText() + " " + l.get("debit").asLong() + " "
                + l.get("credit").asLong()));
        assertThat(lines).containsExactly("CASH 204000 0", "LOANS_RECEIVABLE 0 200000", "POOL_FUND_CAPITAL 0 400",
                "POOL_EMERGENCY_FUND 0 600", "POOL_COMMITTEE_OPERATIONS 0 2000", "POOL_PROVINCIAL_DISTRICT 0 1000");
        assertThat(group.get("/journal?to=2024-01-31")).hasSize(2);
        assertThat(group.get("/journal?from=2024-02-11")).isEmpty();
    }

    @Test
    void theTrialBalanceIsBalancedAndShowsEachAccountOnItsSide() {
        Village group = Village.register(api, "FSF");
        String member = group.member("Sok", "MEMBER");
        group.capital(1_200_000, "2024-01-02");
        String loan = group.lend(member, 200_000, 1, "2024-01-10");
        group.repay(loan, 204_000, "2024-02-10");

        JsonNode january = group.get("/trial-balance?asOf=2024-01-31");
        assertThat(january.get("balanced").asBoolean()).isTrue();
        assertThat(january.get("totalDebit").asLong()).isEqualTo(1_200_000).isEqualTo(january.get("totalCredit").asLong());
        assertThat(row(january, "CASH")).isEqualTo("1000000 0");
        assertThat(row(january, "LOANS_RECEIVABLE")).isEqualTo("200000 0");
        assertThat(row(january, "POOL_FUND_CAPITAL")).isEqualTo("0 1200000");

        JsonNode now = group.get("/trial-balance");
        assertThat(now.get("accounts")).hasSize(8);
        assertThat(row(now, "CASH")).isEqualTo("1204000 0");
        assertThat(row(now, "LOANS_RECEIVABLE")).isEqualTo("0 0");
        assertThat(row(now, "POOL_COMMITTEE_OPERATIONS")).isEqualTo("0 2000");
        assertThat(now.get("totalDebit").asLong()).isEqualTo(1_204_000).isEqualTo(now.get("totalCredit").asLong());
    }

    @Test
    void theTrailListsEveryEventWithWhoWhenWhichTransactionAndItsHash() {
        Village group = Village.register(api, "FSF");
        String member = group.member("Sok", "MEMBER");
        String transactionId = Api.id();
        Api.Response written = api.header("X-Correlation-Id", "tablet-3-sync-9").post(group.path("/contributions"),
                Api.body("transactionId", transactionId, "memberId", member, "amount", 2_500,
                        "occurredOn", "2024-01-07"));
        assertThat(written.status()).isEqualTo(201);

        JsonNode trail = group.get("/audit/events");

        assertThat(trail).hasSize(3);
        List<String> sequences = new ArrayList<>();
        List<String> types = new ArrayList<>();
        trail.forEach(event -> {
            sequences.add(event.get("sequence").asText());
            types.add(event.get("type").asText());
        });
        assertThat(sequences).containsExactly("0", "1", "2");
        assertThat(types).containsExactly("GroupRegistered", "MemberRegistered", "ContributionRecorded");
        List<String> valueDates = new ArrayList<>();
        trail.forEach(event -> valueDates.add(event.get("occurredOn").asText()));
        assertThat(valueDates).containsExactly("2024-01-01", "2024-01-01", "2024-01-07");
        JsonNode contribution = trail.get(2);
        assertThat(contribution.get("transactionId").asText()).isEqualTo(transactionId);
        assertThat(contribution.get("correlationId").asText()).isEqualTo("tablet-3-sync-9");
        assertThat(contribution.get("recordedBy").asText()).isEqualTo("admin");
        assertThat(Instant.parse(contribution.get("recordedAt").asText())).isBeforeOrEqualTo(Instant.now());
        assertThat(contribution.get("payload").get("amount").asLong()).isEqualTo(2_500);
        assertThat(contribution.get("payload").get("memberId").asText()).isEqualTo(member);
        byte[] stored = jdbc.queryForObject("SELECT hash FROM event_hash WHERE aggregate_identifier = ? "
                + "AND sequence_number = 2", byte[].class, group.groupId);
        assertThat(contribution.get("hash").asText()).isEqualTo(java.util.HexFormat.of().formatHex(stored))
                .hasSize(64);
        assertThat(trail.get(0).get("hash").asText()).isNotEqualTo(trail.get(1).get("hash").asText());

        assertThat(group.get("/audit/events?from=2024-01-02")).hasSize(1);
        assertThat(group.get("/audit/events?to=2024-01-01").findValues("type")).extracting(JsonNode::asText)
                .containsExactly("GroupRegistered", "MemberRegistered");
    }

    @Test
    void anUnknownGroupIsNotFoundOnEveryAuditRead() {
        String unknown = "/api/v1/groups/" + Api.id();
        for (String read : List.of("/balances", "/journal", "/trial-balance", "/audit/events", "/audit/verify")) {
            Api.Response response = api.get(unknown + read);
            assertThat(response.status()).as(read + " " + response).isEqualTo(404);
            assertThat(response.code()).isEqualTo("GROUP_NOT_FOUND");
        }
    }

    @Test
    void badDatesAreRefusedNamingEachField() {
        Village group = Village.register(api, "FSF");

        Api.Response asOf = api.get(group.path("/balances?asOf=2024-13-01&knownAt=yesterday"));
        assertThat(asOf.status()).isEqualTo(400);
        assertThat(asOf.code()).isEqualTo("VALIDATION_FAILED");
        assertThat(asOf.json().get("errors").findValuesAsText("field")).containsExactly("asOf", "knownAt");

        Api.Response range = api.get(group.path("/journal?from=2024-03-01&to=2024-02-01"));
        assertThat(range.status()).isEqualTo(400);
        assertThat(range.json().get("errors").findValuesAsText("field")).containsExactly("to");

        assertThat(api.get(group.path("/trial-balance?asOf=31/01/2024")).code()).isEqualTo("VALIDATION_FAILED");
        assertThat(api.get(group.path("/audit/events?from=2024-1-1")).code()).isEqualTo("VALIDATION_FAILED");
        // bad input comes before an unknown group
        assertThat(api.get("/api/v1/groups/" + Api.id() + "/balances?asOf=never").status()).isEqualTo(400);
    }

    @Test
    void aGroupOutsideTheCallersScopeIsForbiddenBeforeItsParametersAreRead() {
        Village own = Village.register(api, "FSF");
        Village other = Village.register(api, "FSF");
        String password = "leader-password-1";
        String username = "leader-" + own.groupId.substring(0, 8);
        assertThat(api.post("/api/v1/users", Api.body("username", username, "password", password, "role", "LEADER",
                "groups", List.of(own.groupId))).status()).isEqualTo(201);
        Api leader = anonymous().as(username, password);

        assertThat(leader.get(own.path("/balances")).status()).isEqualTo(200);
        assertThat(leader.get(own.path("/audit/verify")).status()).isEqualTo(200);
        Api.Response forbidden = leader.get(other.path("/balances?asOf=not-a-date"));
        assertThat(forbidden.status()).isEqualTo(403);
        assertThat(forbidden.code()).isEqualTo("FORBIDDEN");
        assertThat(leader.get("/api/v1/groups/" + Api.id() + "/journal").status()).isEqualTo(403);
    }

    private static String row(JsonNode trialBalance, String account) {
        for (JsonNode row : trialBalance.get("accounts")) {
            if (row.get("account").asText().equals(account)) {
                return row.get("debit").asLong() + " " + row.get("credit").asLong();
            }
        }
        throw new AssertionError("no account " + account + " in " + trialBalance);
    }
}
