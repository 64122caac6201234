package org.fundbook.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.fundbook.group.GroupCommand;
import org.fundbook.support.Api;
import org.fundbook.support.IntegrationTest;
import org.fundbook.support.Ledger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** A write that fails after its command ran leaves nothing behind, not even in this node's group cache. */
class WritePathFailureHttpTest extends IntegrationTest {

    @Autowired
    LedgerWriter writer;

    @Test
    void theNextWriterNeverDecidesOnAnEventThatRolledBack() {
        Ledger group = Ledger.register(api, "CEDAC", "2024-01-01", null);
        String member = group.member("Sokha", "MEMBER", "2024-01-01");
        group.contribute(member, 1_000, "2024-01-02");
        AtomicReference<Api.Response> next = new AtomicReference<>();
        UUID tx = UUID.randomUUID();
        UUID groupId = UUID.fromString(group.groupId);

        assertThatThrownBy(() -> writer.write(groupId, tx, group.path("/contributions"), Map.of("tx", tx), false,
                new GroupCommand.RecordContribution(groupId, tx, UUID.fromString(member), 1_000_000L,
                        LocalDate.parse("2024-01-03"), LocalDate.now()),
                result -> {
                    // runs once the rollback has released the group's lock, before the writer's own clean-up
                    TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                        @Override
                        public void afterCompletion(int status) {
                            next.set(api.post(group.path("/withdrawals"), Api.body("transactionId", Api.id(),
                                    "memberId", member, "amount", 500_000, "occurredOn", "2024-01-04")));
                        }
                    });
                    throw new IllegalStateException("building the answer failed");
                })).isInstanceOf(IllegalStateException.class);

        assertThat(next.get().code()).as(next.get().toString()).isEqualTo("INSUFFICIENT_SAVINGS");
        assertThat(group.group().get("balances").get("memberSavings").asLong()).isEqualTo(1_000);
        assertThat(jdbc.queryForList("SELECT sequenceNumber FROM domain_event_entry WHERE aggregateIdentifier = ? "
                + "ORDER BY 1", Long.class, group.groupId)).containsExactly(0L, 1L, 2L);
        assertThat(group.contribute(member, 2_000, "2024-01-05").get("savingsAfter").asLong()).isEqualTo(3_000);
    }
}
