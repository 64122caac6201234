package org.fundbook.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.fundbook.group.GroupCommand;
import org.fundbook.support.Api;
import org.fundbook.support.IntegrationTest;
import org.fundbook.support.Ledger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;

/**
 * The write side keeps its own lock and position per group ({@code ledger_stream}): the rebuild of the read
 * models empties and refills them, and writers go on taking turns per group through it, during and after.
 */
class LedgerStreamHttpTest extends IntegrationTest {

    @Autowired
    LedgerWriter writer;

    private Long lastSequence(String groupId) {
        return jdbc.queryForObject("SELECT last_sequence FROM ledger_stream WHERE group_id = ?::uuid", Long.class,
                groupId);
    }

    private List<Long> sequences(String groupId) {
        return jdbc.queryForList("SELECT sequenceNumber FROM domain_event_entry WHERE aggregateIdentifier = ? "
                + "ORDER BY 1", Long.class, groupId);
    }

    @Test
    void everyWriteMovesTheStreamToItsLastEvent() {
        Ledger group = Ledger.register(api, "CEDAC", "2024-01-01", null);
        assertThat(lastSequence(group.groupId)).isZero();
        String member = group.member("Sokha", "MEMBER", "2024-01-01");
        group.contribute(member, 1_000, "2024-01-02");

        assertThat(lastSequence(group.groupId)).isEqualTo(2);
        // a refused write moves nothing
        Api.Response refused = api.post(group.path("/withdrawals"), Api.body("transactionId", Api.id(),
                "memberId", member, "amount", 5_000, "occurredOn", "2024-01-03"));
        assertThat(refused.code()).isEqualTo("INSUFFICIENT_SAVINGS");
        assertThat(lastSequence(group.groupId)).isEqualTo(2);
    }

    @Test
    void writesToOneGroupTakeTurnsWhileAndAfterTheReadModelsAreRebuilt() throws Exception {
        Ledger group = Ledger.register(api, "CEDAC", "2024-01-01", null);
        String member = group.member("Sophal", "MEMBER", "2024-01-01");
        Ledger other = Ledger.register(api, "FSF", "2024-01-01", null);
        String otherMember = other.member("Dara", "MEMBER", "2024-01-01");
        int writes = 40;
        ExecutorService clients = Executors.newFixedThreadPool(6);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Api.Response>> rebuilds = new ArrayList<>();
            List<Future<Api.Response>> answers = new ArrayList<>();
            for (int i = 0; i < writes; i++) {
                int amount = 1_000 + i;
                Ledger to = i % 4 == 3 ? other : group;
                String saver = to == other ? otherMember : member;
                answers.add(clients.submit(started(start, () -> api.post(to.path("/contributions"),
                        Api.body("transactionId", Api.id(), "memberId", saver, "amount", amount,
                                "occurredOn", "2024-01-02")))));
                if (i % 15 == 5) {
                    rebuilds.add(clients.submit(started(start,
                            () -> api.post("/api/v1/admin/projections/rebuild", Map.of()))));
                }
            }
            start.countDown();
            for (Future<Api.Response> answer : answers) {
                Api.Response response = answer.get(120, TimeUnit.SECONDS);
                assertThat(response.status()).as(response.toString()).isEqualTo(201);
            }
            for (Future<Api.Response> rebuild : rebuilds) {
                Api.Response response = rebuild.get(120, TimeUnit.SECONDS);
                assertThat(response.status()).as(response.toString()).isEqualTo(200);
            }
        } finally {
            clients.shutdownNow();
        }

        int toGroup = 0;
        long saved = 0;
        long savedByOther = 0;
        for (int i = 0; i < writes; i++) {
            if (i % 4 == 3) {
                savedByOther += 1_000 + i;
            } else {
                saved += 1_000 + i;
                toGroup++;
            }
        }
        // one event per write, in an unbroken sequence, and the stream's position at the last of them
        assertThat(sequences(group.groupId)).isEqualTo(LongStream.rangeClosed(0, toGroup + 1).boxed().toList());
        assertThat(lastSequence(group.groupId)).isEqualTo(toGroup + 1);
        assertThat(lastSequence(other.groupId)).isEqualTo(writes - toGroup + 1);
        assertThat(group.group().at("/balances/memberSavings").asLong()).isEqualTo(saved);
        assertThat(other.group().at("/balances/memberSavings").asLong()).isEqualTo(savedByOther);

