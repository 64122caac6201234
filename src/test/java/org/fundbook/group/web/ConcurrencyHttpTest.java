package org.fundbook.group.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.fundbook.support.Api;
import org.fundbook.support.IntegrationTest;
import org.fundbook.support.Ledger;
import org.junit.jupiter.api.Test;

class ConcurrencyHttpTest extends IntegrationTest {

    @Test
    void parallelWritesToOneGroupAreAllRecordedExactlyOnce() throws Exception {
        Ledger group = Ledger.register(api, "CEDAC", "2024-01-01", null);
        List<String> members = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            members.add(group.member("Member " + i, "MEMBER", "2024-01-01"));
        }
        int writes = 200;
        ExecutorService pool = Executors.newFixedThreadPool(16);
        List<Future<Api.Response>> answers = new ArrayList<>();
        List<Api.Response> replays = new ArrayList<>();
        try {
            for (int i = 0; i < writes; i++) {
                var body = Api.body("transactionId", Api.id(), "memberId", members.get(i % members.size()),
                        "amount", 1_000 + i, "occurredOn", "2024-01-02");
                answers.add(pool.submit(() -> api.post(group.path("/contributions"), body)));
                if (i % 10 == 0) {
                    answers.add(pool.submit(() -> api.post(group.path("/contributions"), body)));
                }
            }
            for (Future<Api.Response> answer : answers) {
                Api.Response response = answer.get();
                assertThat(response.status()).as(response.toString()).isEqualTo(201);
                if ("true".equals(response.header("Idempotent-Replayed"))) {
                    replays.add(response);
                }
            }
        } finally {
            pool.shutdown();
        }

        long expected = 0;
        for (int i = 0; i < writes; i++) {
            expected += 1_000 + i;
        }
        assertThat(replays).hasSize(writes / 10);
        var balances = group.group().get("balances");
        assertThat(balances.get("memberSavings").asLong()).isEqualTo(expected);
        assertThat(balances.get("cash").asLong()).isEqualTo(expected);
        Long events = jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE aggregateIdentifier = ?",
                Long.class, group.groupId);
        assertThat(events).isEqualTo(1 + 4 + writes);
        long savingsSum = 0;
        for (var member : api.get(group.path("/members")).json()) {
            savingsSum += member.get("savings").asLong();
        }
        assertThat(savingsSum).isEqualTo(expected);
    }
}
