package org.fundbook.closing;

import org.fundbook.group.PremiumShare;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PremiumsTest {

    private static final LocalDate START = LocalDate.of(2024, 1, 1);
    private static final LocalDate CLOSE = LocalDate.of(2024, 7, 1); // 182 days later
    private final UUID early = UUID.randomUUID();
    private final UUID late = UUID.randomUUID();
    private final UUID small = UUID.randomUUID();

    private List<SavingsMovement> threeSavers() {
        return List.of(new SavingsMovement(early, START, 10_000),
                new SavingsMovement(late, LocalDate.of(2024, 4, 1), 10_000),
                new SavingsMovement(small, START, 1_000));
    }

    @Test
    void rielDaysShareFourHundredFortyRielAs275And138And27() {
        List<PremiumShare> shares = Premiums.shareOut(440, Premiums.Basis.AVERAGE_BALANCE, START, CLOSE,
                List.of(early, late, small), Map.of(), threeSavers());

        assertThat(shares).extracting(PremiumShare::weight).containsExactly(1_820_000L, 910_000L, 182_000L);
        assertThat(shares).extracting(PremiumShare::premium).containsExactly(275L, 138L, 27L);
    }

    @Test
    void balanceAtCloseWeighsOnlyTheLastDaysSavings() {
        List<PremiumShare> shares = Premiums.shareOut(440, Premiums.Basis.BALANCE_AT_CLOSE, START, CLOSE,
                List.of(early, late, small), Map.of(), threeSavers());

        assertThat(shares).extracting(PremiumShare::weight).containsExactly(10_000L, 10_000L, 1_000L);
        // 440 × 10/21 = 209.52…, 440 × 1/21 = 20.95…: floors 209 + 209 + 20 = 438, the two riel left go to the
        // largest remainders: the small saver (.95) first, then the earlier of the tied big savers.
        assertThat(shares).extracting(PremiumShare::premium).containsExactly(210L, 209L, 21L);
    }

    @Test
    void savingsAtThePeriodsStartCountFromItsFirstDay() {
        List<PremiumShare> shares = Premiums.shareOut(100, Premiums.Basis.AVERAGE_BALANCE, START, CLOSE,
                List.of(early, late), Map.of(early, 5_000L, late, 5_000L), List.of());
        assertThat(shares).extracting(PremiumShare::premium).containsExactly(50L, 50L);
    }

    @Test
    void whenEveryWeightIsZeroNobodyGetsAPremium() {
        List<PremiumShare> shares = Premiums.shareOut(440, Premiums.Basis.AVERAGE_BALANCE, START, CLOSE,
                List.of(early, late), Map.of(), List.of());
        assertThat(shares).extracting(PremiumShare::premium).containsExactly(0L, 0L);
    }

    @Test
    void movementsOnOrAfterTheClosingDateBelongToTheNextPeriod() {
        List<PremiumShare> shares = Premiums.shareOut(100, Premiums.Basis.AVERAGE_BALANCE, START, CLOSE,
                List.of(early, late), Map.of(),
                List.of(new SavingsMovement(early, START, 1_000), new SavingsMovement(late, CLOSE, 1_000_000)));
        assertThat(shares).extracting(PremiumShare::premium).containsExactly(100L, 0L);
    }

    @Test
    void daysBelowZeroByValueDateWeighNothing() {
        // A withdrawal recorded later but dated before the contribution that covered it.
        List<SavingsMovement> movements = List.of(new SavingsMovement(early, LocalDate.of(2024, 3, 1), 5_000),
                new SavingsMovement(early, LocalDate.of(2024, 2, 1), -5_000));
        assertThat(Premiums.weight(Premiums.Basis.AVERAGE_BALANCE, START, CLOSE, 0, movements)).isZero();
    }
}
