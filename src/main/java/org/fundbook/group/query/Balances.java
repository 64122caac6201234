package org.fundbook.group.query;

import java.util.EnumMap;
import java.util.Map;
import org.fundbook.group.Pool;

/** The group's money at one moment; {@code lendableCash} is cash less the earmarked pools. */
public record Balances(long cash, long lendableCash, long loanPrincipalOutstanding, long memberSavings,
                       Map<Pool, Long> pools) {

    public static Balances of(long cash, long loans, long savings, Map<Pool, Long> pools) {
        EnumMap<Pool, Long> all = new EnumMap<>(Pool.class);
        long earmarked = 0;
        for (Pool pool : Pool.values()) {
            long held = pools.getOrDefault(pool, 0L);
            all.put(pool, held);
            if (pool.earmarked()) {
                earmarked += held;
            }
        }
        return new Balances(cash, cash - earmarked, loans, savings, all);
    }
}
