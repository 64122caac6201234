package org.fundbook.group.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.fundbook.support.Api;
import org.fundbook.support.IntegrationTest;
import org.fundbook.support.Ledger;
import org.junit.jupiter.api.Test;

class SnapshotHttpTest extends IntegrationTest {

    @Test
    void aLongHistoryIsSnapshottedAndLoadsBackToTheSameState() {
        Ledger group = Ledger.register(api, "CEDAC", "2024-01-01", null);
        String saver = group.member("Sok", "MEMBER", "2024-01-01");
        String borrower = group.member("Dara", "MEMBER", "2024-01-01");
        group.contribute(borrower, 1_000, "2024-01-02");
        for (int i = 0; i < 220; i++) {
            group.contribute(saver, 1_000, "2024-01-02");
        }
        String loanId = group.lend(borrower, 100_000, 2, "2024-01-03").get("loanId").asText();

        Long snapshots = jdbc.queryForObject(
                "SELECT count(*) FROM snapshot_event_entry WHERE aggregateIdentifier = ?", Long.class, group.groupId);
        assertThat(snapshots).isPositive();

        // These commands load the group from its snapshot plus later events: the rules still see every riel.
        assertThat(group.repay(loanId, 2_000, "2024-02-03").get("interestPart").asLong()).isEqualTo(2_000);
        Api.Response tooMuch = api.post(group.path("/withdrawals"), Api.body("transactionId", Api.id(),
                "memberId", saver, "amount", 220_001, "occurredOn", "2024-02-04"));
        assertThat(tooMuch.code()).isEqualTo("INSUFFICIENT_SAVINGS");
        Api.Response outstanding = api.post(group.path("/withdrawals"), Api.body("transactionId", Api.id(),
                "memberId", borrower, "amount", 1_000, "occurredOn", "2024-02-04"));
        assertThat(outstanding.code()).isEqualTo("LOAN_OUTSTANDING");
        assertThat(group.group().get("balances").get("cash").asLong()).isEqualTo(221_000 - 100_000 + 2_000);
    }
}
