package org.fundbook.demo;

import org.fundbook.group.GroupCommand;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.fundbook.demo.DemoPlan.GroupPlan;
import org.fundbook.group.Pool;
import org.fundbook.group.Scheme;
import org.fundbook.support.Api;
import org.fundbook.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The demo recorded into the shared test database through the seeding service, and read back over the API as a
 * newcomer would. The demo's groups are extra groups beside the other tests' own; only they are counted here.
 */
class DemoSeedingHttpTest extends IntegrationTest {

    private static final long CEDAC_TARGET = 13_052_100L;
    private static DemoSeeder.Outcome firstRun;
    private static DemoPlan plan;

    @Autowired
    private DemoSeeder seeder;

    @BeforeEach
    void seedOnce() {
        synchronized (DemoSeedingHttpTest.class) {
            if (firstRun == null) {
                plan = DemoGenerator.standard();
                firstRun = org.fundbook.support.Demo.seedOnce(seeder);
            }
        }
    }

    @Test
    void the_first_run_records_every_write_of_the_demo() {
        assertThat(firstRun.seeded()).isTrue();
        assertThat(firstRun.groups()).isEqualTo(28);
        assertThat(firstRun.recorded()).isEqualTo(plan.writes());
        assertThat(firstRun.replayed()).isZero();
        Map<String, Object> marker = jdbc.queryForMap("SELECT * FROM demo_run WHERE demo_key = ?",
                DemoSeeder.DEMO_KEY);
        assertThat(marker.get("status")).isEqualTo("DONE");
        assertThat(marker.get("writes_recorded")).isEqualTo(plan.writes());
    }

    @Test
    void running_it_again_records_nothing_new() {
        long events = count("domain_event_entry");
        long requests = count("idempotent_request");

        DemoSeeder.Outcome again = seeder.seed(false);

        assertThat(again.seeded()).isFalse();
        assertThat(again.reason()).isEqualTo("already seeded");
        assertThat(count("domain_event_entry")).isEqualTo(events);
        assertThat(count("idempotent_request")).isEqualTo(requests);
    }

    /** Even past the marker (an interrupted run completing), every write collides with itself, never duplicates. */
    @Test
    void sending_every_demo_write_again_is_answered_from_the_idempotency_store() {
        long events = count("domain_event_entry");

        int[] counts = seeder.record(plan);

        assertThat(counts[0]).as("recorded").isZero();
        assertThat(counts[1]).as("replayed").isEqualTo(plan.writes());
        assertThat(count("domain_event_entry")).isEqualTo(events);
        seeder.verify(plan);
    }

