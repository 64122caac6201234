package org.fundbook.audit.journal;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.fundbook.group.PremiumShare;
import org.fundbook.group.Effect;
import org.fundbook.group.GroupEvent;
import org.fundbook.group.GroupEvent.BooksClosed;
import org.fundbook.group.GroupEvent.GroupTransaction;
import org.fundbook.group.PayoutMode;
import org.fundbook.group.Pool;
import org.fundbook.group.TransactionKind;

/**
 * What one recorded event did to the group's money, on its value date: the {@link Effect} of a money
 * transaction, or the premium payout of a closing. Savings are the group total (a premium reinvested credits
 * many members at once); the member split stays in the events.
 *
 * @param kind the transaction's kind, {@code CLOSING} for a premium payout
 */
public record Movement(UUID transactionId, TransactionKind kind, LocalDate valueDate, long cash, long loanPrincipal,
                       long savings, Map<Pool, Long> pools) {

    public Movement {
        EnumMap<Pool, Long> copy = new EnumMap<>(Pool.class);
        pools.forEach((pool, delta) -> {
            if (delta != 0) {
                copy.put(pool, delta);
            }
        });
        pools = copy;
    }

    /** The money an event moved; empty for registrations, policy changes, closing steps and cash counts. */
    public static Optional<Movement> of(GroupEvent event) {
        Movement movement = null;
        if (event instanceof GroupTransaction t) {
            Effect effect = Effect.of(t);
            movement = new Movement(t.transactionId(), t.kind(), t.occurredOn(), effect.cash(),
                    effect.loanPrincipal(), effect.savings(), effect.pools());
        } else if (event instanceof BooksClosed closed) {
            movement = premiumPayout(closed);
        }
        return movement == null || movement.isEmpty() ? Optional.empty() : Optional.of(movement);
    }

    /**
     * The premiums leave the PREMIUM pool on the closing date: out of the box ({@code CASH}) or into the members'
     * savings ({@code REINVEST}). This mirrors the aggregate's own payout; the cross-check would catch a drift.
     */
    static Movement premiumPayout(BooksClosed closed) {
        long total = 0;
        for (PremiumShare share : closed.premiums()) {
            total = Math.addExact(total, share.premium());
        }
        boolean cash = closed.payoutMode() == PayoutMode.CASH;
        return new Movement(closed.transactionId(), TransactionKind.CLOSING, closed.closingDate(),
                cash ? -total : 0, 0, cash ? 0 : total, Map.of(Pool.PREMIUM, -total));
    }

    boolean isEmpty() {
        return cash == 0 && loanPrincipal == 0 && savings == 0 && pools.isEmpty();
    }
}
