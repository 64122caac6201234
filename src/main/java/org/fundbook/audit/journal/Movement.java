package org.fundbook.audit.journal;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.fundbook.group.Effect;
import org.fundbook.group.GroupEvent;
import org.fundbook.group.GroupEvent.BooksClosed;
import org.fundbook.group.GroupEvent.GroupTransaction;
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

    /**
     * The money an event moved: the {@link Effect} of a money transaction, or of a closing's premium payout (the
     * premiums leave the PREMIUM pool on the closing date, out of the box or into the savings); empty for
     * registrations, policy changes, the other closing steps and cash counts.
     */
    public static Optional<Movement> of(GroupEvent event) {
        Movement movement = null;
        if (event instanceof GroupTransaction t) {
            movement = of(t.transactionId(), t.kind(), t.occurredOn(), Effect.of(t));
        } else if (event instanceof BooksClosed closed) {
            movement = of(closed.transactionId(), TransactionKind.CLOSING, closed.closingDate(),
                    Effect.premiumPayout(closed));
        }
        return movement == null || movement.isEmpty() ? Optional.empty() : Optional.of(movement);
    }

    private static Movement of(UUID transactionId, TransactionKind kind, LocalDate valueDate, Effect effect) {
        return new Movement(transactionId, kind, valueDate, effect.cash(), effect.loanPrincipal(), effect.savings(),
                effect.pools());
    }

    boolean isEmpty() {
        return cash == 0 && loanPrincipal == 0 && savings == 0 && pools.isEmpty();
    }
}
