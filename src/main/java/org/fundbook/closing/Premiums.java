package org.fundbook.closing;

import org.fundbook.group.PremiumShare;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.fundbook.money.LargestRemainder;
import org.fundbook.money.Riel;

/**
 * The share-out of a period's earnings ("premiums on savings") among members, domain spec section 7.
 * Plain arithmetic on whole riel; the same largest-remainder split as interest, ties to the member registered
 * first.
 */
public final class Premiums {

    /** How members are weighted. */
    public enum Basis {
        /** Riel-days: Σ over each day of [periodStart, closingDate) of the member's savings at the end of it. */
        AVERAGE_BALANCE,
        /** Savings at the end of the day before the closing date. */
        BALANCE_AT_CLOSE
    }

    private Premiums() {
    }

    /**
     * @param membersInRegistrationOrder the members who share (non-members excluded), earliest registered first
     * @param openingSavings             each member's savings at the start of the period, by value date
     * @param movements                  savings movements dated in the period (others are ignored)
     * @return one share per member, in registration order; all premiums 0 when every weight is 0
     */
    public static List<PremiumShare> shareOut(long distributable, Basis basis, LocalDate periodStart,
                                              LocalDate closingDate, List<UUID> membersInRegistrationOrder,
                                              Map<UUID, Long> openingSavings, List<SavingsMovement> movements) {
        if (distributable < 0) {
            throw new IllegalArgumentException("distributable must not be negative: " + distributable);
        }
        if (!closingDate.isAfter(periodStart)) {
            throw new IllegalArgumentException("the closing date must be after the period's start");
        }
        LinkedHashMap<UUID, Long> weights = new LinkedHashMap<>();
        long total = 0;
        for (UUID member : membersInRegistrationOrder) {
            long weight = weight(basis, periodStart, closingDate, openingSavings.getOrDefault(member, 0L),
                    movements.stream().filter(m -> m.memberId().equals(member)).toList());
            weights.put(member, weight);
            total = Riel.checkedAdd(total, weight);
        }
        List<PremiumShare> shares = new ArrayList<>();
        if (total == 0 || distributable == 0) {
            weights.forEach((member, weight) -> shares.add(new PremiumShare(member, weight, 0)));
            return shares;
        }
        LinkedHashMap<UUID, Long> premiums = LargestRemainder.split(distributable, weights);
        weights.forEach((member, weight) -> shares.add(new PremiumShare(member, weight, premiums.get(member))));
        return shares;
    }

    /**
     * A member's weight. A day whose savings are below zero by value date (a withdrawal back-dated before the
     * contribution that covered it) counts as zero: nobody earns a negative share.
     */
    static long weight(Basis basis, LocalDate periodStart, LocalDate closingDate, long opening,
                       List<SavingsMovement> movements) {
        TreeMap<LocalDate, Long> byDay = new TreeMap<>();
        long balance = opening;
        for (SavingsMovement movement : movements) {
            if (movement.occurredOn().isBefore(periodStart)) {
                balance = Riel.checkedAdd(balance, movement.amount());
            } else if (movement.occurredOn().isBefore(closingDate)) {
                byDay.merge(movement.occurredOn(), movement.amount(), Riel::checkedAdd);
            }
        }
        if (basis == Basis.BALANCE_AT_CLOSE) {
            for (long amount : byDay.values()) {
                balance = Riel.checkedAdd(balance, amount);
            }
            return Math.max(0, balance);
        }
        long weight = 0;
        LocalDate day = periodStart;
        for (Map.Entry<LocalDate, Long> change : byDay.entrySet()) {
            long days = ChronoUnit.DAYS.between(day, change.getKey());
            weight = Riel.checkedAdd(weight, Riel.checkedMultiply(Math.max(0, balance), days));
            balance = Riel.checkedAdd(balance, change.getValue());
            day = change.getKey();
        }
        long days = ChronoUnit.DAYS.between(day, closingDate);
        return Riel.checkedAdd(weight, Riel.checkedMultiply(Math.max(0, balance), days));
    }
}
