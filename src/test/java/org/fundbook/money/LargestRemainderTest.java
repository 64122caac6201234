package org.fundbook.money;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class LargestRemainderTest {

    /**
     * FSF interest allocation in the tie order of section 5 (FUND_CAPITAL, PREMIUM, EMERGENCY_FUND,
     * COMMITTEE_OPERATIONS, PROVINCIAL_DISTRICT; PREMIUM has no FSF share and is left out): 1000, 1500,
     * 5000, 2500. Not the order the policy lists them in (5000, 2500, 1500, 1000): in that order the
     * tie would go to PROVINCIAL_DISTRICT and the spec's example would come out wrong.
     */
    private static final long[] FSF_SHARES_IN_POOL_ORDER = {1000, 1500, 5000, 2500};

    @Test
    void the_spare_riel_of_3010_goes_to_the_equal_remainder_earlier_in_pool_order() {
        // Floors FUND_CAPITAL 301, EMERGENCY_FUND 451, COMMITTEE_OPERATIONS 1505, PROVINCIAL_DISTRICT 752
        // (sum 3,009); remainders .0, .5, .0, .5 → EMERGENCY_FUND gets the riel.
        assertArrayEquals(new long[] {301, 452, 1505, 752},
                LargestRemainder.split(3010, FSF_SHARES_IN_POOL_ORDER));
    }

    @Test
    void the_same_weights_in_another_order_break_the_tie_the_other_way() {
        // The array order is the tie order, nothing else: listed as the policy lists them,
        // PROVINCIAL_DISTRICT comes first of the two .5 remainders and takes the riel.
        assertArrayEquals(new long[] {1505, 753, 451, 301},
                LargestRemainder.split(3010, new long[] {5000, 2500, 1500, 1000}));
    }

    @Test
    void an_amount_that_divides_exactly_has_nothing_left_over() {
        assertArrayEquals(new long[] {400, 600, 2000, 1000},
                LargestRemainder.split(4000, FSF_SHARES_IN_POOL_ORDER));
    }

    @Test
    void named_parts_keep_their_order_and_the_order_breaks_ties() {
        LinkedHashMap<String, Long> sharesInPoolOrder = new LinkedHashMap<>();
        sharesInPoolOrder.put("FUND_CAPITAL", 1000L);
        sharesInPoolOrder.put("EMERGENCY_FUND", 1500L);
        sharesInPoolOrder.put("COMMITTEE_OPERATIONS", 5000L);
        sharesInPoolOrder.put("PROVINCIAL_DISTRICT", 2500L);

        LinkedHashMap<String, Long> parts = LargestRemainder.split(3010, sharesInPoolOrder);

        assertEquals(List.of("FUND_CAPITAL", "EMERGENCY_FUND", "COMMITTEE_OPERATIONS", "PROVINCIAL_DISTRICT"),
                List.copyOf(parts.keySet()));
        // The spec's answer: COMMITTEE_OPERATIONS 1505, PROVINCIAL_DISTRICT 752, EMERGENCY_FUND 452, FUND_CAPITAL 301.
        assertEquals(1505L, parts.get("COMMITTEE_OPERATIONS"));
        assertEquals(752L, parts.get("PROVINCIAL_DISTRICT"));
        assertEquals(452L, parts.get("EMERGENCY_FUND"));
        assertEquals(301L, parts.get("FUND_CAPITAL"));
    }

    @Test
    void premiums_follow_riel_days_and_a_tie_goes_to_the_member_registered_first() {
        // A 182-day period: 2024-01-01 up to (not including) 2024-07-01 (31+29+31+30+31+30 days).
        LocalDate periodStart = LocalDate.of(2024, 1, 1);
        LocalDate closingDate = LocalDate.of(2024, 7, 1);
        long periodDays = ChronoUnit.DAYS.between(periodStart, closingDate);
        assertEquals(182, periodDays);

        // The second member saves from the 4th month: 2024-04-01 is day 92 (31+29+31 days before it),
        // so days 92..182 hold the balance: 91 days.
        LocalDate fourthMonth = LocalDate.of(2024, 4, 1);
        assertEquals(92, ChronoUnit.DAYS.between(periodStart, fourthMonth) + 1);
        long lateSaverDays = ChronoUnit.DAYS.between(fourthMonth, closingDate);
        assertEquals(91, lateSaverDays);

        long[] rielDays = {
                10_000 * periodDays,    // 1,820,000: 10,000 riel from day 1
                10_000 * lateSaverDays, //   910,000: 10,000 riel from day 92
                1_000 * periodDays,     //   182,000:  1,000 riel from day 1
        };
        // Exact shares of 440 by 2,912,000 riel-days: 275.0, 137.5, 27.5. Floors leave one riel,
        // the two .5 remainders tie, and the earlier-registered second member gets it.
        assertArrayEquals(new long[] {275, 138, 27}, LargestRemainder.split(440, rielDays));
    }

    @Test
    void a_part_with_zero_weight_gets_nothing() {
        assertArrayEquals(new long[] {0, 7, 0, 3}, LargestRemainder.split(10, new long[] {0, 7, 0, 3}));
        // Even when there is a riel left over to hand out.
        assertArrayEquals(new long[] {0, 1, 1}, LargestRemainder.split(2, new long[] {0, 1, 1}));
    }

    @Test
    void leftovers_go_to_the_largest_remainder_not_the_largest_part() {
        // 10 by 6:3:1 → 6, 3, 1 exactly; 11 by 6:3:1 → 6.6, 3.3, 1.1: the .6 wins the riel.
        assertArrayEquals(new long[] {7, 3, 1}, LargestRemainder.split(11, new long[] {6, 3, 1}));
        // 5 by 1:1:1:1:1:1 → five riel to the first five parts, in order.
        assertArrayEquals(new long[] {1, 1, 1, 1, 1, 0}, LargestRemainder.split(5, new long[] {1, 1, 1, 1, 1, 1}));
    }

    @Test
    void splitting_nothing_gives_zeros() {
        assertArrayEquals(new long[] {0, 0}, LargestRemainder.split(0, new long[] {3, 4}));
    }

    @Test
    void weights_that_sum_to_zero_are_refused_so_the_caller_decides() {
        assertThrows(IllegalArgumentException.class, () -> LargestRemainder.split(440, new long[] {0, 0, 0}));
        assertThrows(IllegalArgumentException.class, () -> LargestRemainder.split(440, new long[0]));
        assertThrows(IllegalArgumentException.class, () -> LargestRemainder.split(0, new LinkedHashMap<String, Long>()));
    }

    @Test
    void negative_amounts_and_weights_are_refused() {
        assertThrows(IllegalArgumentException.class, () -> LargestRemainder.split(-1, new long[] {1}));
        assertThrows(IllegalArgumentException.class, () -> LargestRemainder.split(1, new long[] {2, -1}));
    }
}
