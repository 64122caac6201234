package org.fundbook.lending;

import org.fundbook.group.NonMemberRateTier;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.OptionalInt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class NonMemberRatesTest {

    /** CEDAC default policy (domain spec, section 4). */
    private static final List<NonMemberRateTier> CEDAC_DEFAULT = List.of(
            new NonMemberRateTier(0, 12, 400),
            new NonMemberRateTier(500_000, 3, 300));

    @Test
    void a_big_loan_repaid_quickly_gets_the_lower_rate() {
        assertEquals(OptionalInt.of(300), NonMemberRates.rateFor(CEDAC_DEFAULT, 600_000, 2));
    }

    @Test
    void a_small_loan_pays_the_higher_rate() {
        assertEquals(OptionalInt.of(400), NonMemberRates.rateFor(CEDAC_DEFAULT, 100_000, 2));
    }

    @Test
    void a_big_loan_over_a_long_term_pays_the_higher_rate() {
        assertEquals(OptionalInt.of(400), NonMemberRates.rateFor(CEDAC_DEFAULT, 600_000, 6));
    }

    @Test
    void tier_bounds_are_inclusive() {
        assertEquals(OptionalInt.of(300), NonMemberRates.rateFor(CEDAC_DEFAULT, 500_000, 3));
        assertEquals(OptionalInt.of(400), NonMemberRates.rateFor(CEDAC_DEFAULT, 499_999, 3));
        assertEquals(OptionalInt.of(400), NonMemberRates.rateFor(CEDAC_DEFAULT, 500_000, 4));
        assertEquals(OptionalInt.of(400), NonMemberRates.rateFor(CEDAC_DEFAULT, 600_000, 12));
    }

    @Test
    void no_tier_covers_a_loan_over_twelve_months() {
        assertEquals(OptionalInt.empty(), NonMemberRates.rateFor(CEDAC_DEFAULT, 600_000, 13));
        assertEquals(OptionalInt.empty(), NonMemberRates.rateFor(CEDAC_DEFAULT, 100_000, 13));
    }

    @Test
    void no_tiers_means_no_rate() {
        assertEquals(OptionalInt.empty(), NonMemberRates.rateFor(List.of(), 100_000, 2));
    }

    @Test
    void the_cheapest_covering_tier_wins_whatever_its_position() {
        List<NonMemberRateTier> reversed = List.of(CEDAC_DEFAULT.get(1), CEDAC_DEFAULT.get(0));
        assertEquals(OptionalInt.of(300), NonMemberRates.rateFor(reversed, 600_000, 2));
    }

    @Test
    void a_tier_outside_the_rate_limits_cannot_be_made() {
        assertThrows(IllegalArgumentException.class, () -> new NonMemberRateTier(0, 12, 0));
        assertThrows(IllegalArgumentException.class, () -> new NonMemberRateTier(0, 12, 2001));
    }
}
