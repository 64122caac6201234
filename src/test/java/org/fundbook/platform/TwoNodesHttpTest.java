package org.fundbook.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.fundbook.support.Api;
import org.fundbook.support.IntegrationTest;
import org.fundbook.support.Ledger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two service nodes on one database, as when a province outgrows one machine: writes to the same group through
 * both, in parallel, each node with its own group cache. Nothing is lost or doubled.
 */
class TwoNodesHttpTest extends IntegrationTest {

    private ConfigurableApplicationContext secondNode;
    private Api second;

    @BeforeEach
    void startASecondNodeOnTheSameDatabase() {
        secondNode = startAnotherNode();
        second = adminOf(secondNode);
    }

    @AfterEach
    void stopIt() {
        secondNode.close();
    }

    @Test
    void parallelWritesToOneGroupThroughTwoNodesAreAllRecordedOnce() throws Exception {
        Ledger group = Ledger.register(api, "CEDAC", "2024-01-01", null);
        String member = group.member("Sophal", "MEMBER", "2024-01-01");
        int writes = 120;
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<Api.Response>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < writes; i++) {
                Api node = i % 2 == 0 ? api : second;
                var body = Api.body("transactionId", Api.id(), "memberId", member, "amount", 1_000 + i,
                        "occurredOn", "2024-01-02");
                answers.add(pool.submit(() -> node.post(group.path("/contributions"), body)));
                if (i % 10 == 0) {
                    Api other = node == api ? second : api;
                    answers.add(pool.submit(() -> other.post(group.path("/contributions"), body)));
                }
            }
            for (Future<Api.Response> answer : answers) {
                Api.Response response = answer.get();
                assertThat(response.status()).as(response.toString()).isEqualTo(201);
            }
        } finally {
            pool.shutdown();
        }

        long expected = 0;
        for (int i = 0; i < writes; i++) {
            expected += 1_000 + i;
        }
        assertThat(group.group().get("balances").get("memberSavings").asLong()).isEqualTo(expected);
        assertThat(second.get(group.path("")).json().get("balances").get("cash").asLong()).isEqualTo(expected);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE aggregateIdentifier = ?",
                Long.class, group.groupId)).isEqualTo(2 + writes);
        // and each node goes on deciding on the whole history
        Api.Response tooMuch = second.post(group.path("/withdrawals"), Api.body("transactionId", Api.id(),
                "memberId", member, "amount", expected + 1, "occurredOn", "2024-01-03"));
        assertThat(tooMuch.code()).isEqualTo("INSUFFICIENT_SAVINGS");
        assertThat(api.post(group.path("/withdrawals"), Api.body("transactionId", Api.id(), "memberId", member,
                "amount", expected, "occurredOn", "2024-01-03")).status()).isEqualTo(201);
    }
}
