package org.fundbook.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.fundbook.audit.rebuild.ProjectionRebuild;
import org.fundbook.support.Api;
import org.fundbook.support.IntegrationTest;
import org.junit.jupiter.api.Test;

/** Every read model rebuilt from the event store is, row for row, what the live projections had written. */
class ProjectionRebuildTest extends IntegrationTest {

    @Test
    void rebuildingTheProjectionsFromTheEventsGivesBackExactlyTheSameRows() {
        Village fsf = Village.register(api, "FSF", "Svay Rieng", "Kompong Ro", "Thnot", "Thnot", null);
        String borrower = fsf.member("Chan", "MEMBER");
        String saver = fsf.member("Sok", "MEMBER");
        fsf.capital(1_200_000, "2024-01-02");
        fsf.contribute(saver, 10_000, "2024-01-03");
        String loan = fsf.lend(borrower, 200_000, 1, "2024-01-10");
        fsf.repay(loan, 104_000, "2024-02-10");
        String lastRepayment = fsf.repay(loan, 50_000, "2024-02-15").get("transactionId").asText();
        fsf.reverse(lastRepayment, "2024-02-16");
        String grant = fsf.grant(500, "FIRE", true, "2024-02-20");
        fsf.recover(grant, 100, "2024-03-01");
        fsf.payout("PROVINCIAL_DISTRICT", 500, "2024-03-02");
        fsf.countCash(1_000_000, "2024-03-03");
        String refused = fsf.lend(saver, 50_000, 2, "2024-03-04");
        fsf.reverse(refused, "2024-03-05");
        fsf.startClosing("2024-07-01");
        fsf.confirmClosing(1_000_000, "CASH");
        Api.Response policy = api.put(fsf.path("/policy"), Api.body("transactionId", Api.id(),
                "effectiveFrom", "2024-08-01", "policy", Map.of("memberMonthlyRateBp", 150)));
        assertThat(policy.status()).as(policy.toString()).isEqualTo(200);

        Village cedac = Village.register(api, "CEDAC", "Prey Veng", "Kamchay Mear", "Smaong", "Smaong", null);
        String a = cedac.member("Srey", "MEMBER");
        String b = cedac.member("Dara", "MEMBER");
        String outsider = cedac.member("Outsider", "NON_MEMBER");
        cedac.contribute(a, 20_000, "2024-01-02");
        cedac.contribute(b, 10_000, "2024-02-02");
        String cedacLoan = cedac.lend(outsider, 20_000, 1, "2024-01-05");
        cedac.repay(cedacLoan, 20_800, "2024-02-05");
        cedac.startClosing("2024-07-01");
        cedac.confirmClosing(0, "REINVEST");
        cedac.withdraw(b, 1_000, "2024-07-03");
        cedac.startClosing("2025-01-01"); // left in progress: its preview is a projection row too

        Map<String, List<String>> before = snapshot(fsf, cedac);
        Map<String, Long> countsBefore = counts();
        long requests = jdbc.queryForObject("SELECT count(*) FROM idempotent_request", Long.class);

        Api.Response rebuilt = api.post("/api/v1/admin/projections/rebuild", Map.of());

        assertThat(rebuilt.status()).as(rebuilt.toString()).isEqualTo(200);
        JsonNode result = rebuilt.json();
        assertThat(result.get("events").asLong()).isGreaterThanOrEqualTo(
                jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE aggregateIdentifier IN (?, ?)",
                        Long.class, fsf.groupId, cedac.groupId));
        assertThat(result.get("projections").toString()).contains("LedgerProjection", "ClosingProjection",
                "AllocationProjection");
        assertThat(before.get("group_view")).hasSize(2);
        assertThat(before.get("closing_preview")).hasSize(1);
        assertThat(before.get("allocation_fact")).isNotEmpty();
        assertThat(snapshot(fsf, cedac)).isEqualTo(before);
        assertThat(counts()).isEqualTo(countsBefore);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM idempotent_request", Long.class)).isEqualTo(requests);

        // the rebuilt models serve writes as before
        long savings = cedac.group().get("balances").get("memberSavings").asLong();
        cedac.contribute(a, 1_000, "2025-01-02");
        assertThat(cedac.group().get("balances").get("memberSavings").asLong()).isEqualTo(savings + 1_000);
    }

    @Test
    void writesMadeDuringARebuildWaitForItAndAreKept() throws Exception {
        Village group = Village.register(api, "FSF");
        String member = group.member("Sok", "MEMBER");
        Village other = Village.register(api, "CEDAC");
        ExecutorService clients = Executors.newFixedThreadPool(4);
        try {
            Future<Api.Response> rebuild = clients.submit(() -> api.post("/api/v1/admin/projections/rebuild",
                    Map.of()));
            List<Future<JsonNode>> writes = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                writes.add(clients.submit(() -> group.contribute(member, 1_000, "2024-01-02")));
            }
            for (Future<JsonNode> write : writes) {
                write.get(60, TimeUnit.SECONDS);
            }
            assertThat(rebuild.get(60, TimeUnit.SECONDS).status()).isEqualTo(200);
        } finally {
            clients.shutdownNow();
        }

        assertThat(group.group().get("balances").get("memberSavings").asLong()).isEqualTo(12_000);
        assertThat(api.get(group.path("/members")).json().get(0).get("savings").asLong()).isEqualTo(12_000);
        Map<String, List<String>> after = snapshot(group, other);
        assertThat(api.post("/api/v1/admin/projections/rebuild", Map.of()).status()).isEqualTo(200);
        assertThat(snapshot(group, other)).isEqualTo(after);
    }

    /** Each projection table's rows of the two groups, as PostgreSQL prints them, in a fixed order. */
    private Map<String, List<String>> snapshot(Village... groups) {
        Map<String, List<String>> tables = new LinkedHashMap<>();
        for (String table : ProjectionRebuild.TABLES) {
            tables.put(table, jdbc.queryForList("SELECT t::text FROM " + table + " t WHERE t.group_id IN (?::uuid, ?::uuid) "
                    + "ORDER BY 1", String.class, groups[0].groupId, groups[1].groupId));
        }
        return tables;
    }

    private Map<String, Long> counts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String table : ProjectionRebuild.TABLES) {
            counts.put(table, jdbc.queryForObject("SELECT count(*) FROM " + table, Long.class));
        }
        return counts;
    }
}
