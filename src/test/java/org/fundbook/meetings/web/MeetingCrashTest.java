package org.fundbook.meetings.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.fundbook.FundbookApplication;
import org.fundbook.support.Api;
import org.fundbook.support.IntegrationTest;
import org.fundbook.support.Ledger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 15, "never a part of a meeting". A second service, its own OS process on this test's database, is killed
 * (SIGKILL) while clients send it whole meetings as fast as they can — at a moment when one of its transactions has
 * written a meeting's events and not committed them. Afterwards every meeting sent is in the database whole (each
 * entry's idempotency record and its one event, the {@code MeetingHeld}, the meetings' read model, the stream's
 * position, the group's balances) or not at all, and every answered one is whole. Then each meeting is sent again,
 * twice at once, to the node that lives: a recorded one answers every entry from its record, the others are recorded
 * now, each entry exactly once, and the money is what the entries add up to.
 */
class MeetingCrashTest extends IntegrationTest {

    private static final String HELD_ON = "2024-03-05";
    private static final int GROUPS = 4;
    private static final int CLIENTS = 8;
    private static final int SAVERS = 6;
    private static final int ENTRIES = 25;
    /** Meetings the service answers before it is killed. */
    private static final int ANSWERED_BEFORE_KILL = 12;
    private static final long PRINCIPAL = 100_000;
    private static final long REPAYMENT = 10_000;
    /** Month 1's interest on 100,000 at the CEDAC member rate (2%), paid first by the loan's first repayment. */
    private static final long INTEREST = 2_000;
    private static final long NEWCOMER_SAVES = 5_000;

    /** The child's transactions that have written events and not committed them (an INSERT's table lock). */
    private static final String WRITING_EVENTS = """
            SELECT a.backend_xid::text FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
            WHERE a.application_name = ? AND l.relation = 'domain_event_entry'::regclass
              AND l.mode = 'RowExclusiveLock' AND l.granted""";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    @Autowired
    private EmbeddedPostgres database;

    /** Names the child's database connections, to watch them. */
    private final String childName = "fundbook-crash-" + Api.id().substring(0, 8);
    private Process child;
    private Thread killChildOnExit;
    private Path childLog;

    /** A group with its savers, and its money before the meetings. */
    private record Group(Ledger ledger, List<String> savers, JsonNode balancesBefore) {
    }

    /** One meeting as a phone sent it, and what became of it (written by one client, read once they all ended). */
    private static final class Sent {
        final String groupId;
        final String meetingId;
        final Map<String, Object> body;
        final List<String> transactionIds;
        final long contributed;
        volatile long startedAt;
        volatile JsonNode answer;

        Sent(String groupId, String meetingId, Map<String, Object> body, List<String> transactionIds,
             long contributed) {
            this.groupId = groupId;
            this.meetingId = meetingId;
            this.body = body;
            this.transactionIds = transactionIds;
            this.contributed = contributed;
        }

        String path() {
            return "/api/v1/groups/" + groupId + "/meetings";
        }

        @Override
        public String toString() {
            return "meeting " + meetingId + " of group " + groupId;
        }
    }

    /** What the database holds of one meeting. */
    private record Stored(int idempotencyRecords, int entryEvents, Set<String> entriesWithOneEvent,
                          int meetingHeld, int eventsOfTheRequest, boolean readModelRow,
                          Set<String> readModelTransactions) {

        boolean whole(Sent meeting) {
            Set<String> entries = new HashSet<>(meeting.transactionIds);
            return idempotencyRecords == ENTRIES && entryEvents == ENTRIES && entriesWithOneEvent.equals(entries)
                    && meetingHeld == 1 && eventsOfTheRequest == ENTRIES + 1 && readModelRow
                    && readModelTransactions.equals(entries);
        }

        boolean absent() {
            return idempotencyRecords == 0 && entryEvents == 0 && meetingHeld == 0 && eventsOfTheRequest == 0
                    && !readModelRow;
        }
    }

    /** What the clients sent the child, and the moment it was killed. */
    private record Crash(List<Sent> sent, long killedAt, List<String> writingAtKill) {
    }

    @AfterEach
    void killTheChildWhateverHappened() throws InterruptedException {
        if (child != null) {
            child.destroyForcibly();
            child.waitFor(10, TimeUnit.SECONDS);
        }
        if (killChildOnExit != null) {
            try {
                Runtime.getRuntime().removeShutdownHook(killChildOnExit);
            } catch (IllegalStateException shuttingDown) {
                // the hook runs anyway
            }
        }
    }