    @Test
    void a_client_resending_a_demo_request_gets_the_demo_answer_replayed() {
        GroupPlan group = plan.groups(Scheme.CEDAC).get(0);
        GroupCommand.RecordContribution first = group.steps().stream().filter(GroupCommand.RecordContribution.class::isInstance)
                .map(GroupCommand.RecordContribution.class::cast).findFirst().orElseThrow();

        Api.Response response = api.post("/api/v1/groups/" + group.groupId() + "/contributions", Api.body(
                "transactionId", first.transactionId().toString(), "memberId", first.memberId().toString(),
                "amount", first.amount(), "occurredOn", first.occurredOn().toString()));

        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        assertThat(response.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(response.json().get("savingsAfter").asLong()).isEqualTo(1_000);
    }

    @Test
    void twenty_eight_groups_ten_fsf_and_eighteen_cedac() {
        Set<String> demo = Set.copyOf(DemoSeeder.groupIds().stream().map(UUID::toString).toList());
        List<JsonNode> groups = demoGroups(demo);
        assertThat(groups).hasSize(28);
        assertThat(groups.stream().filter(g -> g.get("scheme").asText().equals("FSF"))).hasSize(10);
        assertThat(groups.stream().filter(g -> g.get("scheme").asText().equals("CEDAC"))).hasSize(18);
        assertThat(groups.stream().filter(g -> g.get("scheme").asText().equals("FSF")))
                .allSatisfy(g -> {
                    assertThat(g.at("/location/province").asText()).isEqualTo("Svay Rieng");
                    assertThat(g.at("/location/district").asText()).isEqualTo("Kompong Ro");
                    assertThat(g.at("/location/commune").asText()).isIn("Kseth", "Thnot");
                    assertThat(g.at("/period/number").asInt()).isEqualTo(3);
                    assertThat(g.get("closingInProgress").asBoolean()).isFalse();
                });
    }

    @Test
    void cedac_groups_have_253_members_of_whom_100_women() {
        int members = 0;
        int women = 0;
        int nonMembers = 0;
        for (GroupPlan group : plan.groups(Scheme.CEDAC)) {
            Api.Response response = api.get("/api/v1/groups/" + group.groupId() + "/members");
            assertThat(response.status()).isEqualTo(200);
            for (JsonNode member : response.json()) {
                if (member.get("membership").asText().equals("MEMBER")) {
                    members++;
                    women += member.get("sex").asText().equals("F") ? 1 : 0;
                } else {
                    nonMembers++;
                }
            }
        }
        assertThat(members).isEqualTo(253);
        assertThat(women).isEqualTo(100);
        assertThat(nonMembers).as("non-member borrowers, kept out of the 253").isPositive();
    }

    @Test
    void cedac_savings_come_to_13_052_100_riel() {
        long savings = 0;
        for (GroupPlan group : plan.groups(Scheme.CEDAC)) {
            savings += api.get("/api/v1/groups/" + group.groupId()).json().at("/balances/memberSavings").asLong();
        }
        assertThat((double) savings).isCloseTo(CEDAC_TARGET, within(CEDAC_TARGET * 0.01));
        assertThat(savings).isEqualTo(CEDAC_TARGET);
    }

    @Test
    void every_group_balances_and_shows_what_the_plan_worked_out() {
        for (GroupPlan group : plan.groups()) {
            JsonNode b = api.get("/api/v1/groups/" + group.groupId()).json().get("balances");
            long pools = 0;
            for (Pool pool : Pool.values()) {
                pools += b.at("/pools/" + pool.name()).asLong();
                assertThat(b.at("/pools/" + pool.name()).asLong())
                        .isEqualTo(group.expected().pools().getOrDefault(pool, 0L));
            }
            assertThat(b.get("cash").asLong() + b.get("loanPrincipalOutstanding").asLong())
                    .as("balance identity of %s", group.name())
                    .isEqualTo(b.get("memberSavings").asLong() + pools);
            assertThat(b.get("cash").asLong()).isEqualTo(group.expected().cash());
            assertThat(b.get("loanPrincipalOutstanding").asLong()).isEqualTo(group.expected().loanPrincipalOutstanding());
            assertThat(b.get("memberSavings").asLong()).isEqualTo(group.expected().memberSavings());
        }
    }

    @Test
    void every_group_has_its_closing_statements() {
        for (GroupPlan group : plan.groups()) {
            JsonNode statements = api.get("/api/v1/groups/" + group.groupId() + "/closings").json();
            assertThat(statements).hasSize(2);
        }
    }

    // ------------------------------------------------------- audit and reports (skipped while not served)

    @Test
    void every_group_trial_balance_balances_and_its_hash_chain_verifies() {
        GroupPlan firstGroup = plan.groups().get(0);
        assumeServed("/api/v1/groups/" + firstGroup.groupId() + "/trial-balance");
        assumeServed("/api/v1/groups/" + firstGroup.groupId() + "/audit/verify");
        for (GroupPlan group : plan.groups()) {
            JsonNode trial = ok(api.get("/api/v1/groups/" + group.groupId() + "/trial-balance"));
            assertThat(trial.get("balanced").asBoolean()).as("trial balance of %s", group.name()).isTrue();
            assertThat(trial.get("totalDebit").asLong()).isEqualTo(trial.get("totalCredit").asLong());
            JsonNode verify = ok(api.get("/api/v1/groups/" + group.groupId() + "/audit/verify"));
            assertThat(verify.get("verified").asBoolean()).as("hash chain of %s", group.name()).isTrue();
            assertThat(verify.get("events").asLong()).isEqualTo(1 + group.steps().size());
            assertThat(verify.get("firstMismatch").isNull()).isTrue();
        }
    }

    @Test
    void demo_events_are_recorded_by_the_system_with_the_demo_correlation_id() {
        GroupPlan group = plan.groups().get(0);
        assumeServed("/api/v1/groups/" + group.groupId() + "/audit/events");
        JsonNode events = ok(api.get("/api/v1/groups/" + group.groupId() + "/audit/events"));
        assertThat(events).hasSize(1 + group.steps().size());
        for (JsonNode event : events) {
            assertThat(event.get("recordedBy").asText()).isEqualTo("system");
            assertThat(event.get("correlationId").asText()).isEqualTo("fundbook-demo-" + plan.seed() + "-0");
        }
    }

    @Test
    void the_2009_q3_allocation_report_for_svay_rieng_sums_to_its_rows() {
        String path = "/api/v1/reports/allocations?period=2009-Q3&province=Svay%20Rieng";
        assumeServed(path);
        JsonNode report = ok(api.get(path));
        JsonNode rows = report.get("rows");
        assertThat(rows).isNotEmpty();
        Set<String> fsf = Set.copyOf(plan.groups(Scheme.FSF).stream().map(g -> g.groupId().toString()).toList());
        long demoRows = 0;
        long interest = 0;
        Map<String, Long> allocation = new HashMap<>();
        Map<String, Long> grants = new HashMap<>();
        Map<String, Long> payouts = new HashMap<>();
        for (JsonNode row : rows) {
            assertThat(row.get("province").asText()).isEqualTo("Svay Rieng");
            interest += row.get("interestCollected").asLong();
            add(allocation, row.get("allocation"));
            add(grants, row.get("emergencyGrants"));
            add(payouts, row.get("payouts"));
            if (fsf.contains(row.get("groupId").asText())) {
                demoRows++;
                long split = 0;
                for (Iterator<JsonNode> parts = row.get("allocation").elements(); parts.hasNext(); ) {
                    split += parts.next().asLong();
                }
                assertThat(row.get("interestCollected").asLong()).isPositive().isEqualTo(split);
                assertThat(row.at("/payouts/PROVINCIAL_DISTRICT").asLong()).as("quarterly remittance").isPositive();
            }
        }
        assertThat(demoRows).isEqualTo(10);
        JsonNode totals = report.get("totals");
        assertThat(totals.get("interestCollected").asLong()).isEqualTo(interest);
        assertThat(totals.get("allocation").properties()).allSatisfy(
                e -> assertThat(e.getValue().asLong()).isEqualTo(allocation.getOrDefault(e.getKey(), 0L)));
        assertThat(totals.get("emergencyGrants").properties()).allSatisfy(
                e -> assertThat(e.getValue().asLong()).isEqualTo(grants.getOrDefault(e.getKey(), 0L)));
        assertThat(totals.get("payouts").properties()).allSatisfy(
                e -> assertThat(e.getValue().asLong()).isEqualTo(payouts.getOrDefault(e.getKey(), 0L)));
        assertThat(grants.values().stream().mapToLong(Long::longValue).sum()).isPositive();
    }

    // ------------------------------------------------------------------------------------------ helpers

    private List<JsonNode> demoGroups(Set<String> demo) {
        Api.Response response = api.get("/api/v1/groups");
        assertThat(response.status()).isEqualTo(200);
        List<JsonNode> groups = new java.util.ArrayList<>();
        response.json().forEach(g -> {
            if (demo.contains(g.get("groupId").asText())) {
                groups.add(g);
            }
        });
        return groups;
    }

    private long count(String table) {
        return jdbc.queryForObject("SELECT count(*) FROM " + table, Long.class);
    }

    /** Skips the test while the endpoint is not served yet (it is being built beside the demo). */
    private void assumeServed(String path) {
        Api.Response response = api.get(path);
        assumeTrue(response.status() != 404 && response.status() != 405,
                "not served yet: GET " + path + " answered " + response.status());
    }

    private static JsonNode ok(Api.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    private static void add(Map<String, Long> sums, JsonNode parts) {
        if (parts == null) {
            return;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = parts.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> part = it.next();
            sums.merge(part.getKey(), part.getValue().asLong(), Long::sum);
        }
    }
}
