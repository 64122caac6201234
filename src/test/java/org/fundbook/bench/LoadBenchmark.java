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
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
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
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * Drives a running Fundbook through its HTTP contract and prints what it measured: throughput and latency of
 * contributions and of repayments at N concurrent clients over many groups, and single-client write latency on
 * a group with a long history against a fresh one; and of whole meetings ({@code POST .../meetings}, 25 entries
 * each: 20 contributions, 3 repayments, a loan and a cash count, with the attendance of the group's 20 members) at N
 * clients, each client sending the monthly meetings of its own groups in date order. Not a test: run it with
 * bench/run.sh.
 *
 * <p>Then, given the service's database ({@code jdbc}), it grows the event store to {@code rebuild} events by copying
 * the groups the run created under new ids (the stored events of a copy are those of its original, with the group
 * id replaced; the hash chain is computed by the database as for any stored event), waits until the continuous
 * journal check has read them all, and times the rebuild of the read models through the admin API.
 *
 * <p>Arguments (key=value): url, password, groups (200), clients (8), seconds (30), warmup (60), history (3000),
 * jdbc (the service's PostgreSQL, no rebuild figure without it), jdbcUser (postgres), jdbcPassword (empty),
 * rebuild (1000000 events; 0 for none), meetingGroups (400: groups of 20 members that hold one meeting a month from
 * February 2024 to today; they must outlast the meetings' warm-up and phase; 0 for no meetings phase),
 * meetingWarmup (20 s), servicePid and pgPid (the service's process and PostgreSQL's postmaster: with them, the CPU
 * each spent per write or meeting), statements (true: PostgreSQL's statements over the meetings phase from
 * pg_stat_statements, when the server preloads it).
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

        java.util.Set<String> phases = java.util.Set.of(a.getOrDefault("phases",
                "writes,meetings,history,rebuild,reports").split(","));
        Result contributions = null;
        Cpu cpu = new Cpu(a.get("servicePid"), a.get("pgPid"));
        if (phases.contains("writes")) {
            System.out.printf("setting up %d groups with 5 members each%n", groups);
            List<Group> all = bench.setUp(groups, clients);
            System.out.printf("warming up for %d s%n", warmup);
            bench.drive(all, clients, warmup, false);
            Cpu.Sample before = cpu.sample();
            contributions = bench.drive(all, clients, seconds, false);
            contributions.print("contributions");
            cpu.print("contributions", before, cpu.sample(), contributions.latencies().length);
            Result repayments = bench.drive(all, clients, seconds, true);
            repayments.print("repayments");
        }

        int meetingGroups = Integer.parseInt(a.getOrDefault("meetingGroups", "400"));
        MeetingResult meetings = null;
        if (meetingGroups > 0 && phases.contains("meetings")) {
            int meetingWarmup = Integer.parseInt(a.getOrDefault("meetingWarmup", "20"));
            System.out.printf("setting up %d groups of %d members for meetings%n", meetingGroups, MEETING_MEMBERS);
            List<MeetingClient> meetingClients = bench.setUpMeetings(meetingGroups, clients);
            System.out.printf("warming the meetings up for %d s%n", meetingWarmup);
            bench.meetings(meetingClients, meetingWarmup);
            Connection statements = null;
            if (a.containsKey("jdbc") && Boolean.parseBoolean(a.getOrDefault("statements", "true"))) {
                statements = resetStatements(a);
            }
            Cpu.Sample before = cpu.sample();
            meetings = bench.meetings(meetingClients, seconds);
            Cpu.Sample after = cpu.sample();
            meetings.print();
            cpu.print("meetings", before, after, meetings.meetings().latencies().length);
            if (statements != null) {
                printStatements(statements, meetings.meetings().latencies().length);
                statements.close();
            }
        }

        if (phases.contains("history")) {
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
        }
        if (contributions != null) {
            System.out.printf(Locale.ROOT, "RESULT contributions_tps=%.0f p50_ms=%.2f p99_ms=%.2f errors=%d%n",
                    contributions.throughput(), contributions.percentile(50), contributions.percentile(99),
                    contributions.errors);
        }
        if (meetings != null) {
            System.out.printf(Locale.ROOT, "RESULT meetings entries_per_s=%.0f meetings_per_s=%.1f p50_ms=%.2f"
                            + " p99_ms=%.2f max_ms=%.2f errors=%d%n", meetings.entriesPerSecond(),
                    meetings.meetings().throughput(), meetings.meetings().percentile(50),
                    meetings.meetings().percentile(99), meetings.meetings().max(), meetings.errors());
        }

        // The reports phase: a province of reportGroups groups, grown from reportTemplates groups written through
        // the API (two years of monthly meetings each) and copied in the event store; the rebuild below gives the
        // copies their read models, then each report is timed over the whole province.
        int reportGroups = Integer.parseInt(a.getOrDefault("reportGroups", "1000"));
        boolean reports = reportGroups > 0 && phases.contains("reports") && a.containsKey("jdbc");
        if (reports) {
            int templates = Math.min(reportGroups, Integer.parseInt(a.getOrDefault("reportTemplates", "25")));
            int members = Integer.parseInt(a.getOrDefault("reportMembers", "30"));
            List<String> originals = bench.setUpReportGroups(templates, members, clients);
            try (Connection db = DriverManager.getConnection(a.get("jdbc"), a.getOrDefault("jdbcUser", "postgres"),
                    a.getOrDefault("jdbcPassword", ""))) {
                copyGroups(db, originals, reportGroups - templates);
            }
        }

        long rebuildEvents = Long.parseLong(a.getOrDefault("rebuild", "1000000"));
        if (a.containsKey("jdbc") && ((rebuildEvents > 0 && phases.contains("rebuild")) || reports)) {
            try (Connection db = DriverManager.getConnection(a.get("jdbc"), a.getOrDefault("jdbcUser", "postgres"),
                    a.getOrDefault("jdbcPassword", ""))) {
                bench.rebuild(db, phases.contains("rebuild") ? rebuildEvents : 0);
            }
        }
        if (reports) {
            bench.reports(reportGroups, Integer.parseInt(a.getOrDefault("reportRuns", "30")));
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
        register(id);
        Group group = new Group(id, new ArrayList<>(), new ArrayList<>());
        group.members().add(post("/api/v1/groups/" + id + "/members", "{\"transactionId\":\"" + UUID.randomUUID()
                + "\",\"name\":\"Saver\",\"sex\":\"M\",\"membership\":\"MEMBER\",\"joinedOn\":\"2024-01-01\"}")
                .get("memberId").asText());
        return group;
    }

    /** Registers a CEDAC group on 1 January 2024, with no minimum first contribution. */
    private void register(String id) throws Exception {
        register(id, "Svay Rieng", "Chantrea", "Chantrea");
    }

    private void register(String id, String province, String district, String commune) throws Exception {
        post("/api/v1/groups", "{\"groupId\":\"" + id + "\",\"name\":\"Bench " + id.substring(0, 8) + "\","
                + "\"scheme\":\"CEDAC\",\"location\":{\"province\":\"" + province + "\",\"district\":\"" + district
                + "\",\"commune\":\"" + commune + "\",\"village\":\"V" + id.substring(0, 4) + "\"},\"registeredOn\":\"2024-01-01\","
                + "\"policy\":{\"minInitialContribution\":null}}");
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

    // ------------------------------------------------------------------------------------------- meetings

    static final int MEETING_MEMBERS = 20;
    static final int MEETING_ENTRIES = 25;
    /** The meetings' first month: the setup's meeting (registrations, first savings, three loans) is in January. */
    private static final YearMonth FIRST_MONTH = YearMonth.of(2024, 2);

    /** A group that holds meetings: its members, the loans the setup disbursed, its cash, its next month. */
    static final class MeetingGroup {
        final String id;
        final int day;
        final List<String> members = new ArrayList<>();
        final List<String> loans = new ArrayList<>();
        long cash;
        int month;

        MeetingGroup(String id, int day) {
            this.id = id;
            this.day = day;
        }

        /** The date of its next meeting, or null when that would be after today. */
        LocalDate next(LocalDate today) {
            LocalDate heldOn = FIRST_MONTH.plusMonths(month).atDay(day);
            return heldOn.isAfter(today) ? null : heldOn;
        }
    }

    /** One client's groups, whose meetings it sends month after month, taking the groups in turn. */
    static final class MeetingClient {
        final List<MeetingGroup> groups = new ArrayList<>();
        int turn;

        MeetingGroup nextGroup(LocalDate today) {
            for (int tried = 0; tried < groups.size(); tried++) {
                MeetingGroup group = groups.get(turn++ % groups.size());
                if (group.next(today) != null) {
                    return group;
                }
            }
            return null;
        }
    }

    private static String entry(String type, String fields) {
        return "{\"type\":\"" + type + "\",\"transactionId\":\"" + UUID.randomUUID() + "\"," + fields + "}";
    }

    private List<MeetingClient> setUpMeetings(int groups, int clients) throws Exception {
        List<MeetingClient> all = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            all.add(new MeetingClient());
        }
        List<MeetingGroup> created = new ArrayList<>();
        for (int g = 0; g < groups; g++) {
            MeetingGroup group = new MeetingGroup(UUID.randomUUID().toString(), 1 + g % 28);
            created.add(group);
            all.get(g % clients).groups.add(group);
        }
        parallel(clients, groups, g -> {
            MeetingGroup group = created.get(g);
            register(group.id);
            // the January meeting: the members join, each saves 100,000 riel, three of them borrow 500,000
            List<String> entries = new ArrayList<>();
            for (int m = 0; m < MEETING_MEMBERS; m++) {
                String member = UUID.randomUUID().toString();
                group.members.add(member);
                entries.add("{\"type\":\"MEMBER\",\"transactionId\":\"" + member + "\",\"name\":\"សមាជិក " + m
                        + "\",\"sex\":\"" + (m % 3 == 0 ? "M" : "F") + "\",\"membership\":\"MEMBER\"}");
            }
            for (String member : group.members) {
                entries.add(entry("CONTRIBUTION", "\"memberId\":\"" + member + "\",\"amount\":100000"));
            }
            for (int l = 0; l < 3; l++) {
                String loan = UUID.randomUUID().toString();
                group.loans.add(loan);
                entries.add("{\"type\":\"LOAN\",\"transactionId\":\"" + loan + "\",\"borrowerId\":\""
                        + group.members.get(l) + "\",\"principal\":500000,\"termMonths\":12}");
            }
            HttpResponse<String> response = send("/api/v1/groups/" + group.id + "/meetings", meeting(group,
                    LocalDate.of(2024, 1, 1), entries));
            JsonNode answer = JSON.readTree(response.body());
            if (response.statusCode() != 200 || failed(answer) > 0) {
                throw new IllegalStateException("the setup meeting of " + group.id + " answered "
                        + response.statusCode() + ": " + response.body());
            }
            group.cash = answer.get("balances").get("cash").asLong();
        });
        return all;
    }

    private static String meeting(MeetingGroup group, LocalDate heldOn, List<String> entries) {
        return "{\"meetingId\":\"" + UUID.randomUUID() + "\",\"heldOn\":\"" + heldOn + "\",\"attendance\":["
                + String.join(",", group.members.stream().map(m -> "\"" + m + "\"").toList()) + "],\"entries\":["
                + String.join(",", entries) + "]}";
    }

    /** A month's meeting: 20 contributions, a repayment of each of the setup's loans, a loan, the cash count. */
    private static List<String> monthlyEntries(MeetingGroup group, ThreadLocalRandom random) {
        List<String> entries = new ArrayList<>(MEETING_ENTRIES);
        long cash = group.cash;
        for (String member : group.members) {
            long amount = 1_000 * (1 + random.nextInt(50));
            cash += amount;
            entries.add(entry("CONTRIBUTION", "\"memberId\":\"" + member + "\",\"amount\":" + amount));
        }
        for (String loan : group.loans) {
            // below the month's interest on 500,000 riel at 2%: never more than is due, whenever it is paid
            long amount = 5_000 + 1_000 * random.nextInt(5);
            cash += amount;
            entries.add(entry("REPAYMENT", "\"loanId\":\"" + loan + "\",\"amount\":" + amount));
        }
        cash -= 200_000;
        entries.add(entry("LOAN", "\"borrowerId\":\"" + group.members.get(group.month % MEETING_MEMBERS)
                + "\",\"principal\":200000,\"termMonths\":12"));
        // what the box should hold after the meeting: the count is judged last
        entries.add(entry("CASH_COUNT", "\"countedCash\":" + cash));
        return entries;
    }

    /** Entries of an answer that were not recorded now (any status but 201, or a replay). */
    private static int failed(JsonNode answer) {
        int failed = 0;
        for (JsonNode result : answer.get("results")) {
            if (result.get("status").asInt() != 201 || result.get("replayed").asBoolean()) {
                failed++;
            }
        }
        return failed;
    }

    record MeetingResult(Result meetings, long recordedEntries, long failedMeetings, long failedEntries,
                         long countsOff, boolean ranOut) {

        double entriesPerSecond() {
            return recordedEntries / (meetings.elapsedNanos() / 1e9);
        }

        long errors() {
            return failedMeetings + failedEntries;
        }

        void print() {
            meetings.print("meetings of " + MEETING_ENTRIES + " entries");
            System.out.printf(Locale.ROOT, "%-40s %8d recorded %7.0f /s  (meetings refused or failed %d, entries"
                    + " refused %d, cash counts off %d)%n", "  their entries", recordedEntries, entriesPerSecond(),
                    failedMeetings, failedEntries, countsOff);
            if (ranOut) {
                System.out.println("WARNING some clients ran out of months before the end: raise meetingGroups");
            }
        }
    }

    private MeetingResult meetings(List<MeetingClient> clients, int seconds) throws Exception {
        LocalDate today = LocalDate.now(ZoneOffset.UTC); // never after the service's today (UTC+7)
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        ExecutorService pool = Executors.newFixedThreadPool(clients.size());
        List<Future<long[]>> futures = new ArrayList<>();
        AtomicLong recorded = new AtomicLong();
        AtomicLong failedMeetings = new AtomicLong();
        AtomicLong failedEntries = new AtomicLong();
        AtomicLong countsOff = new AtomicLong();
        AtomicBoolean ranOut = new AtomicBoolean();
        long start = System.nanoTime();
        for (MeetingClient client : clients) {
            futures.add(pool.submit(() -> {
                long[] latencies = new long[1 << 18];
                int n = 0;
                ThreadLocalRandom random = ThreadLocalRandom.current();
                while (System.nanoTime() < end && n < latencies.length) {
                    MeetingGroup group = client.nextGroup(today);
                    if (group == null) {
                        ranOut.set(true);
                        break;
                    }
                    LocalDate heldOn = group.next(today);
                    List<String> entries = monthlyEntries(group, random);
                    String body = meeting(group, heldOn, entries);
                    long t0 = System.nanoTime();
                    HttpResponse<String> response = send("/api/v1/groups/" + group.id + "/meetings", body);
                    latencies[n++] = System.nanoTime() - t0;
                    group.month++;
                    if (response.statusCode() != 200) {
                        failedMeetings.incrementAndGet();
                        continue;
                    }
                    JsonNode answer = JSON.readTree(response.body());
                    int failed = failed(answer);
                    failedEntries.addAndGet(failed);
                    recorded.addAndGet(answer.get("results").size() - failed);
                    long cash = answer.get("balances").get("cash").asLong();
                    JsonNode count = answer.get("results").get(entries.size() - 1).get("body").get("discrepancy");
                    if (count == null || count.asLong() != 0) {
                        countsOff.incrementAndGet();
                    }
                    group.cash = cash;
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
        return new MeetingResult(new Result(merge(all), elapsed, failedMeetings.get() + failedEntries.get()),
                recorded.get(), failedMeetings.get(), failedEntries.get(), countsOff.get(), ranOut.get());
    }

    // -------------------------------------------------------------------------------------------- reports

    static final String REPORT_PROVINCE = "Bench Province";
    /** The two years of monthly meetings of a report group: January 2024 (the setup) to December 2025. */
    static final int REPORT_MONTHS = 24;

    /**
     * Groups of the report province written through the API: each registered on 2024-01-01 in one of 5 districts of
     * 2 communes each, with a setup meeting in January 2024 ({@code members} members join and save 100,000 riel
     * each, three of them borrow 500,000) and then a meeting a month to December 2025 ({@link #monthlyEntries}: each
     * member saves, the three loans are repaid a little, a new loan of 200,000, a cash count). Returns their ids.
     */
    private List<String> setUpReportGroups(int templates, int members, int clients) throws Exception {
        System.out.printf("writing %d report groups of %d members with %d monthly meetings each%n", templates,
                members, REPORT_MONTHS);
        List<MeetingGroup> groups = new ArrayList<>();
        for (int g = 0; g < templates; g++) {
            groups.add(new MeetingGroup(UUID.randomUUID().toString(), 1 + g % 28));
        }
        long start = System.nanoTime();
        parallel(clients, templates, g -> {
            MeetingGroup group = groups.get(g);
            int district = g % 5;
            register(group.id, REPORT_PROVINCE, "District " + district, "Commune " + district + "." + (g / 5) % 2);
            List<String> entries = new ArrayList<>();
            for (int m = 0; m < members; m++) {
                String member = UUID.randomUUID().toString();
                group.members.add(member);
                entries.add("{\"type\":\"MEMBER\",\"transactionId\":\"" + member + "\",\"name\":\"សមាជិក " + m
                        + "\",\"sex\":\"" + (m % 3 == 0 ? "M" : "F") + "\",\"membership\":\"MEMBER\","
                        + "\"poorestFamily\":" + (m % 3 == 1) + "}");
            }
            for (String member : group.members) {
                entries.add(entry("CONTRIBUTION", "\"memberId\":\"" + member + "\",\"amount\":100000"));
            }
            for (int l = 0; l < 3; l++) {
                String loan = UUID.randomUUID().toString();
                group.loans.add(loan);
                entries.add("{\"type\":\"LOAN\",\"transactionId\":\"" + loan + "\",\"borrowerId\":\""
                        + group.members.get(l) + "\",\"principal\":500000,\"termMonths\":12}");
            }
            JsonNode answer = recordedMeeting(group, LocalDate.of(2024, 1, group.day), entries);
            group.cash = answer.get("balances").get("cash").asLong();
            ThreadLocalRandom random = ThreadLocalRandom.current();
            for (int month = 1; month < REPORT_MONTHS; month++) {
                group.month = month;
                LocalDate heldOn = YearMonth.of(2024, 1).plusMonths(month).atDay(group.day);
                group.cash = recordedMeeting(group, heldOn, monthlyEntries(group, random)).get("balances").get("cash")
                        .asLong();
            }
        });
        System.out.printf(Locale.ROOT, "RESULT reports setup groups=%d meetings=%d took_s=%.1f%n", templates,
                templates * REPORT_MONTHS, (System.nanoTime() - start) / 1e9);
        return groups.stream().map(group -> group.id).toList();
    }

    private JsonNode recordedMeeting(MeetingGroup group, LocalDate heldOn, List<String> entries) throws Exception {
        HttpResponse<String> response = send("/api/v1/groups/" + group.id + "/meetings", meeting(group, heldOn,
                entries));
        JsonNode answer = JSON.readTree(response.body());
        if (response.statusCode() != 200 || failed(answer) > 0) {
            throw new IllegalStateException("the meeting of " + heldOn + " of " + group.id + " answered "
                    + response.statusCode() + ": " + response.body());
        }
        return answer;
    }

    /**
     * {@code copies} more groups, copies of the originals in turn, grown the way the rebuild phase grows the store:
     * each copy's events are its original's with the group id replaced, inserted by the database (which chains their
     * hashes as for any stored event). They have no read models until the rebuild.
     */
    private static void copyGroups(Connection db, List<String> originals, int copies) throws Exception {
        long start = System.nanoTime();
        long events = 0;
        try (Statement sql = db.createStatement()) {
            for (int left = copies; left > 0; left -= originals.size()) {
                List<String> round = originals.subList(0, Math.min(left, originals.size()));
                sql.execute("CREATE TEMP TABLE copy_of (original TEXT, copy TEXT)");
                sql.execute("INSERT INTO copy_of SELECT original, gen_random_uuid()::text FROM unnest(ARRAY['"
                        + String.join("','", round) + "']) original");
                sql.execute("ANALYZE copy_of");
                events += sql.executeUpdate("""
                        INSERT INTO domain_event_entry (eventIdentifier, aggregateIdentifier, sequenceNumber, type,
                            timeStamp, payloadType, payloadRevision, payload, metaData)
                        SELECT gen_random_uuid()::text, c.copy, e.sequenceNumber, e.type, e.timeStamp, e.payloadType,
                            e.payloadRevision, convert_to(replace(convert_from(e.payload, 'UTF8'), c.original, c.copy),
                                'UTF8'), e.metaData
                        FROM domain_event_entry e JOIN copy_of c ON c.original = e.aggregateIdentifier
                        ORDER BY e.globalIndex""");
                sql.execute("DROP TABLE copy_of");
            }
        }
        System.out.printf(Locale.ROOT, "RESULT reports copies groups=%d events=%d took_s=%.1f store_events=%d%n",
                copies, events, (System.nanoTime() - start) / 1e9,
                count(db, "SELECT count(*) FROM domain_event_entry"));
    }

    /** Each report over the whole report province, one request at a time: p50, p99 and max of {@code runs}. */
    private void reports(int groups, int runs) throws Exception {
        String province = "province=" + java.net.URLEncoder.encode(REPORT_PROVINCE, StandardCharsets.UTF_8);
        String[][] reports = {
                {"portfolio", "/api/v1/reports/portfolio?asOf=2025-12-31&" + province, "application/json"},
                {"allocations month", "/api/v1/reports/allocations?period=2025-12&" + province, "application/json"},
                {"allocations quarter", "/api/v1/reports/allocations?period=2025-Q4&" + province, "application/json"},
                {"metrics open period", "/api/v1/reports/metrics?asOf=2025-12-31&" + province, "application/json"},
                {"metrics 2025", "/api/v1/reports/metrics?from=2025-01-01&asOf=2025-12-31&" + province,
                        "application/json"},
                {"metrics 2025 csv", "/api/v1/reports/metrics?from=2025-01-01&asOf=2025-12-31&" + province,
                        "text/csv"},
                {"metrics 2025 xlsx", "/api/v1/reports/metrics?from=2025-01-01&asOf=2025-12-31&" + province,
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"},
                {"allocations quarter xlsx", "/api/v1/reports/allocations?period=2025-Q4&" + province,
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"},
        };
        JsonNode check = JSON.readTree(get(reports[3][1], "application/json").body());
        if (check.get("rows").size() != groups) {
            throw new IllegalStateException("the metrics report has " + check.get("rows").size() + " rows, not "
                    + groups);
        }
        System.out.printf("timing each report over %d groups: 5 warm-up requests, then %d%n", groups, runs);
        for (String[] report : reports) {
            int bytes = 0;
            for (int i = 0; i < 5; i++) {
                bytes = get(report[1], report[2]).body().length;
            }
            long[] latencies = new long[runs];
            long start = System.nanoTime();
            for (int i = 0; i < runs; i++) {
                long t0 = System.nanoTime();
                HttpResponse<byte[]> response = get(report[1], report[2]);
                latencies[i] = System.nanoTime() - t0;
                if (response.statusCode() != 200) {
                    throw new IllegalStateException(report[0] + " answered " + response.statusCode());
                }
            }
            Result result = new Result(latencies, System.nanoTime() - start, 0);
            System.out.printf(Locale.ROOT, "RESULT reports %-26s groups=%d p50_ms=%.1f p99_ms=%.1f max_ms=%.1f"
                    + " bytes=%d%n", report[0].replace(' ', '_'), groups, result.percentile(50), result.percentile(99),
                    result.max(), bytes);
        }
    }

    private HttpResponse<byte[]> get(String path, String accept) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url + path)).header("Authorization", auth)
                .header("Accept", accept).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** A connection whose pg_stat_statements were just reset, or null when the server does not preload it. */
    private static Connection resetStatements(java.util.Map<String, String> a) {
        try {
            Connection db = DriverManager.getConnection(a.get("jdbc"), a.getOrDefault("jdbcUser", "postgres"),
                    a.getOrDefault("jdbcPassword", ""));
            try (Statement sql = db.createStatement()) {
                sql.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
                sql.execute("SELECT pg_stat_statements_reset()");
                return db;
            } catch (Exception e) {
                db.close();
                return null;
            }
        } catch (Exception e) {
            return null;
        }
    }

    /** PostgreSQL's statements over the phase, by total execution time. */
    private static void printStatements(Connection db, long meetings) throws Exception {
        try (Statement sql = db.createStatement(); ResultSet rs = sql.executeQuery("""
                SELECT calls, total_exec_time, total_plan_time, rows, regexp_replace(query, '\\s+', ' ', 'g')
                FROM pg_stat_statements ORDER BY total_exec_time + total_plan_time DESC LIMIT 20""")) {
            System.out.println("PostgreSQL over the meetings phase (pg_stat_statements): ms per meeting, calls per"
                    + " meeting, ms per call");
            while (rs.next()) {
                double total = rs.getDouble(2) + rs.getDouble(3);
                String query = rs.getString(5);
                System.out.printf(Locale.ROOT, "  %7.3f ms %7.2f calls %7.3f ms  %s%n", total / meetings,
                        rs.getLong(1) / (double) meetings, total / Math.max(1, rs.getLong(1)),
                        query.length() > 110 ? query.substring(0, 110) : query);
            }
        }
    }

    /**
     * CPU time of the service, of PostgreSQL (the postmaster, its live backends and the ones that ended), of this
     * load generator and of the whole machine, from /proc: what a phase cost each of them per write.
     */
    static final class Cpu {
        private final String servicePid;
        private final String pgPid;

        Cpu(String servicePid, String pgPid) {
            this.servicePid = servicePid;
            this.pgPid = pgPid;
        }

        record Sample(long nanos, long service, long postgres, long self, long machine) {
        }

        Sample sample() {
            try {
                return new Sample(System.nanoTime(), servicePid == null ? -1 : ticks(servicePid, false),
                        pgPid == null ? -1 : postgres(), ticks("self", false), machine());
            } catch (Exception e) {
                return new Sample(System.nanoTime(), -1, -1, -1, -1);
            }
        }

        private long postgres() throws Exception {
            long total = ticks(pgPid, true);
            try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
                for (Path process : processes.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
                    try {
                        String[] f = fields(Files.readString(process.resolve("stat")));
                        if (f[1].equals(pgPid)) { // field 4, ppid
                            total += Long.parseLong(f[11]) + Long.parseLong(f[12]);
                        }
                    } catch (Exception gone) {
                        // ended between the listing and the read: its time is in the postmaster's children's
                    }
                }
            }
            return total;
        }

        /** The fields of /proc/[pid]/stat after the command's name, from field 3 (state) on. */
        private static String[] fields(String stat) {
            return stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        }

        private static long ticks(String pid, boolean withChildren) throws Exception {
            String[] f = fields(Files.readString(Path.of("/proc", pid, "stat")));
            long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]); // utime, stime
            return withChildren ? ticks + Long.parseLong(f[13]) + Long.parseLong(f[14]) : ticks;
        }

        private static long machine() throws Exception {
            String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long busy = 0;
            for (int i = 1; i < f.length && i <= 8; i++) {
                if (i != 4 && i != 5) { // idle, iowait
                    busy += Long.parseLong(f[i]);
                }
            }
            return busy;
        }

        /** Milliseconds of CPU per write, at 100 ticks a second, and the cores each used. */
        void print(String what, Sample from, Sample to, long writes) {
            if (writes == 0 || from.self() < 0 || to.self() < 0) {
                return;
            }
            double seconds = (to.nanos() - from.nanos()) / 1e9;
            StringBuilder line = new StringBuilder("RESULT cpu " + what + " ms_per_write");
            StringBuilder cores = new StringBuilder(" cores");
            long known = 0;
            String[] names = {"service", "postgres", "loadgen"};
            long[] spent = {to.service() - from.service(), to.postgres() - from.postgres(), to.self() - from.self()};
            boolean[] measured = {from.service() >= 0, from.postgres() >= 0, true};
            for (int i = 0; i < names.length; i++) {
                if (measured[i]) {
                    known += spent[i];
                    line.append(String.format(Locale.ROOT, " %s=%.2f", names[i], spent[i] * 10.0 / writes));
                    cores.append(String.format(Locale.ROOT, " %s=%.2f", names[i], spent[i] / 100.0 / seconds));
                }
            }
            long machine = to.machine() - from.machine();
            cores.append(String.format(Locale.ROOT, " other=%.2f machine=%.2f of %d",
                    Math.max(0, machine - known) / 100.0 / seconds, machine / 100.0 / seconds,
                    Runtime.getRuntime().availableProcessors()));
            System.out.println(line.append(cores));
        }
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

        double max() {
            return latencies.length == 0 ? Double.NaN : latencies[latencies.length - 1] / 1e6;
        }

        void print(String what) {
            System.out.printf(Locale.ROOT, "%-40s %8d requests %8.0f /s  p50 %6.2f ms  p99 %6.2f ms  max %7.2f ms"
                            + "  errors %d%n", what, latencies.length, throughput(), percentile(50), percentile(99),
                    latencies.length == 0 ? 0 : latencies[latencies.length - 1] / 1e6, errors);
        }
    }
}