    @Test
    void aMeetingIsWhollyRecordedOrNotAtAllWhenTheServiceIsKilledAndItsResendCompletesItOnce() throws Exception {
        long start = System.nanoTime();
        startChild();
        List<Group> groups = new ArrayList<>();
        for (int g = 0; g < GROUPS; g++) {
            groups.add(aGroupWithSavers()); // through this node, while the child starts
        }
        String childBase = "http://localhost:" + awaitPort();
        awaitHealthy(childBase);
        long childUp = System.nanoTime();

        Crash crash = sendMeetingsAndKill(childBase, groups);
        // A transaction whose COMMIT reached PostgreSQL before the kill still commits: look once the child's
        // connections are gone, so that what is seen is final.
        awaitChildConnectionsGone();

        Map<Sent, Stored> afterCrash = stored(crash.sent());
        List<String> parts = new ArrayList<>();
        int whole = 0;
        int inFlight = 0;
        int inFlightWhole = 0;
        for (Sent meeting : crash.sent()) {
            Stored stored = afterCrash.get(meeting);
            boolean isWhole = stored.whole(meeting);
            if (!isWhole && !stored.absent()) {
                parts.add(meeting + ": " + stored);
            }
            whole += isWhole ? 1 : 0;
            if (meeting.answer == null && meeting.startedAt < crash.killedAt()) {
                inFlight++;
                inFlightWhole += isWhole ? 1 : 0;
            }
            if (meeting.answer != null) {
                assertThat(isWhole).as("%s was answered, yet the database holds %s", meeting, stored).isTrue();
            }
        }
        assertThat(parts).as("meetings recorded in part").isEmpty();
        for (Group group : groups) {
            assertConsistent(group, crash.sent().stream().filter(m -> afterCrash.get(m).whole(m)).toList());
        }
        System.out.printf("MeetingCrashTest: child up after %d ms; %d meetings sent, %d answered, %d in flight at"
                        + " the kill (%d recorded whole, %d not at all), %d sent after it; the kill was sent while"
                        + " transactions %s of the child held uncommitted events, which PostgreSQL then %s%n",
                TimeUnit.NANOSECONDS.toMillis(childUp - start), crash.sent().size(),
                crash.sent().stream().filter(m -> m.answer != null).count(), inFlight, inFlightWhole,
                inFlight - inFlightWhole, crash.sent().stream().filter(m -> m.startedAt >= crash.killedAt()).count(),
                crash.writingAtKill(), crash.writingAtKill().stream().map(xid -> jdbc.queryForObject(
                        "SELECT pg_xact_status(?::xid8)", String.class, xid)).toList());

        resendTwiceAtOnce(crash.sent(), afterCrash);

        Map<Sent, Stored> afterResend = stored(crash.sent());
        for (Sent meeting : crash.sent()) {
            assertThat(afterResend.get(meeting).whole(meeting)).as("%s once resent: %s", meeting,
                    afterResend.get(meeting)).isTrue();
        }
        for (Group group : groups) {
            assertConsistent(group, crash.sent());
            JsonNode verify = api.get(group.ledger().path("/audit/verify")).json();
            assertThat(verify.get("verified").asBoolean()).as("%s", verify).isTrue();
            JsonNode trial = api.get(group.ledger().path("/trial-balance")).json();
            assertThat(trial.get("balanced").asBoolean()).as("%s", trial).isTrue();
        }
        System.out.printf("MeetingCrashTest: %d of %d meetings whole after the crash, all whole once resent; %d ms%n",
                whole, crash.sent().size(), TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
    }

    /**
     * Clients send the child meetings as fast as they can; once it has answered {@value #ANSWERED_BEFORE_KILL}, it
     * is killed at the first moment one of its transactions holds a meeting's events uncommitted.
     */
    private Crash sendMeetingsAndKill(String childBase, List<Group> groups) throws InterruptedException {
        List<Sent> sent = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger answered = new AtomicInteger();
        AtomicBoolean stop = new AtomicBoolean();
        List<String> unexpected = Collections.synchronizedList(new ArrayList<>());
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        long killedAt;
        List<String> writing;
        try {
            for (int c = 0; c < CLIENTS; c++) {
                Group group = groups.get(c % GROUPS);
                clients.execute(() -> {
                    while (!stop.get()) {
                        Sent meeting = meeting(group);
                        sent.add(meeting);
                        meeting.startedAt = System.nanoTime();
                        try {
                            HttpResponse<String> response = post(childBase + meeting.path(), meeting.body);
                            JsonNode answer = response.statusCode() == 200 ? JSON.readTree(response.body()) : null;
                            if (answer == null || !everyEntryRecorded(answer)) {
                                unexpected.add(meeting + " answered " + response.statusCode() + " " + response.body());
                            }
                            meeting.answer = answer;
                            answered.incrementAndGet();
                        } catch (IOException e) {
                            if (!stop.get()) {
                                unexpected.add(meeting + " failed before the kill: " + e);
                            }
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            return;
                        }
                    }
                });
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
            while (answered.get() < ANSWERED_BEFORE_KILL && unexpected.isEmpty()) {
                assertThat(child.isAlive()).as("the child died by itself; log %s:%n%s", childLog, logTail()).isTrue();
                assertThat(System.nanoTime()).as("the child answered %d meetings in 90 s", answered.get())
                        .isLessThan(deadline);
                Thread.sleep(2);
            }
            assertThat(unexpected).as("what the child answered before the kill").isEmpty();
            long waitForWrites = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            do {
                writing = jdbc.queryForList(WRITING_EVENTS, String.class, childName);
            } while (writing.isEmpty() && System.nanoTime() < waitForWrites);
            stop.set(true);
            killedAt = System.nanoTime();
            child.destroyForcibly();
            assertThat(child.waitFor(10, TimeUnit.SECONDS)).as("the child is dead").isTrue();
        } finally {
            stop.set(true);
            clients.shutdown();
            if (!clients.awaitTermination(70, TimeUnit.SECONDS)) {
                clients.shutdownNow();
            }
        }
        assertThat(clients.isTerminated()).as("every client returned").isTrue();
        assertThat(unexpected).as("what the child answered").isEmpty();
        return new Crash(List.copyOf(sent), killedAt, writing);
    }

    private static boolean everyEntryRecorded(JsonNode answer) {
        JsonNode results = answer.path("results");
        if (results.size() != ENTRIES) {
            return false;
        }
        for (JsonNode result : results) {
            if (result.path("status").asInt() != 201 || result.path("replayed").asBoolean()) {
                return false;
            }
        }
        return true;
    }

    /**
     * Every meeting sent again, twice at once, to this node: a meeting that was recorded is replayed by both, one
     * that was not is recorded by one and replayed by the other, and every entry answers as it was first answered.
     */
    private void resendTwiceAtOnce(List<Sent> sent, Map<Sent, Stored> afterCrash) throws Exception {
        ExecutorService resenders = Executors.newFixedThreadPool(CLIENTS);
        try {
            Map<Sent, List<Future<Api.Response>>> resent = new HashMap<>();
            for (Sent meeting : sent) {
                resent.put(meeting, List.of(resenders.submit(() -> api.post(meeting.path(), meeting.body)),
                        resenders.submit(() -> api.post(meeting.path(), meeting.body))));
            }
            for (Sent meeting : sent) {
                List<JsonNode> answers = new ArrayList<>();
                List<Boolean> replayed = new ArrayList<>();
                for (Future<Api.Response> future : resent.get(meeting)) {
                    Api.Response response = future.get(60, TimeUnit.SECONDS);
                    assertThat(response.status()).as("%s resent: %s", meeting, response).isEqualTo(200);
                    JsonNode results = response.json().get("results");
                    assertThat(results).as("%s resent", meeting).hasSize(ENTRIES)
                            .extracting(r -> r.get("status").asInt()).containsOnly(201);
                    Set<Boolean> flags = new HashSet<>();
                    results.forEach(r -> flags.add(r.get("replayed").asBoolean()));
                    assertThat(flags).as("%s resent: all its entries replayed, or none: %s", meeting, results)
                            .hasSize(1);
                    answers.add(results);
                    replayed.add(flags.iterator().next());
                }
                if (afterCrash.get(meeting).whole(meeting)) {
                    assertThat(replayed).as("%s was recorded: both resends replay it", meeting)
                            .containsExactly(true, true);
                } else {
                    assertThat(replayed).as("%s was not recorded: one resend records it, the other replays it",
                            meeting).containsExactlyInAnyOrder(true, false);
                }
                JsonNode first = meeting.answer != null ? meeting.answer.get("results") : answers.get(0);
                for (JsonNode results : answers) {
                    for (int i = 0; i < ENTRIES; i++) {
                        assertThat(results.get(i).get("transactionId").asText())
                                .isEqualTo(meeting.transactionIds.get(i));
                        assertThat(results.get(i).get("body")).as("%s, entry %d answered as the first time",
                                meeting, i).isEqualTo(first.get(i).get("body"));
                    }
                }
            }
        } finally {
            resenders.shutdownNow();
        }
    }

    /**
     * The group's balances are its money before the meetings plus what the given meetings' entries add up to;
     * no transaction of it has two events; its stream's position, its read model and its events agree.
     */
    private void assertConsistent(Group group, List<Sent> recorded) {
        String groupId = group.ledger().groupId;
        Map<String, Long> expected = new HashMap<>(figures(group.balancesBefore()));
        for (Sent m : recorded) {
            if (m.groupId.equals(groupId)) {
                long cash = m.contributed - PRINCIPAL + 3 * REPAYMENT;
                expected.merge("cash", cash, Long::sum);
                expected.merge("lendableCash", cash, Long::sum);
                expected.merge("memberSavings", m.contributed, Long::sum);
                expected.merge("loanPrincipalOutstanding", PRINCIPAL - (3 * REPAYMENT - INTEREST), Long::sum);
                expected.merge("PREMIUM", INTEREST, Long::sum);
            }
        }
        assertThat(figures(group.ledger().group().get("balances"))).as("the balances of group %s", groupId)
                .isEqualTo(expected);
        assertThat(jdbc.queryForList("""
                SELECT convert_from(payload, 'UTF8')::jsonb ->> 'transactionId' FROM domain_event_entry
                WHERE aggregateIdentifier = ? AND convert_from(payload, 'UTF8')::jsonb ->> 'transactionId' IS NOT NULL
                GROUP BY 1 HAVING count(*) > 1""", String.class, groupId))
                .as("transactions of group %s with more than one event", groupId).isEmpty();
        Map<String, Object> last = jdbc.queryForMap("""
                SELECT s.last_sequence AS stream, g.last_sequence AS read_model,
                       (SELECT max(sequenceNumber) FROM domain_event_entry WHERE aggregateIdentifier = ?) AS events
                FROM ledger_stream s JOIN group_view g ON g.group_id = s.group_id WHERE s.group_id = ?::uuid""",
                groupId, groupId);
        assertThat(new HashSet<>(last.values())).as("group %s, its last event: %s", groupId, last).hasSize(1);
    }

    // ------------------------------------------------------------------------------------------- the ledger

    private Group aGroupWithSavers() {
        Ledger ledger = Ledger.register(api, "CEDAC", "2024-01-01", null);
        ledger.capital(50_000_000, "2024-01-02");
        List<String> savers = new ArrayList<>();
        List<Object> entries = new ArrayList<>();
        for (int i = 0; i < SAVERS; i++) {
            String saver = Api.id();
            savers.add(saver);
            entries.add(Api.body("type", "MEMBER", "transactionId", saver, "name", "ម្ចាស់សន្សំ Saver " + i,
                    "sex", i % 2 == 0 ? "F" : "M", "membership", "MEMBER", "joinedOn", "2024-01-02"));
            entries.add(Api.body("type", "CONTRIBUTION", "transactionId", Api.id(), "memberId", saver,
                    "amount", 1_000, "occurredOn", "2024-01-02"));
        }
        Api.Response first = api.post(ledger.path("/meetings"), Api.body("meetingId", Api.id(), "heldOn",
                "2024-01-02", "attendance", savers, "entries", entries));
        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        assertThat(first.json().get("results")).extracting(r -> r.get("status").asInt()).containsOnly(201);
        return new Group(ledger, savers, ledger.group().get("balances"));
    }

    /**
     * A meeting of {@value #ENTRIES} entries: a cash count (sent first, judged last), a newcomer and her first
     * savings, 18 contributions of the savers, a loan to the newcomer and three repayments of it.
     */
    private static Sent meeting(Group group) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        String meetingId = Api.id();
        String newcomer = Api.id();
        String loan = Api.id();
        List<Map<String, Object>> entries = new ArrayList<>();
        entries.add(Api.body("type", "CASH_COUNT", "transactionId", Api.id(), "countedCash", 1_000_000));
        entries.add(Api.body("type", "MEMBER", "transactionId", newcomer,
                "name", "Newcomer " + newcomer.substring(0, 8), "sex", "F", "membership", "MEMBER"));
        entries.add(Api.body("type", "CONTRIBUTION", "transactionId", Api.id(), "memberId", newcomer,
                "amount", NEWCOMER_SAVES));
        long contributed = NEWCOMER_SAVES;
        for (int i = 0; i < 18; i++) {
            long amount = 100L * random.nextInt(5, 200);
            contributed += amount;
            entries.add(Api.body("type", "CONTRIBUTION", "transactionId", Api.id(),
                    "memberId", group.savers().get(random.nextInt(SAVERS)), "amount", amount));
        }
        entries.add(Api.body("type", "LOAN", "transactionId", loan, "borrowerId", newcomer, "principal", PRINCIPAL,
                "termMonths", 3, "purpose", "rice seed"));
        for (int i = 0; i < 3; i++) {
            entries.add(Api.body("type", "REPAYMENT", "transactionId", Api.id(), "loanId", loan,
                    "amount", REPAYMENT));
        }
        List<String> present = new ArrayList<>(List.of(newcomer));
        present.addAll(group.savers().subList(0, 3));
        List<String> transactionIds = entries.stream().map(e -> (String) e.get("transactionId")).toList();
        return new Sent(group.ledger().groupId, meetingId, Api.body("meetingId", meetingId, "heldOn", HELD_ON,
                "attendance", present, "entries", entries), transactionIds, contributed);
    }

    /** The figures a meeting moves. */
    private static Map<String, Long> figures(JsonNode balances) {
        return Map.of("cash", balances.get("cash").asLong(),
                "lendableCash", balances.get("lendableCash").asLong(),
                "loanPrincipalOutstanding", balances.get("loanPrincipalOutstanding").asLong(),
                "memberSavings", balances.get("memberSavings").asLong(),
                "PREMIUM", balances.get("pools").get("PREMIUM").asLong(),
                "FUND_CAPITAL", balances.get("pools").get("FUND_CAPITAL").asLong());
    }

    // ------------------------------------------------------------------------------------------- the database

    /** What the database holds of each meeting: a few queries per group. */
    private Map<Sent, Stored> stored(List<Sent> meetings) {
        Map<Sent, Stored> stored = new HashMap<>();
        Set<String> groupIds = new HashSet<>();
        meetings.forEach(m -> groupIds.add(m.groupId));
        for (String groupId : groupIds) {
            Set<String> idempotent = new HashSet<>(jdbc.queryForList(
                    "SELECT transaction_id::text FROM idempotent_request WHERE group_id = ?::uuid", String.class,
                    groupId));
            Map<String, Integer> eventsByTransaction = new HashMap<>();
            Map<String, Integer> meetingHeld = new HashMap<>();
            Map<String, Integer> eventsByRequest = new HashMap<>();
            jdbc.query("""
                    SELECT payloadType, convert_from(payload, 'UTF8')::jsonb ->> 'transactionId' AS tx,
                           convert_from(payload, 'UTF8')::jsonb ->> 'meetingId' AS meeting,
                           convert_from(metaData, 'UTF8')::jsonb ->> 'transactionId' AS request
                    FROM domain_event_entry WHERE aggregateIdentifier = ?""", rs -> {
                if (rs.getString("tx") != null) {
                    eventsByTransaction.merge(rs.getString("tx"), 1, Integer::sum);
                }
                if (rs.getString("payloadType").endsWith("MeetingHeld")) {
                    meetingHeld.merge(rs.getString("meeting"), 1, Integer::sum);
                }
                if (rs.getString("request") != null) {
                    eventsByRequest.merge(rs.getString("request"), 1, Integer::sum);
                }
            }, groupId);
            Map<String, Set<String>> readModel = new HashMap<>();
            jdbc.query("SELECT meeting_id::text, transaction_ids::text[] FROM meeting_view WHERE group_id = ?::uuid",
                    rs -> {
                        readModel.put(rs.getString(1), Set.of((String[]) rs.getArray(2).getArray()));
                    }, groupId);
            for (Sent m : meetings) {
                if (!m.groupId.equals(groupId)) {
                    continue;
                }
                int records = 0;
                int events = 0;
                Set<String> once = new HashSet<>();
                for (String tx : m.transactionIds) {
                    records += idempotent.contains(tx) ? 1 : 0;
                    int n = eventsByTransaction.getOrDefault(tx, 0);
                    events += n;
                    if (n == 1) {
                        once.add(tx);
                    }
                }
                stored.put(m, new Stored(records, events, once, meetingHeld.getOrDefault(m.meetingId, 0),
                        eventsByRequest.getOrDefault(m.meetingId, 0), readModel.containsKey(m.meetingId),
                        readModel.getOrDefault(m.meetingId, Set.of())));
            }
        }
        return stored;
    }

    private void awaitChildConnectionsGone() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (true) {
            Integer connections = jdbc.queryForObject(
                    "SELECT count(*) FROM pg_stat_activity WHERE application_name = ?", Integer.class, childName);
            if (connections != null && connections == 0) {
                return;
            }
            assertThat(System.nanoTime()).as("the killed service's connections still open: %d", connections)
                    .isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    // ------------------------------------------------------------------------------------------- the child

    /** The service as its own OS process on this test's database, from this JVM's class path. */
    private void startChild() throws IOException {
        String url = database.getJdbcUrl("postgres", "fundbook");
        url += (url.contains("?") ? "&" : "?") + "ApplicationName=" + childName;
        Path target = Path.of("target");
        childLog = Files.isDirectory(target) ? target.resolve("meeting-crash-child.log")
                : Files.createTempFile("meeting-crash-child", ".log");
        ProcessBuilder builder = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Dfile.encoding=UTF-8",
                "-cp", System.getProperty("java.class.path"),
                FundbookApplication.class.getName(),
                "--spring.datasource.url=" + url,
                "--spring.datasource.username=postgres",
                "--server.port=0",
                "--fundbook.admin-password=" + ADMIN_PASSWORD,
                "--spring.main.banner-mode=off",
                "--logging.level.root=WARN",
                "--logging.level.org.springframework.boot.web.embedded.tomcat.TomcatWebServer=INFO")
                .redirectErrorStream(true)
                .redirectOutput(childLog.toFile());
        for (String setting : List.of("FUNDBOOK_DEMO", "SPRING_PROFILES_ACTIVE", "SPRING_DATASOURCE_URL",
                "SPRING_DATASOURCE_USERNAME", "SPRING_DATASOURCE_PASSWORD", "SERVER_PORT", "JAVA_TOOL_OPTIONS")) {
            builder.environment().remove(setting);
        }
        child = builder.start();
        Process started = child;
        killChildOnExit = new Thread(started::destroyForcibly);
        Runtime.getRuntime().addShutdownHook(killChildOnExit);
    }

    /** The port the child listens on, from its log ("Tomcat started on port 41234 (http) ..."). */
    private int awaitPort() throws IOException, InterruptedException {
        Pattern started = Pattern.compile("Tomcat started on port (\\d+)");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (true) {
            Matcher port = started.matcher(Files.readString(childLog, StandardCharsets.UTF_8));
            if (port.find()) {
                return Integer.parseInt(port.group(1));
            }
            assertThat(child.isAlive()).as("the child exited; log %s:%n%s", childLog, logTail()).isTrue();
            assertThat(System.nanoTime()).as("the child did not listen within 180 s; log %s:%n%s", childLog,
                    logTail()).isLessThan(deadline);
            Thread.sleep(100);
        }
    }

    private void awaitHealthy(String base) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (true) {
            assertThat(child.isAlive()).as("the child exited; log %s:%n%s", childLog, logTail()).isTrue();
            try {
                HttpResponse<String> health = CLIENT.send(HttpRequest.newBuilder(URI.create(base + "/actuator/health"))
                        .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200 && health.body().contains("\"UP\"")) {
                    return;
                }
            } catch (IOException notYet) {
                // not answering yet
            }
            assertThat(System.nanoTime()).as("the child was not healthy within 60 s; log %s:%n%s", childLog,
                    logTail()).isLessThan(deadline);
            Thread.sleep(200);
        }
    }

    private String logTail() {
        try {
            List<String> lines = Files.readAllLines(childLog, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    private static HttpResponse<String> post(String url, Object body) throws IOException, InterruptedException {
        return CLIENT.send(HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        ("admin:" + ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body), StandardCharsets.UTF_8))
                .build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
