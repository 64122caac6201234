package org.fundbook.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.fundbook.group.GrantReason;
import org.fundbook.group.GroupEvent.EmergencyGrantMade;
import org.fundbook.group.GroupEvent.RepaymentRecorded;
import org.fundbook.group.GroupEvent.TransactionReversed;
import org.fundbook.group.Pool;
import org.fundbook.group.TransactionKind;
import org.fundbook.reporting.AllocationFacts.Fact;
import org.fundbook.reporting.AllocationFacts.Measure;
import org.junit.jupiter.api.Test;

class AllocationFactsTest {

    private static final UUID GROUP = UUID.randomUUID();
    private static final LocalDate ON = LocalDate.of(2024, 2, 10);

    @Test
    void aRepaymentReportsItsInterestAndTheSplitRecordedWithIt() {
        RepaymentRecorded repayment = new RepaymentRecorded(GROUP, UUID.randomUUID(), UUID.randomUUID(),
                UUID.randomUUID(), 204_000, ON, 4_000, 4_000, 200_000, Map.of(Pool.COMMITTEE_OPERATIONS, 2_000L,
                Pool.PROVINCIAL_DISTRICT, 1_000L, Pool.EMERGENCY_FUND, 600L, Pool.FUND_CAPITAL, 400L), 0, true);

        assertThat(AllocationFacts.of(repayment, id -> null)).containsExactly(
                new Fact(Measure.INTEREST, "", 4_000),
                new Fact(Measure.ALLOCATION, "FUND_CAPITAL", 400),
                new Fact(Measure.ALLOCATION, "EMERGENCY_FUND", 600),
                new Fact(Measure.ALLOCATION, "COMMITTEE_OPERATIONS", 2_000),
                new Fact(Measure.ALLOCATION, "PROVINCIAL_DISTRICT", 1_000));
    }

    @Test
    void reversingARepaymentTakesItsInterestBackOut() {
        TransactionReversed reversal = new TransactionReversed(GROUP, UUID.randomUUID(), UUID.randomUUID(),
                TransactionKind.REPAYMENT, "wrong loan", ON.plusMonths(1), -54_000, 50_000, null, 0,
                Map.of(Pool.PREMIUM, -4_000L));

        assertThat(AllocationFacts.of(reversal, id -> null)).containsExactly(
                new Fact(Measure.INTEREST, "", -4_000), new Fact(Measure.ALLOCATION, "PREMIUM", -4_000));
    }

    @Test
    void reversingAGrantSubtractsItUnderTheReasonItWasMadeFor() {
        UUID grantId = UUID.randomUUID();
        TransactionReversed reversal = new TransactionReversed(GROUP, UUID.randomUUID(), grantId,
                TransactionKind.EMERGENCY_GRANT, "duplicate", ON, 500, 0, null, 0, Map.of(Pool.EMERGENCY_FUND, 500L));

        assertThat(AllocationFacts.of(reversal, id -> id.equals(grantId) ? GrantReason.FIRE : null))
                .containsExactly(new Fact(Measure.EMERGENCY_GRANT, "FIRE", -500));
        assertThat(AllocationFacts.of(new EmergencyGrantMade(GROUP, grantId, null, "Sok", 500, GrantReason.FIRE, false,
                ON), id -> null)).containsExactly(new Fact(Measure.EMERGENCY_GRANT, "FIRE", 500));
    }

    @Test
    void reversingAPayoutOrARecoverySubtractsIt() {
        assertThat(AllocationFacts.of(new TransactionReversed(GROUP, UUID.randomUUID(), UUID.randomUUID(),
                TransactionKind.POOL_PAYOUT, "x", ON, 700, 0, null, 0, Map.of(Pool.PROVINCIAL_DISTRICT, 700L)),
                id -> null)).containsExactly(new Fact(Measure.PAYOUT, "PROVINCIAL_DISTRICT", -700));
        assertThat(AllocationFacts.of(new TransactionReversed(GROUP, UUID.randomUUID(), UUID.randomUUID(),
                TransactionKind.GRANT_RECOVERY, "x", ON, -300, 0, null, 0, Map.of(Pool.EMERGENCY_FUND, -300L)),
                id -> null)).containsExactly(new Fact(Measure.GRANT_RECOVERY, "", -300));
        assertThat(AllocationFacts.of(new TransactionReversed(GROUP, UUID.randomUUID(), UUID.randomUUID(),
                TransactionKind.CONTRIBUTION, "x", ON, -300, 0, UUID.randomUUID(), -300, Map.of()), id -> null))
                .isEmpty();
    }
}