        // and after the rebuild, writes go on from where the stream is
        group.contribute(member, 500, "2024-01-03");
        assertThat(lastSequence(group.groupId)).isEqualTo(toGroup + 2);
        assertThat(group.group().at("/balances/memberSavings").asLong()).isEqualTo(saved + 500);
    }

    @Test
    void aRebuildWaitsForTheWriteInFlightAndKeepsIt() throws Exception {
        Ledger group = Ledger.register(api, "CEDAC", "2024-01-01", null);
        String member = group.member("Sokha", "MEMBER", "2024-01-01");
        UUID groupId = UUID.fromString(group.groupId);
        UUID tx = UUID.randomUUID();
        ExecutorService others = Executors.newFixedThreadPool(2);
        List<Future<Api.Response>> rebuild = new ArrayList<>();
        try {
            ResponseEntity<String> answer = writer.write(groupId, tx, group.path("/contributions"), Map.of("tx", tx),
                    false, new GroupCommand.RecordContribution(groupId, tx, UUID.fromString(member), 1_000L,
                            LocalDate.parse("2024-01-02"), LocalDate.now()),
                    result -> {
                        // the command has run, its rows are held back: a rebuild starting now must wait for us
                        rebuild.add(others.submit(() -> api.post("/api/v1/admin/projections/rebuild", Map.of())));
                        try {
                            others.submit(this::awaitARebuildWaitingForItsLock).get(30, TimeUnit.SECONDS);
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                        return Map.of("recorded", true);
                    });
            assertThat(answer.getStatusCode().value()).isEqualTo(201);
            Api.Response rebuilt = rebuild.get(0).get(60, TimeUnit.SECONDS);
            assertThat(rebuilt.status()).as(rebuilt.toString()).isEqualTo(200);
        } finally {
            others.shutdownNow();
        }

        assertThat(lastSequence(group.groupId)).isEqualTo(2);
        assertThat(group.group().at("/balances/memberSavings").asLong()).isEqualTo(1_000);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM savings_movement WHERE transaction_id = ?", Long.class,
                tx)).isEqualTo(1);
    }

    private Void awaitARebuildWaitingForItsLock() throws InterruptedException {
        for (int i = 0; i < 300; i++) {
            Long waiting = jdbc.queryForObject("SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' "
                    + "AND query LIKE 'LOCK TABLE group_view, %'", Long.class);
            if (waiting != null && waiting > 0) {
                return null;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no rebuild waited for the write in flight");
    }

    @Test
    void theRebuildLeavesTheStreamsAsTheyAre() {
        Ledger group = Ledger.register(api, "CEDAC", "2024-01-01", null);
        group.member("Sokha", "MEMBER", "2024-01-01");
        List<String> before = jdbc.queryForList("SELECT s::text FROM ledger_stream s ORDER BY 1", String.class);

        assertThat(api.post("/api/v1/admin/projections/rebuild", Map.of()).status()).isEqualTo(200);

        assertThat(jdbc.queryForList("SELECT s::text FROM ledger_stream s ORDER BY 1", String.class))
                .isEqualTo(before);
    }

    @Test
    void registrationsOfOneGroupAtOnceEndWithOneGroup() throws Exception {
        String groupId = Api.id();
        ExecutorService clients = Executors.newFixedThreadPool(6);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Api.Response>> same = new ArrayList<>();
        List<Future<Api.Response>> others = new ArrayList<>();
        try {
            for (int i = 0; i < 6; i++) {
                // the same request three times, and three other requests for the same group
                String name = i % 2 == 0 ? "Prey Tung" : "Prey Tung " + i;
                Future<Api.Response> answer = clients.submit(started(start, () -> api.post("/api/v1/groups",
                        Api.body("groupId", groupId, "name", name, "scheme", "CEDAC", "location",
                                Api.body("province", "Prey Veng", "district", "Sithor Kandal", "commune", "Prey Tung",
                                        "village", "Prey Tung"), "registeredOn", "2024-01-01"))));
                (i % 2 == 0 ? same : others).add(answer);
            }
            start.countDown();
            List<Api.Response> answers = new ArrayList<>();
            for (Future<Api.Response> answer : same) {
                answers.add(answer.get(60, TimeUnit.SECONDS));
            }
            for (Future<Api.Response> answer : others) {
                answers.add(answer.get(60, TimeUnit.SECONDS));
            }
            List<Api.Response> recorded = answers.stream().filter(a -> a.status() == 201
                    && !"true".equals(a.header(LedgerWriter.REPLAYED_HEADER))).toList();
            assertThat(recorded).as(answers.toString()).hasSize(1);
            for (Api.Response answer : answers) {
                if (answer.status() == 201) {
                    assertThat(answer.body()).isEqualTo(recorded.get(0).body());
                } else {
                    assertThat(answer.status()).as(answer.toString()).isEqualTo(409);
                    assertThat(answer.code()).isEqualTo("TRANSACTION_ID_REUSED");
                }
            }
        } finally {
            clients.shutdownNow();
        }

        assertThat(sequences(groupId)).containsExactly(0L);
        assertThat(lastSequence(groupId)).isZero();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM group_view WHERE group_id = ?::uuid", Long.class,
                groupId)).isEqualTo(1);
    }

    private static <T> Callable<T> started(CountDownLatch start, Callable<T> task) {
        return () -> {
            start.await();
            return task.call();
        };
    }
}
