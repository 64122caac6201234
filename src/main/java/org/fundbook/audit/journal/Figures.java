package org.fundbook.audit.journal;

import java.util.EnumMap;
import org.fundbook.group.Pool;
import org.fundbook.group.query.Balances;

/**
 * Balances summed straight from movements, with no journal in between: the definition the as-of balances use,
 * and the figure the journal's balances are checked against.
 */
public final class Figures {

    private long cash;
    private long loanPrincipal;
    private long savings;
    private final EnumMap<Pool, Long> pools = new EnumMap<>(Pool.class);

    public Figures apply(Movement movement) {
        cash = Math.addExact(cash, movement.cash());
        loanPrincipal = Math.addExact(loanPrincipal, movement.loanPrincipal());
        savings = Math.addExact(savings, movement.savings());
        movement.pools().forEach((pool, delta) -> pools.merge(pool, delta, Math::addExact));
        return this;
    }

    public Balances balances() {
        return Balances.of(cash, loanPrincipal, savings, pools);
    }
}
