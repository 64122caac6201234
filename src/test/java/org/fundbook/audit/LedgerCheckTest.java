package org.fundbook.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.UUID;
import org.fundbook.audit.check.LedgerCheck;
import org.fundbook.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;

/** The journal kept from the events is compared with the group's own state; a disagreement is an alarm. */
class LedgerCheckTest extends IntegrationTest {

    @Autowired
    LedgerCheck check;

    @Autowired
    MeterRegistry meters;

    @Autowired
    HealthIndicator ledgerHealthIndicator;

    private Village groupWithHistory() {
        Village group = Village.register(api, "FSF");
        String member = group.member("Sok", "MEMBER");
        group.capital(1_200_000, "2024-01-02");
        group.contribute(member, 5_000, "2024-01-03");
        String loan = group.lend(member, 200_000, 1, "2024-01-10");
        group.repay(loan, 204_000, "2024-02-10");
        String grant = group.grant(500, "MEDICAL", true, "2024-02-11");
        group.recover(grant, 200, "2024-02-20");
        group.payout("COMMITTEE_OPERATIONS", 1_000, "2024-02-21");
        return group;
    }

    @Test
    void aGroupWhoseStateDisagreesWithItsJournalRaisesTheGaugeAndTurnsHealthDown() throws Exception {
        Village group = groupWithHistory();
        awaitJournalCaughtUp(group.groupId);

        LedgerCheck.Result clean = check.run();
        assertThat(clean.mismatches()).as("mismatches before anything was touched").isEmpty();
        assertThat(gauge()).isZero();
        assertThat(ledgerHealthIndicator.health().getStatus()).isEqualTo(Status.UP);

        jdbc.update("UPDATE group_view SET cash = cash + 1 WHERE group_id = ?::uuid", group.groupId);
        try {
            LedgerCheck.Result corrupted = check.run();

            assertThat(corrupted.mismatches()).hasSize(1);
            LedgerCheck.GroupMismatch mismatch = corrupted.mismatches().get(0);
            assertThat(mismatch.groupId()).isEqualTo(UUID.fromString(group.groupId));
            assertThat(mismatch.differences()).containsOnlyKeys("cash");
            assertThat(mismatch.differences().get("cash").state() - mismatch.differences().get("cash").journal())
                    .isEqualTo(1);
            assertThat(gauge()).isEqualTo(1);
            var health = ledgerHealthIndicator.health();
            assertThat(health.getStatus()).isEqualTo(Status.DOWN);
            assertThat(health.getDetails().get("mismatchedGroups")).isEqualTo(1);
            assertThat(health.getDetails().get("groups").toString()).contains(group.groupId);
            assertThat(api.get("/actuator/prometheus").body()).containsPattern("(?m)^fundbook_ledger_mismatch\\{.*} 1\\.0$");
            assertThat(api.get("/actuator/health").status()).isEqualTo(503);
        } finally {
            jdbc.update("UPDATE group_view SET cash = cash - 1 WHERE group_id = ?::uuid", group.groupId);
        }
        assertThat(check.run().mismatches()).isEmpty();
        assertThat(gauge()).isZero();
        assertThat(ledgerHealthIndicator.health().getStatus()).isEqualTo(Status.UP);
    }

    @Test
    void aPoolThatDriftedIsNamedByItsField() throws Exception {
        Village group = groupWithHistory();
        awaitJournalCaughtUp(group.groupId);
        jdbc.update("UPDATE group_view SET pool_emergency_fund = pool_emergency_fund - 100, "
                + "member_savings = member_savings + 100 WHERE group_id = ?::uuid", group.groupId);
        try {
            List<LedgerCheck.GroupMismatch> found = check.run().mismatches();

            assertThat(found).singleElement().satisfies(m -> assertThat(m.differences())
                    .containsOnlyKeys("memberSavings", "pools.EMERGENCY_FUND"));
        } finally {
            jdbc.update("UPDATE group_view SET pool_emergency_fund = pool_emergency_fund + 100, "
                    + "member_savings = member_savings - 100 WHERE group_id = ?::uuid", group.groupId);
        }
        assertThat(check.run().mismatches()).isEmpty();
    }

    @Test
    void aGroupIsComparedOnlyOnceItsJournalHasReachedItsLastEvent() throws Exception {
        Village group = groupWithHistory();
        awaitJournalCaughtUp(group.groupId);
        // as if the processor were behind: the journal has not seen the group's latest event yet
        jdbc.update("UPDATE ledger_check_position SET last_sequence = last_sequence - 1 WHERE group_id = ?::uuid",
                group.groupId);
        jdbc.update("UPDATE group_view SET cash = cash + 1 WHERE group_id = ?::uuid", group.groupId);
        try {
            LedgerCheck.Result result = check.run();
            assertThat(result.mismatches()).isEmpty();
            assertThat(result.pending()).isPositive();
        } finally {
            jdbc.update("UPDATE group_view SET cash = cash - 1 WHERE group_id = ?::uuid", group.groupId);
            jdbc.update("UPDATE ledger_check_position SET last_sequence = last_sequence + 1 WHERE group_id = ?::uuid",
                    group.groupId);
        }
    }

    private double gauge() {
        return meters.get(LedgerCheck.GAUGE).gauge().value();
    }
}
