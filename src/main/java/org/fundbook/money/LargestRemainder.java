package org.fundbook.money;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The one splitting rule of the domain (spec section 3), used for interest
 * allocation to pools and for premiums to members: floor every exact share,
 * then hand the riel left over, one each, to the largest fractional
 * remainders, ties to the earlier part. The parts always sum to the amount.
 *
 * <p>Arithmetic is done in {@link BigInteger}: premium weights are riel-days,
 * and a sum of those times an amount is far beyond {@code long}. Remainders
 * are compared as the exact integers {@code amount · w_i mod W}, which share
 * the denominator {@code W}, so no fraction is ever formed.
 */
public final class LargestRemainder {

    private LargestRemainder() {
    }

    /**
     * Splits {@code amount} in proportion to {@code weights}; part {@code i}
     * belongs to weight {@code i}, and array order is the tie order.
     *
     * @throws IllegalArgumentException if the amount or a weight is negative, or
     *                                  the weights sum to 0: there is no proportion
     *                                  to split by, and what to do then (keep the
     *                                  money in its pool) is the caller's rule
     */
    public static long[] split(long amount, long[] weights) {
        Objects.requireNonNull(weights, "weights");
        if (amount < 0) {
            throw new IllegalArgumentException("amount must be >= 0, was " + amount);
        }
        BigInteger total = BigInteger.ZERO;
        for (long weight : weights) {
            if (weight < 0) {
                throw new IllegalArgumentException("weights must be >= 0, found " + weight);
            }
            total = total.add(BigInteger.valueOf(weight));
        }
        if (total.signum() == 0) {
            throw new IllegalArgumentException("weights sum to 0: nothing to split by");
        }

        BigInteger bigAmount = BigInteger.valueOf(amount);
        long[] parts = new long[weights.length];
        BigInteger[] remainders = new BigInteger[weights.length];
        long floorSum = 0;
        for (int i = 0; i < weights.length; i++) {
            BigInteger[] quotientAndRemainder =
                    bigAmount.multiply(BigInteger.valueOf(weights[i])).divideAndRemainder(total);
            // Each quotient is at most amount, so longValueExact cannot fail.
            parts[i] = quotientAndRemainder[0].longValueExact();
            remainders[i] = quotientAndRemainder[1];
            floorSum += parts[i];
        }

        long leftOver = amount - floorSum;
        if (leftOver > 0) {
            List<Integer> byRemainder = new ArrayList<>(weights.length);
            for (int i = 0; i < weights.length; i++) {
                byRemainder.add(i);
            }
            // List.sort is stable, so equal remainders keep index order: ties to the earlier part.
            byRemainder.sort(Comparator.comparing((Integer i) -> remainders[i]).reversed());
            for (int j = 0; j < leftOver; j++) {
                parts[byRemainder.get(j)]++;
            }
        }
        return parts;
    }

    /**
     * Same rule over named parts, for callers that think in pools or members.
     * The map's iteration order is the tie order (pool order for interest,
     * registration order for premiums), and the result iterates in that
     * same order.
     *
     * @throws IllegalArgumentException as {@link #split(long, long[])}
     * @throws NullPointerException     if the map, a key's weight, or a key is null
     */
    public static <K> LinkedHashMap<K, Long> split(long amount, LinkedHashMap<K, Long> weightsInTieOrder) {
        Objects.requireNonNull(weightsInTieOrder, "weightsInTieOrder");
        List<K> keys = new ArrayList<>(weightsInTieOrder.size());
        long[] weights = new long[weightsInTieOrder.size()];
        int i = 0;
        for (Map.Entry<K, Long> entry : weightsInTieOrder.entrySet()) {
            keys.add(Objects.requireNonNull(entry.getKey(), "key"));
            weights[i++] = Objects.requireNonNull(entry.getValue(), () -> "weight of " + entry.getKey());
        }
        long[] parts = split(amount, weights);
        LinkedHashMap<K, Long> result = new LinkedHashMap<>();
        for (int j = 0; j < parts.length; j++) {
            result.put(keys.get(j), parts[j]);
        }
        return result;
    }
}
