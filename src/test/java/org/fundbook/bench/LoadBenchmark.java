package org.fundbook.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Drives a running Fundbook through its HTTP contract and prints what it measured: throughput and latency of
 * contributions and of repayments at N concurrent clients over many groups, and single-client write latency on
 * a group with a long history against a fresh one. Not a test: run it with bench/run.sh.
 *
 * <p>Then, given the service's database ({@code jdbc}), it grows the event store to {@code rebuild} events by copying
 * the groups the run created under new ids (the stored events of a copy are those of its original, with the group
 * id replaced; the hash chain is computed by the database as for any stored event), waits until the continuous
 * journal check has read them all, and times the rebuild of the read models through the admin API.
 *
 * <p>Arguments (key=value): url, password, groups (200), clients (8), seconds (30), warmup (60), history (3000),
 * jdbc (the service's PostgreSQL, no rebuild figure without it), jdbcUser (postgres), jdbcPassword (empty),
 * rebuild (1000000 events; 0 for none).
 */
public final class LoadBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final String url;
    private final String auth;

    private LoadBenchmark(String url, String password) {
        this.url = url;
        this.auth = "Basic " + Base64.getEncoder().encodeToString(("admin:" + password)
                .getBytes(StandardCharsets.UTF_8));
    }

    public static void main(String[] args) throws Exception {
        java.util.Map<String, String> a = new java.util.HashMap<>();
        for (String arg : args) {
            String[] kv = arg.split("=", 2);
            a.put(kv[0], kv.length > 1 ? kv[1] : "");
        }
        LoadBenchmark bench = new LoadBenchmark(a.getOrDefault("url", "http://localhost:8080"),
                a.getOrDefault("password", "bench-admin-password"));
        int groups = Integer.parseInt(a.getOrDefault("groups", "200"));
        int clients = Integer.parseInt(a.getOrDefault("clients", "8"));
        int seconds = Integer.parseInt(a.getOrDefault("seconds", "30"));
        int warmup = Integer.parseInt(a.getOrDefault("warmup", "60"));
        int history = Integer.parseInt(a.getOrDefault("history", "3000"));

        System.out.printf("setting up %d groups with 5 members each%n", groups);
        List<Group> all = bench.setUp(groups, clients);
        System.out.printf("warming up for %d s%n", warmup);
        bench.drive(all, clients, warmup, false);
        Result contributions = bench.drive(all, clients, seconds, false);
        contributions.print("contributions");
        Result repayments = bench.drive(all, clients, seconds, true);
        repayments.print("repayments");

        System.out.printf("building a group with %d events%n", history);
        Group longGroup = bench.group();
        bench.parallel(clients, history, i -> bench.contribute(longGroup, 1_000));
        Group fresh = bench.group();
        bench.sequential(fresh, 300);
        bench.sequential(longGroup, 300);
        Result freshResult = bench.sequential(fresh, 1000);
        Result longResult = bench.sequential(longGroup, 1000);
        freshResult.print("fresh group, 1 client");
        longResult.print("group with " + (history + 300) + "+ events, 1 client");
        System.out.printf(Locale.ROOT, "RESULT long-history p50 / fresh p50 = %.2f%n",
                longResult.percentile(50) / freshResult.percentile(50));
        System.out.printf(Locale.ROOT, "RESULT contributions_tps=%.0f p50_ms=%.2f p99_ms=%.2f errors=%d%n",
                contributions.throughput(), contributions.percentile(50), contributions.percentile(99),
                contributions.errors);

        long rebuildEvents = Long.parseLong(a.getOrDefault("rebuild", "1000000"));
        if (a.containsKey("jdbc") && rebuildEvents > 0) {
            try (Connection db = DriverManager.getConnection(a.get("jdbc"), a.getOrDefault("jdbcUser", "postgres"),
                    a.getOrDefault("jdbcPassword", ""))) {
                bench.rebuild(db, rebuildEvents);
            }
        }
    }

    private void rebuild(Connection db, long target) throws Exception {
        long events = count(db, "SELECT count(*) FROM domain_event_entry");
        long originals = count(db, "SELECT max(globalIndex) FROM domain_event_entry");
        System.out.printf("growing the event store from %d to %d events%n", events, target);
        try (Statement sql = db.createStatement()) {
            while (events < target) {
                sql.execute("CREATE TEMP TABLE copy_of (original TEXT, copy TEXT)");
                sql.execute("INSERT INTO copy_of SELECT original, gen_random_uuid()::text FROM (SELECT DISTINCT "
                        + "aggregateIdentifier AS original FROM domain_event_entry WHERE globalIndex <= " + originals
                        + ") groups");
                sql.execute("ANALYZE copy_of");
                events += sql.executeUpdate("""
                        INSERT INTO domain_event_entry (eventIdentifier, aggregateIdentifier, sequenceNumber, type,
                            timeStamp, payloadType, payloadRevision, payload, metaData)
                        SELECT gen_random_uuid()::text, c.copy, e.sequenceNumber, e.type, e.timeStamp, e.payloadType,
                            e.payloadRevision, convert_to(replace(convert_from(e.payload, 'UTF8'), c.original, c.copy),
                                'UTF8'), e.metaData
                        FROM domain_event_entry e JOIN copy_of c ON c.original = e.aggregateIdentifier
                        WHERE e.globalIndex <= """ + originals + " ORDER BY e.globalIndex");
                sql.execute("DROP TABLE copy_of");
            }
        }
        System.out.printf("waiting for the journal check to read all %d events%n", events);
        long deadline = System.nanoTime() + 30L * 60 * 1_000_000_000L;
        while (count(db, "SELECT coalesce(sum(last_sequence + 1), 0) FROM ledger_check_position") < events) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the journal check did not catch up in 30 minutes");
            }
            Thread.sleep(2_000);
        }
        HttpResponse<String> response = send("/api/v1/admin/projections/rebuild", "");
        if (response.statusCode() != 200) {
            throw new IllegalStateException("rebuild answered " + response.statusCode() + ": " + response.body());
        }
        JsonNode rebuilt = JSON.readTree(response.body());
        long replayed = rebuilt.get("events").asLong();
        long millis = rebuilt.get("tookMillis").asLong();
        System.out.printf(Locale.ROOT, "RESULT rebuild events=%d took_ms=%d events_per_s=%.0f%n", replayed, millis,
                replayed / (millis / 1000.0));
        // the journal check then compares the rebuilt balances of every group with its own totals
        Thread.sleep(5_000);
        HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(url + "/actuator/health"))
                .header("Authorization", auth).GET().build(), HttpResponse.BodyHandlers.ofString());
        System.out.println("RESULT health after the rebuild: " + health.statusCode() + " " + health.body());
    }

    private static long count(Connection db, String query) throws Exception {
        try (Statement sql = db.createStatement(); ResultSet rs = sql.executeQuery(query)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    record Group(String id, List<String> members, List<String> loans) {
    }

    interface Step {
        void run(int i) throws Exception;
    }

    private List<Group> setUp(int groups, int clients) throws Exception {
        List<Group> all = new ArrayList<>();
        for (int g = 0; g < groups; g++) {
            all.add(group());
        }
        parallel(clients, groups, g -> {
            Group group = all.get(g);
            for (int m = 0; m < 5; m++) {
                group.members().add(post("/api/v1/groups/" + group.id() + "/members", "{\"transactionId\":\""
                        + UUID.randomUUID() + "\",\"name\":\"សមាជិក " + m + "\",\"sex\":\"F\",\"membership\":\"MEMBER\","
                        + "\"joinedOn\":\"2024-01-01\"}").get("memberId").asText());
                contribute(group, 1_000_000);
            }
            for (int l = 0; l < 3; l++) {
                group.loans().add(post("/api/v1/groups/" + group.id() + "/loans", "{\"transactionId\":\""
                        + UUID.randomUUID() + "\",\"borrowerId\":\"" + group.members().get(l) + "\",\"principal\":"
                        + "1000000,\"termMonths\":12,\"occurredOn\":\"2024-01-05\"}").get("loanId").asText());
            }
        });
        return all;
    }

    private Group group() throws Exception {
        String id = UUID.randomUUID().toString();
        post("/api/v1/groups", "{\"groupId\":\"" + id + "\",\"name\":\"Bench " + id.substring(0, 8) + "\","
                + "\"scheme\":\"CEDAC\",\"location\":{\"province\":\"Svay Rieng\",\"district\":\"Chantrea\","
                + "\"commune\":\"Chantrea\",\"village\":\"V" + id.substring(0, 4) + "\"},\"registeredOn\":\"2024-01-01\","
                + "\"policy\":{\"minInitialContribution\":null}}");
        Group group = new Group(id, new ArrayList<>(), new ArrayList<>());
        group.members().add(post("/api/v1/groups/" + id + "/members", "{\"transactionId\":\"" + UUID.randomUUID()
                + "\",\"name\":\"Saver\",\"sex\":\"M\",\"membership\":\"MEMBER\",\"joinedOn\":\"2024-01-01\"}")
                .get("memberId").asText());
        return group;
    }

    private void contribute(Group group, long amount) throws Exception {
        String member = group.members().get(ThreadLocalRandom.current().nextInt(group.members().size()));
        post("/api/v1/groups/" + group.id() + "/contributions", "{\"transactionId\":\"" + UUID.randomUUID()
                + "\",\"memberId\":\"" + member + "\",\"amount\":" + amount + ",\"occurredOn\":\"2024-01-02\"}");
    }

    private Result drive(List<Group> groups, int clients, int seconds, boolean repay) throws Exception {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<long[]>> futures = new ArrayList<>();
        AtomicLong errors = new AtomicLong();
        long start = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            futures.add(pool.submit(() -> {
                long[] latencies = new long[1 << 20];
                int n = 0;
                ThreadLocalRandom random = ThreadLocalRandom.current();
                while (System.nanoTime() < end && n < latencies.length) {
                    Group group = groups.get(random.nextInt(groups.size()));
                    String path;
                    String body;
                    if (repay) {
                        path = "/api/v1/groups/" + group.id() + "/loans/"
                                + group.loans().get(random.nextInt(group.loans().size())) + "/repayments";
                        body = "{\"transactionId\":\"" + UUID.randomUUID() + "\",\"amount\":100,"
                                + "\"occurredOn\":\"2024-01-20\"}";
                    } else {
                        path = "/api/v1/groups/" + group.id() + "/contributions";
                        body = "{\"transactionId\":\"" + UUID.randomUUID() + "\",\"memberId\":\""
                                + group.members().get(random.nextInt(group.members().size()))
                                + "\",\"amount\":" + (1 + random.nextInt(50_000)) + ",\"occurredOn\":\"2024-01-02\"}";
                    }
                    long t0 = System.nanoTime();
                    int status = send(path, body).statusCode();
                    latencies[n++] = System.nanoTime() - t0;
                    if (status != 201) {
                        errors.incrementAndGet();
                    }
                }
                return Arrays.copyOf(latencies, n);
            }));
        }
        List<long[]> all = new ArrayList<>();
        for (Future<long[]> f : futures) {
            all.add(f.get());
        }
        long elapsed = System.nanoTime() - start;
        pool.shutdown();
        return new Result(merge(all), elapsed, errors.get());
    }

    private Result sequential(Group group, int writes) throws Exception {
        long[] latencies = new long[writes];
        long errors = 0;
        long start = System.nanoTime();
        for (int i = 0; i < writes; i++) {
            long t0 = System.nanoTime();
            int status = send("/api/v1/groups/" + group.id() + "/contributions", "{\"transactionId\":\""
                    + UUID.randomUUID() + "\",\"memberId\":\"" + group.members().get(0)
                    + "\",\"amount\":1000,\"occurredOn\":\"2024-01-02\"}").statusCode();
            latencies[i] = System.nanoTime() - t0;
            errors += status == 201 ? 0 : 1;
        }
        return new Result(latencies, System.nanoTime() - start, errors);
    }

    private void parallel(int clients, int count, Step step) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<?>> futures = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int index = i;
            futures.add(pool.submit(() -> {
                step.run(index);
                return null;
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        pool.shutdown();
    }

    private JsonNode post(String path, String body) throws Exception {
        HttpResponse<String> response = send(path, body);
        if (response.statusCode() != 201) {
            throw new IllegalStateException(path + " answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }

    private HttpResponse<String> send(String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url + path))
                .header("Content-Type", "application/json").header("Authorization", auth)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static long[] merge(List<long[]> parts) {
        long[] merged = parts.stream().flatMapToLong(Arrays::stream).toArray();
        Arrays.sort(merged);
        return merged;
    }

    record Result(long[] latencies, long elapsedNanos, long errors) {
        Result {
            latencies = latencies.clone();
            Arrays.sort(latencies);
        }

        double throughput() {
            return latencies.length / (elapsedNanos / 1e9);
        }

        double percentile(int p) {
            if (latencies.length == 0) {
                return Double.NaN;
            }
            int index = (int) Math.min(latencies.length - 1, Math.ceil(p / 100.0 * latencies.length) - 1);
            return latencies[Math.max(0, index)] / 1e6;
        }

        void print(String what) {
            System.out.printf(Locale.ROOT, "%-40s %8d requests %8.0f /s  p50 %6.2f ms  p99 %6.2f ms  max %7.2f ms"
                            + "  errors %d%n", what, latencies.length, throughput(), percentile(50), percentile(99),
                    latencies.length == 0 ? 0 : latencies[latencies.length - 1] / 1e6, errors);
        }
    }
}
