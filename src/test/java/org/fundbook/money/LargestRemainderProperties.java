package org.fundbook.money;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;

import java.math.BigInteger;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LargestRemainderProperties {

    /** Riel-days for a 1e12-riel balance held a full year reach ~4e14; go well past it. */
    private static final long LARGEST_WEIGHT = 100_000_000_000_000_000L;

    @Property
    void parts_always_sum_to_the_amount(@ForAll("amounts") long amount, @ForAll("weights") long[] weights) {
        assertEquals(amount, Arrays.stream(LargestRemainder.split(amount, weights)).sum());
    }

    @Property
    void no_part_is_negative(@ForAll("amounts") long amount, @ForAll("weights") long[] weights) {
        assertTrue(Arrays.stream(LargestRemainder.split(amount, weights)).allMatch(part -> part >= 0));
    }

    @Property
    void the_same_input_always_gives_the_same_split(@ForAll("amounts") long amount,
                                                    @ForAll("weights") long[] weights) {
        assertArrayEquals(LargestRemainder.split(amount, weights.clone()),
                LargestRemainder.split(amount, weights.clone()));
    }

    @Property
    void every_part_is_its_exact_share_rounded_down_or_up(@ForAll("amounts") long amount,
                                                          @ForAll("weights") long[] weights) {
        long[] parts = LargestRemainder.split(amount, weights);
        BigInteger total = Arrays.stream(weights).mapToObj(BigInteger::valueOf).reduce(BigInteger.ZERO, BigInteger::add);
        for (int i = 0; i < weights.length; i++) {
            // floor(share) <= part <= floor(share) + 1, with share = amount * w_i / W.
            BigInteger floor = BigInteger.valueOf(amount).multiply(BigInteger.valueOf(weights[i])).divide(total);
            long excess = BigInteger.valueOf(parts[i]).subtract(floor).longValueExact();
            assertTrue(excess == 0 || excess == 1, "part " + i + " is " + excess + " riel off its floor");
        }
    }

    @Property
    void a_zero_weight_never_receives_a_riel(@ForAll("amounts") long amount, @ForAll("weights") long[] weights) {
        long[] parts = LargestRemainder.split(amount, weights);
        for (int i = 0; i < weights.length; i++) {
            if (weights[i] == 0) {
                assertEquals(0, parts[i]);
            }
        }
    }

    @Property
    void weights_far_beyond_long_range_in_sum_do_not_overflow(
            @ForAll @LongRange(min = 0, max = Riel.MAX_AMOUNT) long amount) {
        long[] weights = new long[200];
        Arrays.fill(weights, LARGEST_WEIGHT);
        weights[0] = Long.MAX_VALUE;
        long[] parts = LargestRemainder.split(amount, weights);
        assertEquals(amount, Arrays.stream(parts).sum());
    }

    @Provide
    Arbitrary<Long> amounts() {
        return Arbitraries.oneOf(
                Arbitraries.longs().between(0, 10_000),
                Arbitraries.longs().between(0, Riel.MAX_AMOUNT),
                Arbitraries.of(0L, 1L, Riel.MAX_AMOUNT));
    }

    @Provide
    Arbitrary<long[]> weights() {
        Arbitrary<Long> weight = Arbitraries.oneOf(
                Arbitraries.longs().between(0, 10),
                Arbitraries.longs().between(0, 100_000),
                Arbitraries.longs().between(0, LARGEST_WEIGHT));
        return weight.array(long[].class).ofMinSize(1).ofMaxSize(40)
                .filter(ws -> Arrays.stream(ws).anyMatch(w -> w > 0));
    }
}
