package org.fundbook.reporting;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** The reports' divisions, done once from exact riel and counts: ratios to 4 places, averages to whole riel. */
final class Fractions {

    /** Decimal places of a ratio: a hundredth of a percent. */
    static final int SCALE = 4;

    private Fractions() {
    }

    /** {@code part / whole} rounded half-up to {@link #SCALE} places; 0 when there is nothing to divide by. */
    static BigDecimal ratio(long part, long whole) {
        if (whole == 0) {
            return BigDecimal.ZERO;
        }
        BigDecimal ratio = BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), SCALE, RoundingMode.HALF_UP);
        if (ratio.signum() == 0) {
            return BigDecimal.ZERO;
        }
        // 0.2500 → 0.25: a plain JSON number without noise digits (and 2.0000 → 2, never 1E+1 for 10)
        BigDecimal stripped = ratio.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    /** {@code part / whole} in whole riel, rounded half-up (away from zero at .5); 0 when {@code whole} is 0. */
    static long wholeRiel(long part, long whole) {
        if (whole == 0) {
            return 0;
        }
        return BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 0, RoundingMode.HALF_UP).longValueExact();
    }
}
