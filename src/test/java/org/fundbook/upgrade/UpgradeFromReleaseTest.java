package org.fundbook.upgrade;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.GZIPInputStream;
import org.fundbook.FundbookApplication;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * An upgrade in the field, replayed: the database of a released Fundbook is restored, today's service is started
 * on it (Flyway migrates it to the newest schema exactly as on a field server), and everything a user saw before
 * the upgrade must be seen again, field for field.
 *
 * <h2>The fixture ({@code src/test/resources/upgrade/})</h2>
 * Made once, from the release at commit {@code a46021075f229a047bceb4d351ef55535065691d} (schema V14), and never
 * regenerated from later code: that would only compare the new code with itself.
 * <ul>
 *   <li>{@code demo-v14.sql.gz}: the whole database (schema and data: {@code flyway_schema_history},
 *       {@code domain_event_entry}, {@code event_hash}, {@code snapshot_event_entry}, {@code token_entry}, the
 *       projections, {@code idempotent_request}, {@code app_user}, {@code demo_run}, ...) of that release right
 *       after it seeded the first-run demo ({@code fundbook.demo.enabled=true}): 28 groups, 5,891 events, and,
 *       with the default {@code fundbook.snapshot-threshold} of 200, 14 snapshots of
 *       {@code org.fundbook.group.GroupAggregate} as that release serialized it (all at sequence 199; the groups
 *       have 203 to 274 events). The release ran against an external PostgreSQL 15 (a supported set-up:
 *       "13 or newer") so that Debian's {@code pg_dump} 15 could dump it:
 *       {@code pg_dump --no-owner --no-privileges --encoding=UTF8 fundbook | gzip -9}. It is restored here into
 *       an empty PostgreSQL 17 database through plain JDBC: SQL statements as they are, {@code COPY} blocks
 *       through PgJDBC's {@link CopyManager}, psql meta-commands (lines starting with a backslash: restrict,
 *       unrestrict) left out. No external binary is needed.</li>
 *   <li>{@code expected-answers.json.gz}: {@code {release, recordedAt, adminPassword, answers: {path: body},
 *       replays: [...]}}, recorded over HTTP from that same running release (as {@code admin}), 1,284 answers:
 *       for every group the group view, its members, every member's whole statement, its loans (unfiltered and
 *       by each status OUTSTANDING, REPAID, OVERDUE as of 2009-11-30; unfiltered and OVERDUE as of 2009-06-30;
 *       unfiltered as of 2008-12-31) and its first and last loan, its closings and each closing, its journal
 *       (whole and 2009-Q1), trial balances as of two dates, {@code audit/verify}, {@code audit/events} (whole and
 *       June 2009), balances as of two dates and as known half-way through the seeding; statements of 2009-H1
 *       for the members of four groups; the group list (all, and one province); allocation reports for every
 *       month and quarter of 2008-2009 (three filtered by province or district, two as CSV, compared as text);
 *       portfolio reports as of six dates and for one province. (The release was asked 1,905 questions; the
 *       file keeps this subset, answers untouched, to keep the test under a minute.) {@code replays} are 31
 *       writes of the demo sent again as a client would (the first of each kind in four groups): the release
 *       answered each from its idempotency store ({@code Idempotent-Replayed: true}), and so must the upgrade.
 *       </li>
 * </ul>
 *
 * <h2>What is compared, and what is not</h2>
 * Every recorded answer must be equal as a JSON tree (objects as maps, arrays in order, every field, every value).
 * <b>No field is left out.</b> Answers that would depend on the day the test runs are pinned by their parameters
 * where the API has them: loans and trial balances by an explicit {@code asOf}, portfolio reports by {@code asOf},
 * balances by {@code asOf} and {@code knownAt} (an explicit instant just after the seeding, and for each group the
 * instant its middle event was recorded, so that "as known at" filtering by stored timestamps is compared too).
 * The one answer still using "today" is the group view ({@code GET /groups}, {@code /groups/{id}}), whose
 * {@code policy} is the one in force today: every policy of the fixture took effect by 2008-07-16, so it is the
 * same on any day after that (checked below). Instants in answers ({@code recordedAt}, ...) come from the stored
 * events, not from the clock. Hence no clock is fixed.
 *
 * <h2>Phases</h2>
 * The answers are compared after the upgrade, then again after a rebuild of the read models from the (old) events
 * ({@code POST /api/v1/admin/projections/rebuild}). Then new writes go to a group with an old snapshot and to one
 * without: the group must load (from the snapshot, or from its events if the snapshot is discarded), decide by
 * the right figures (a withdrawal of one riel more than the member's savings is refused, of exactly them is
 * accepted; a repayment of one riel more than a loan owes is refused, of exactly that is accepted and repays
 * it), continue from the right balances (after = before + movement, in the answer, the group view, the as-of
 * balances and the statement), keep its hash chain verified, and keep the continuous ledger check in agreement.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class UpgradeFromReleaseTest {

    private static final String DUMP = "/upgrade/demo-v14.sql.gz";
    private static final String ANSWERS = "/upgrade/expected-answers.json.gz";
    /** The password of {@code admin} in the dump (bcrypt there); the same one is configured, so it is kept as is. */
    private static final String ADMIN_PASSWORD = "upgrade-fixture-admin";
    private static final String CSV_SUFFIX = " [Accept: text/csv]";
    /** Every event of the fixture is dated by this day; the new writes are dated the day after. */
    private static final String LAST_DEMO_DAY = "2009-11-30";
    private static final String NEW_WRITE_DAY = "2009-12-01";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_REPORTED = 60;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    private EmbeddedPostgres postgres;
    private ConfigurableApplicationContext service;
    private String base;
    private JsonNode fixture;

    /** Read from the release's database before the upgrade touched it. */
    private String snapshotGroup;
    private String groupWithoutSnapshot;
    private long releaseEvents;

    @BeforeAll
    void upgradeTheReleaseDatabase() throws Exception {
        try (InputStream in = new GZIPInputStream(resource(ANSWERS))) {
            fixture = JSON.readTree(in);
        }
        assertEquals(ADMIN_PASSWORD, fixture.path("adminPassword").asText(), "the fixture's admin password");

        postgres = EmbeddedPostgres.builder().start();
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE fundbook ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C' TEMPLATE template0");
        }
        long started = System.nanoTime();
        try (Connection c = postgres.getDatabase("postgres", "fundbook").getConnection()) {
            try (InputStream in = new GZIPInputStream(resource(DUMP))) {
                restore(c, in);
            }
        }
        // a connection of its own: the dump's session settings (search_path '') stay with the restoring one
        try (Connection c = postgres.getDatabase("postgres", "fundbook").getConnection()) {
            assertEquals("14", queryOne(c, "SELECT max(version::int) FROM flyway_schema_history WHERE success"),
                    "the release's schema version in the dump");
            assertEquals("2008-07-16", queryOne(c, "SELECT max(effective_from) FROM policy_version"),
                    "the latest policy of the fixture (the group view shows the policy in force today)");
            releaseEvents = Long.parseLong(queryOne(c, "SELECT count(*) FROM domain_event_entry"));
            // the savings group with the most events after its old snapshot, and one that has no snapshot
            snapshotGroup = queryOne(c, """
                    SELECT s.aggregateidentifier FROM snapshot_event_entry s
                    JOIN group_view g ON g.group_id::text = s.aggregateidentifier
                    WHERE g.scheme = 'CEDAC' ORDER BY g.last_sequence - s.sequencenumber DESC, 1 LIMIT 1""");
            groupWithoutSnapshot = queryOne(c, """
                    SELECT g.group_id::text FROM group_view g WHERE g.scheme = 'CEDAC' AND NOT EXISTS
                    (SELECT 1 FROM snapshot_event_entry s WHERE s.aggregateidentifier = g.group_id::text)
                    ORDER BY g.last_sequence DESC, 1 LIMIT 1""");
            assertNotNull(snapshotGroup, "the fixture has a savings group with a snapshot");
            assertNotNull(groupWithoutSnapshot, "the fixture has a savings group without a snapshot");
        }
        long restored = System.nanoTime();

        service = new SpringApplicationBuilder(FundbookApplication.class).run(
                "--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "fundbook"),
                "--spring.datasource.username=postgres",
                "--server.port=0",
                "--fundbook.admin-password=" + ADMIN_PASSWORD,
                "--logging.level.org.axonframework=WARN");
        base = "http://localhost:" + ((WebServerApplicationContext) service).getWebServer().getPort();
        System.out.printf("UpgradeFromReleaseTest: dump restored in %.1f s, upgraded service started in %.1f s%n",
                (restored - started) / 1e9, (System.nanoTime() - restored) / 1e9);
    }

    @AfterAll
    void stop() throws IOException {
        if (service != null) {
            service.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    @Order(1)
    void afterTheUpgradeEveryAnswerIsTheReleases() throws Exception {
        assertSameAnswers("after the upgrade");
        assertReplaysAnsweredFromTheStore();
    }

    @Test
    @Order(2)
    void afterRebuildingTheReadModelsFromTheOldEventsEveryAnswerIsTheReleases() throws Exception {
        HttpResponse<String> rebuild = send("POST", "/api/v1/admin/projections/rebuild", null);
        assertEquals(200, rebuild.statusCode(), () -> "rebuild: " + rebuild.body());
        assertEquals(releaseEvents, JSON.readTree(rebuild.body()).path("events").asLong(),
                () -> "the rebuild replays every stored event: " + rebuild.body());
        assertSameAnswers("after the projection rebuild");
    }

    @Test
    @Order(3)
    void aGroupWithAnOldSnapshotTakesNewWritesFromTheRightFigures() throws Exception {
        writeAndCheck(snapshotGroup, "group " + snapshotGroup + " (has an old-shape snapshot)");
    }

    @Test
    @Order(4)
    void aGroupWithoutSnapshotTakesNewWritesFromTheRightFigures() throws Exception {
        writeAndCheck(groupWithoutSnapshot, "group " + groupWithoutSnapshot + " (no snapshot)");
    }

    // ------------------------------------------------------------------------------------------ the comparisons

    /** Every recorded answer, asked again (four at a time) and compared as JSON trees. */
    private void assertSameAnswers(String phase) throws Exception {
        long started = System.nanoTime();
        List<Map.Entry<String, JsonNode>> expected = new ArrayList<>();
        fixture.get("answers").fields().forEachRemaining(expected::add);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<String> differences = new ArrayList<>();
        int differing = 0;
        try {
            List<Future<List<String>>> results = new ArrayList<>();
            for (Map.Entry<String, JsonNode> answer : expected) {
                results.add(pool.submit(() -> compare(answer.getKey(), answer.getValue())));
            }
            for (Future<List<String>> result : results) {
                List<String> found = result.get();
                if (!found.isEmpty()) {
                    differing++;
                    differences.addAll(found);
                }
            }
        } finally {
            pool.shutdownNow();
        }
        System.out.printf("UpgradeFromReleaseTest: %d answers compared %s in %.1f s%n", expected.size(), phase,
                (System.nanoTime() - started) / 1e9);
        if (!differences.isEmpty()) {
            throw new AssertionError(report(differing + " of " + expected.size() + " answers differ from the "
                    + "release's " + phase, differences));
        }
    }

    private List<String> compare(String key, JsonNode expected) throws IOException, InterruptedException {
        boolean csv = key.endsWith(CSV_SUFFIX);
        String path = csv ? key.substring(0, key.length() - CSV_SUFFIX.length()) : key;
        HttpRequest.Builder request = request(path).GET();
        if (csv) {
            request.header("Accept", "text/csv");
        }
        HttpResponse<String> response = http.send(request.build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        List<String> out = new ArrayList<>();
        if (response.statusCode() != 200) {
            out.add("GET " + key + ": status " + response.statusCode() + ", the release answered 200: "
                    + abbreviate(response.body()));
            return out;
        }
        if (csv) {
            // The one change of a recorded answer the contract asks for: CSV now starts with a byte-order mark
            // (U+FEFF) so that spreadsheets read it as UTF-8. Everything after it must be the release's, byte for byte.
            compareText("GET " + key, "\uFEFF" + expected.asText(), response.body(), out);
        } else {
            diff("GET " + key + " ", "$", expected, JSON.readTree(response.body()), out);
        }
        return out;
    }

    /** The demo's writes sent again: the same status, {@code Idempotent-Replayed: true}, the same answer. */
    private void assertReplaysAnsweredFromTheStore() throws Exception {
        List<String> differences = new ArrayList<>();
        for (JsonNode replay : fixture.get("replays")) {
            String what = replay.get("method").asText() + " " + replay.get("path").asText() + " (transaction "
                    + replay.get("body").get("transactionId").asText() + ") ";
            HttpResponse<String> response = send(replay.get("method").asText(), replay.get("path").asText(),
                    JSON.writeValueAsString(replay.get("body")));
            if (response.statusCode() != replay.get("status").asInt()) {
                differences.add(what.strip() + ": status " + response.statusCode() + ", the release answered "
                        + replay.get("status").asInt() + ": " + abbreviate(response.body()));
                continue;
            }
            if (!"true".equals(response.headers().firstValue("Idempotent-Replayed").orElse(null))) {
                differences.add(what.strip() + ": not answered as a replay (Idempotent-Replayed: "
                        + response.headers().firstValue("Idempotent-Replayed").orElse("absent") + ")");
            }
            diff(what, "$", replay.get("answer"), JSON.readTree(response.body()), differences);
        }
        if (!differences.isEmpty()) {
            throw new AssertionError(report("the demo's writes sent again are not answered as the release "
                    + "answered them", differences));
        }
    }

    /**
     * The differences summed up by where they are (ids, query strings and array indexes left aside) and what they
     * are, each with its first example; then the first differences themselves.
     */
    static String report(String title, List<String> differences) {
        Map<String, List<String>> byShape = new LinkedHashMap<>();
        for (String difference : differences) {
            byShape.computeIfAbsent(shape(difference), k -> new ArrayList<>()).add(difference);
        }
        StringBuilder report = new StringBuilder(title).append(": ").append(differences.size())
                .append(" differences, of ").append(byShape.size()).append(" kinds:");
        byShape.entrySet().stream().limit(MAX_REPORTED).forEach(kind -> report.append("\n  ")
                .append(kind.getValue().size()).append(" x ").append(kind.getKey()).append("\n      e.g. ")
                .append(kind.getValue().get(0)));
        report.append("\nThe first differences:");
        differences.stream().limit(20).forEach(d -> report.append("\n  ").append(d));
        return report.toString();
    }

    private static String shape(String difference) {
        int json = difference.indexOf(" $");
        int colon = difference.indexOf(": ", Math.max(json, 0));
        String where = (colon > 0 ? difference.substring(0, colon) : difference)
                .replaceAll("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", "{id}")
                .replaceAll("\\?[^ ]*", "")
                .replaceAll("\\[\\d+]", "[*]");
        String detail = colon > 0 ? difference.substring(colon + 2) : "";
        String kind = detail.startsWith("missing") ? "field missing"
                : detail.startsWith("a field not in") ? "field added"
                : detail.contains(" elements, ") ? "number of elements"
                : detail.startsWith("status") ? "status"
                : "value";
        return where + " (" + kind + ")";
    }

    private static final String RELEASE = "the release answered";

    private static void diff(String what, String where, JsonNode expected, JsonNode actual, List<String> out) {
        diff(what, where, expected, actual, out, RELEASE);
    }

    /**
     * Field-for-field differences, each named by its JSON path. Integers are compared by value (an int and a long
     * of the same value are the same JSON); an integer and a fraction never are.
     */
    private static void diff(String what, String where, JsonNode expected, JsonNode actual, List<String> out,
                             String expectation) {
        if (expected.equals(actual) || out.size() >= MAX_REPORTED) {
            return;
        }
        if (expected.isIntegralNumber() && actual.isIntegralNumber()
                && expected.bigIntegerValue().equals(actual.bigIntegerValue())) {
            return;
        }
        if (expected.isObject() && actual.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = expected.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                String at = where + "." + field.getKey();
                if (!actual.has(field.getKey())) {
                    out.add(what + at + ": missing (" + expectation + " " + abbreviate(field.getValue()) + ")");
                } else {
                    diff(what, at, field.getValue(), actual.get(field.getKey()), out, expectation);
                }
            }
            for (Iterator<String> it = actual.fieldNames(); it.hasNext(); ) {
                String name = it.next();
                if (!expected.has(name)) {
                    out.add(what + where + "." + name + ": a field not in " + (RELEASE.equals(expectation)
                            ? "the release's answer" : "the expected") + " (" + abbreviate(actual.get(name)) + ")");
                }
            }
        } else if (expected.isArray() && actual.isArray()) {
            if (expected.size() != actual.size()) {
                out.add(what + where + ": " + actual.size() + " elements, " + expectation + " " + expected.size());
            }
            for (int i = 0; i < Math.min(expected.size(), actual.size()); i++) {
                diff(what, where + "[" + i + "]", expected.get(i), actual.get(i), out, expectation);
            }
        } else {
            out.add(what + where + ": " + abbreviate(actual) + ", " + expectation + " " + abbreviate(expected));
        }
    }

    private static void compareText(String what, String expected, String actual, List<String> out) {
        if (expected.equals(actual)) {
            return;
        }
        String[] e = expected.split("\n", -1);
        String[] a = actual.split("\n", -1);
        for (int i = 0; i < Math.max(e.length, a.length); i++) {
            String el = i < e.length ? e[i] : "<no line>";
            String al = i < a.length ? a[i] : "<no line>";
            if (!el.equals(al)) {
                out.add(what + " line " + (i + 1) + ": " + abbreviate(al) + ", the release answered "
                        + abbreviate(el));
                return;
            }
        }
    }

    // ------------------------------------------------------------------------------------------- new writes

    /**
     * A contribution, a withdrawal refused for one riel too much and the withdrawal of exactly the member's
     * savings, a repayment refused for one riel too much and the repayment of exactly what a loan owes: the
     * aggregate (loaded after the upgrade) must decide by the same savings and loans the read model shows, and
     * every figure must continue from the release's.
     */
    private void writeAndCheck(String groupId, String which) throws Exception {
        String g = "/api/v1/groups/" + groupId;
        JsonNode before = getJson(g);
        long eventsBefore = getJson(g + "/audit/verify").path("events").asLong();
        JsonNode member = null;
        for (JsonNode m : getJson(g + "/members")) {
            if ("MEMBER".equals(m.path("membership").asText()) && m.path("savings").asLong() > 0
                    && m.path("loanPrincipalOutstanding").asLong() == 0) {
                member = m;
                break;
            }
        }
        assertNotNull(member, which + ": a member with savings and no loan");
        String memberId = member.get("memberId").asText();
        long savings = member.get("savings").asLong();
        long amount = 12_345;

        // 1. a contribution
        HttpResponse<String> contributed = send("POST", g + "/contributions", JSON.writeValueAsString(Map.of(
                "transactionId", UUID.randomUUID().toString(), "memberId", memberId, "amount", amount,
                "occurredOn", NEW_WRITE_DAY)));
        assertEquals(201, contributed.statusCode(), () -> which + ": contribution answered " + contributed.body());
        JsonNode answer = JSON.readTree(contributed.body());
        assertEquals(savings + amount, answer.path("savingsAfter").asLong(),
                () -> which + ": savingsAfter of the contribution: " + contributed.body());
        JsonNode expected = shifted(before.get("balances"), amount, amount);
        assertBalances(which + ", answer to the contribution", expected, answer.get("balances"));
        assertBalances(which + ", group view after the contribution", expected, getJson(g).get("balances"));

        // 2. one riel more than the member has: refused, by the aggregate's own figures
        HttpResponse<String> tooMuch = send("POST", g + "/withdrawals", JSON.writeValueAsString(Map.of(
                "transactionId", UUID.randomUUID().toString(), "memberId", memberId, "amount", savings + amount + 1,
                "occurredOn", NEW_WRITE_DAY)));
        assertEquals(422, tooMuch.statusCode(), () -> which + ": withdrawal of savings + 1 answered " + tooMuch.body());
        assertEquals("INSUFFICIENT_SAVINGS", JSON.readTree(tooMuch.body()).path("code").asText(),
                () -> which + ": withdrawal of savings + 1 answered " + tooMuch.body());

        // 3. exactly what the member has: accepted
        HttpResponse<String> all = send("POST", g + "/withdrawals", JSON.writeValueAsString(Map.of(
                "transactionId", UUID.randomUUID().toString(), "memberId", memberId, "amount", savings + amount,
                "occurredOn", NEW_WRITE_DAY)));
        assertEquals(201, all.statusCode(), () -> which + ": withdrawal of all savings answered " + all.body());
        assertEquals(0, JSON.readTree(all.body()).path("savingsAfter").asLong(),
                () -> which + ": savingsAfter of the withdrawal: " + all.body());
        JsonNode afterBoth = shifted(before.get("balances"), -savings, -savings);
        assertBalances(which + ", answer to the withdrawal", afterBoth, JSON.readTree(all.body()).get("balances"));
        assertBalances(which + ", group view after the withdrawal", afterBoth, getJson(g).get("balances"));

        // 4. an outstanding loan repaid in full, with the interest due as the read model works it out: the
        //    aggregate's loan (its terms and earlier repayments) must agree, so one riel more is an overpayment
        JsonNode outstanding = getJson(g + "/loans?status=OUTSTANDING&asOf=" + NEW_WRITE_DAY);
        assertTrue(outstanding.size() > 0, () -> which + ": an outstanding loan");
        JsonNode loan = outstanding.get(0);
        String repayments = g + "/loans/" + loan.get("loanId").asText() + "/repayments";
        long principal = loan.get("outstandingPrincipal").asLong();
        long interest = loan.get("interestDue").asLong();
        HttpResponse<String> over = send("POST", repayments, JSON.writeValueAsString(Map.of(
                "transactionId", UUID.randomUUID().toString(), "amount", principal + interest + 1,
                "occurredOn", NEW_WRITE_DAY)));
        assertEquals(422, over.statusCode(), () -> which + ": repayment of all due + 1 answered " + over.body());
        assertEquals("OVERPAYMENT", JSON.readTree(over.body()).path("code").asText(),
                () -> which + ": repayment of all due + 1 answered " + over.body());
        HttpResponse<String> repaid = send("POST", repayments, JSON.writeValueAsString(Map.of(
                "transactionId", UUID.randomUUID().toString(), "amount", principal + interest,
                "occurredOn", NEW_WRITE_DAY)));
        assertEquals(201, repaid.statusCode(), () -> which + ": repayment of all due answered " + repaid.body());
        JsonNode repayment = JSON.readTree(repaid.body());
        assertEquals(List.of(interest, principal, 0L, true), List.of(repayment.path("interestPart").asLong(),
                repayment.path("principalPart").asLong(), repayment.path("outstandingPrincipal").asLong(),
                repayment.path("repaid").asBoolean()), () -> which + ": repayment " + repaid.body());
        ObjectNode afterAll = shifted(afterBoth, principal + interest, 0);
        afterAll.put("loanPrincipalOutstanding", afterBoth.get("loanPrincipalOutstanding").asLong() - principal);
        long allocated = 0;
        for (Iterator<Map.Entry<String, JsonNode>> it = repayment.get("allocation").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> share = it.next();
            ObjectNode pools = (ObjectNode) afterAll.get("pools");
            pools.put(share.getKey(), pools.get(share.getKey()).asLong() + share.getValue().asLong());
            allocated += share.getValue().asLong();
        }
        assertEquals(interest, allocated, () -> which + ": the interest's allocation " + repaid.body());
        // cash less the earmarked pools: which pools are earmarked is the service's to say, so taken as answered
        afterAll.put("lendableCash", repayment.get("balances").get("lendableCash").asLong());
        assertBalances(which + ", answer to the repayment", afterAll, repayment.get("balances"));
        assertBalances(which + ", group view after the repayment", afterAll, getJson(g).get("balances"));
        JsonNode repaidLoan = getJson(g + "/loans/" + loan.get("loanId").asText() + "?asOf=" + NEW_WRITE_DAY);
        assertEquals(0, repaidLoan.path("outstandingPrincipal").asLong(), () -> which + ": loan " + repaidLoan);

        // the as-of balances (from the events) agree, before and on the new day
        assertBalances(which + ", balances as of " + LAST_DEMO_DAY, before.get("balances"),
                getJson(g + "/balances?asOf=" + LAST_DEMO_DAY).get("balances"));
        assertBalances(which + ", balances as of " + NEW_WRITE_DAY, afterAll,
                getJson(g + "/balances?asOf=" + NEW_WRITE_DAY).get("balances"));

        // the member's statement continues from her savings
        JsonNode statement = getJson(g + "/members/" + memberId + "/statement");
        JsonNode lines = statement.get("lines");
        assertEquals(0, statement.path("closingSavings").asLong(), () -> which + ": statement " + statement);
        JsonNode contribution = lines.get(lines.size() - 2);
        JsonNode withdrawal = lines.get(lines.size() - 1);
        assertEquals(List.of("CONTRIBUTION", amount, savings + amount, "WITHDRAWAL", -(savings + amount), 0L),
                List.of(contribution.path("kind").asText(), contribution.path("amount").asLong(),
                        contribution.path("savingsAfter").asLong(), withdrawal.path("kind").asText(),
                        withdrawal.path("amount").asLong(), withdrawal.path("savingsAfter").asLong()),
                () -> which + ": the statement's last lines " + contribution + " " + withdrawal);

        // the chain goes on from the release's last hash, the journal still balances
        JsonNode verify = getJson(g + "/audit/verify");
        assertTrue(verify.path("verified").asBoolean(), () -> which + ": audit/verify " + verify);
        assertEquals(eventsBefore + 3, verify.path("events").asLong(), () -> which + ": events " + verify);
        JsonNode trial = getJson(g + "/trial-balance?asOf=" + NEW_WRITE_DAY);
        assertTrue(trial.path("balanced").asBoolean(), () -> which + ": trial balance " + trial);

        // the continuous ledger check posts the new events and agrees with the group view
        awaitLedgerCheck(groupId);
        HttpResponse<String> health = send("GET", "/actuator/health", null);
        assertEquals(200, health.statusCode(), () -> which + ": health " + health.body());
        assertEquals("UP", JSON.readTree(health.body()).path("status").asText(), () -> which + ": health "
                + health.body());
    }

    /** The balances with cash and member savings moved by the amounts given, everything else as it was. */
    private static ObjectNode shifted(JsonNode balances, long cash, long memberSavings) {
        ObjectNode moved = balances.deepCopy();
        moved.put("cash", balances.get("cash").asLong() + cash);
        moved.put("lendableCash", balances.get("lendableCash").asLong() + cash);
        moved.put("memberSavings", balances.get("memberSavings").asLong() + memberSavings);
        return moved;
    }

    private static void assertBalances(String what, JsonNode expected, JsonNode actual) {
        List<String> out = new ArrayList<>();
        diff(what + " ", "$.balances", expected, actual == null ? JSON.nullNode() : actual, out, "expected");
        assertTrue(out.isEmpty(), () -> String.join("\n", out));
    }

    private void awaitLedgerCheck(String groupId) throws Exception {
        Instant deadline = Instant.now().plusSeconds(20);
        try (Connection c = postgres.getDatabase("postgres", "fundbook").getConnection()) {
            while (true) {
                String caughtUp = queryOne(c, "SELECT coalesce((SELECT p.last_sequence = g.last_sequence "
                        + "FROM group_view g JOIN ledger_check_position p ON p.group_id = g.group_id "
                        + "WHERE g.group_id = '" + groupId + "'::uuid), false)");
                if ("t".equals(caughtUp)) {
                    return;
                }
                assertFalse(Instant.now().isAfter(deadline), "the ledger check did not post the new events of "
                        + groupId);
                Thread.sleep(50);
            }
        }
    }

    // ----------------------------------------------------------------------------------------------- plumbing

    /**
     * Restores a plain-format {@code pg_dump}: SQL as it is (PgJDBC runs several statements in one call and knows
     * dollar quoting), {@code COPY ... FROM stdin} data through the COPY protocol, psql meta-commands skipped.
     */
    static void restore(Connection connection, InputStream dump) throws IOException, SQLException {
        BufferedReader in = new BufferedReader(new InputStreamReader(dump, StandardCharsets.UTF_8));
        CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
        StringBuilder sql = new StringBuilder();
        String line;
        while ((line = in.readLine()) != null) {
            if (line.startsWith("COPY ") && line.endsWith(" FROM stdin;")) {
                execute(connection, sql);
                StringBuilder data = new StringBuilder();
                String row;
                while (!"\\.".equals(row = in.readLine())) {
                    if (row == null) {
                        throw new IOException("the dump ends inside " + line);
                    }
                    data.append(row).append('\n');
                }
                copy.copyIn(line.substring(0, line.length() - 1), new StringReader(data.toString()));
            } else if (!line.startsWith("\\")) {
                sql.append(line).append('\n');
            }
        }
        execute(connection, sql);
    }

    private static void execute(Connection connection, StringBuilder sql) throws SQLException {
        if (!sql.toString().isBlank()) {
            try (Statement statement = connection.createStatement()) {
                statement.execute(sql.toString());
            }
        }
        sql.setLength(0);
    }

    private static String queryOne(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    private static InputStream resource(String name) {
        InputStream in = UpgradeFromReleaseTest.class.getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException("missing test resource " + name);
        }
        return in;
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        ("admin:" + ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8)));
    }

    private HttpResponse<String> send(String method, String path, String body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = request(path);
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private JsonNode getJson(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = send("GET", path, null);
        assertEquals(200, response.statusCode(), () -> "GET " + path + ": " + response.body());
        return JSON.readTree(response.body());
    }

    private static String abbreviate(Object value) {
        String text = String.valueOf(value);
        return text.length() > 200 ? text.substring(0, 200) + "..." : text;
    }
}
