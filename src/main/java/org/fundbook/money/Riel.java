package org.fundbook.money;

/**
 * Whole-riel arithmetic. Riel are exact integers in a {@code long}; an
 * overflow is a bug or hostile input, never something to round away, so every
 * operation here fails loudly with {@link ArithmeticException} instead of
 * wrapping.
 */
public final class Riel {

    /** Smallest amount a transaction may carry (domain spec, section 3). */
    public static final long MIN_AMOUNT = 1;
    /** Largest amount a transaction may carry: one trillion riel. */
    public static final long MAX_AMOUNT = 1_000_000_000_000L;
    /** Smallest monthly rate, in basis points per month. */
    public static final int MIN_RATE_BP = 1;
    /** Largest monthly rate, in basis points per month (20% a month). */
    public static final int MAX_RATE_BP = 2000;

    private static final long BASIS_POINTS = 10_000L;
    private static final long HALF_BASIS_POINTS = BASIS_POINTS / 2;

    private Riel() {
    }

    public static long checkedAdd(long a, long b) {
        return Math.addExact(a, b);
    }

    public static long checkedSubtract(long a, long b) {
        return Math.subtractExact(a, b);
    }

    public static long checkedMultiply(long a, long b) {
        return Math.multiplyExact(a, b);
    }

    /**
     * One month of interest: {@code principal · rateBp / 10000} rounded half up
     * to whole riel. The spec rounds per month, so callers sum these results
     * rather than rounding a total.
     *
     * <p>Exact for every input the domain allows: the largest product,
     * 10<sup>12</sup> · 2000, is far inside {@code long}; anything larger throws.
     *
     * @throws IllegalArgumentException if {@code principal} or {@code rateBp} is negative,
     *                                  where "half up" would be ambiguous
     * @throws ArithmeticException      if the product overflows
     */
    public static long interestHalfUp(long principal, int rateBp) {
        if (principal < 0) {
            throw new IllegalArgumentException("principal must be >= 0, was " + principal);
        }
        if (rateBp < 0) {
            throw new IllegalArgumentException("rateBp must be >= 0, was " + rateBp);
        }
        long scaled = Math.multiplyExact(principal, (long) rateBp);
        return Math.addExact(scaled, HALF_BASIS_POINTS) / BASIS_POINTS;
    }
}
