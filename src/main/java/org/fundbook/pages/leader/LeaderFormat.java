package org.fundbook.pages.leader;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.springframework.stereotype.Component;

/**
 * Rates in words on the leader's pages ({@code ${@leaderFormat.rate(bp, language.code)}}): a percentage as the
 * glossary writes it, in Khmer digits on a Khmer page ("២% ក្នុងមួយខែ" is written by the bundle around it) and in
 * Latin digits on an English one. Amounts and dates stay in Latin digits everywhere ({@code pages.Format}).
 */
@Component("leaderFormat")
public class LeaderFormat {

    /** Basis points as a percentage in the page's digits: 200 → "2" (or "២"), 150 → "1.5". */
    public String rate(long basisPoints, String language) {
        return digits(plain(BigDecimal.valueOf(basisPoints).movePointLeft(2)), language);
    }

    /** The part of a monthly rate a pool's share of interest comes to: 200 bp at 5000 bp of interest → "1". */
    public String shareOfRate(long rateBp, long shareBp, String language) {
        BigDecimal part = BigDecimal.valueOf(rateBp).multiply(BigDecimal.valueOf(shareBp))
                .divide(BigDecimal.valueOf(10_000), 4, RoundingMode.HALF_UP).movePointLeft(2);
        return digits(plain(part), language);
    }

    /** A whole number (months, a count) in the page's digits. */
    public String count(long n, String language) {
        return digits(Long.toString(n), language);
    }

    private static String plain(BigDecimal value) {
        return value.signum() == 0 ? "0" : value.stripTrailingZeros().toPlainString();
    }

    static String digits(String latin, String language) {
        if (!"km".equals(language)) {
            return latin;
        }
        StringBuilder khmer = new StringBuilder(latin.length());
        for (char c : latin.toCharArray()) {
            khmer.append(c >= '0' && c <= '9' ? (char) ('០' + (c - '0')) : c);
        }
        return khmer.toString();
    }
}
