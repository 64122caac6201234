package org.fundbook.group;

import java.util.EnumMap;
import java.util.Map;
import java.util.UUID;
import org.fundbook.money.Riel;

/**
 * What one transaction did to the group's balances. Every money event maps to exactly one effect, and a
 * reversal applies the negation of the effect it reverses, so "the exact inverse" is true by construction.
 */
public record Effect(long cash, long loanPrincipal, UUID memberId, long savings, Map<Pool, Long> pools) {

    public static final Effect NONE = new Effect(0, 0, null, 0, Map.of());

    public Effect {
        EnumMap<Pool, Long> copy = new EnumMap<>(Pool.class);
        pools.forEach((pool, delta) -> {
            if (delta != 0) {
                copy.put(pool, delta);
            }
        });
        // most transactions move no pool: one shared empty map instead of an EnumMap each, for every transaction a
        // cached group holds
        pools = copy.isEmpty() ? Map.of() : copy;
    }

    static Effect cash(long cash, Pool pool, long poolDelta) {
        return new Effect(cash, 0, null, 0, Map.of(pool, poolDelta));
    }

    static Effect savings(long cash, UUID memberId, long savings) {
        return new Effect(cash, 0, memberId, savings, Map.of());
    }

    /** The one place that says what each kind of transaction does to the balances. */
    public static Effect of(GroupEvent.GroupTransaction event) {
        if (event instanceof GroupEvent.CapitalReceived e) {
            return cash(e.amount(), Pool.FUND_CAPITAL, e.amount());
        } else if (event instanceof GroupEvent.ContributionRecorded e) {
            return savings(e.amount(), e.memberId(), e.amount());
        } else if (event instanceof GroupEvent.WithdrawalRecorded e) {
            return savings(-e.amount(), e.memberId(), -e.amount());
        } else if (event instanceof GroupEvent.LoanDisbursed e) {
            return new Effect(-e.principal(), e.principal(), null, 0, Map.of());
        } else if (event instanceof GroupEvent.RepaymentRecorded e) {
            return new Effect(e.amount(), -e.principalPart(), null, 0, e.allocation());
        } else if (event instanceof GroupEvent.EmergencyGrantMade e) {
            return cash(-e.amount(), Pool.EMERGENCY_FUND, -e.amount());
        } else if (event instanceof GroupEvent.GrantRecoveryRecorded e) {
            return cash(e.amount(), Pool.EMERGENCY_FUND, e.amount());
        } else if (event instanceof GroupEvent.PoolPaidOut e) {
            return cash(-e.amount(), e.pool(), -e.amount());
        } else if (event instanceof GroupEvent.TransactionReversed e) {
            return new Effect(e.cashDelta(), e.loanPrincipalDelta(), e.memberId(), e.savingsDelta(), e.poolDeltas());
        } else if (event instanceof GroupEvent.CashCounted) {
            return NONE;
        }
        throw new IllegalArgumentException("no effect defined for " + event.getClass().getSimpleName());
    }

    /**
     * The premiums leaving the PREMIUM pool at a closing: out of the box ({@code CASH}), or into the members' savings
     * ({@code REINVEST}: the group's savings grow by the total; the event's premiums say whose they are).
     */
    public static Effect premiumPayout(GroupEvent.BooksClosed closed) {
        long total = 0;
        for (PremiumShare share : closed.premiums()) {
            total = Riel.checkedAdd(total, share.premium());
        }
        return premiumPayout(closed.payoutMode(), total);
    }

    public static Effect premiumPayout(PayoutMode mode, long total) {
        boolean cash = mode == PayoutMode.CASH;
        return new Effect(cash ? -total : 0, 0, null, cash ? 0 : total, Map.of(Pool.PREMIUM, -total));
    }

    public Effect negate() {
        EnumMap<Pool, Long> negated = new EnumMap<>(Pool.class);
        pools.forEach((pool, delta) -> negated.put(pool, Math.negateExact(delta)));
        return new Effect(Math.negateExact(cash), Math.negateExact(loanPrincipal), memberId,
                Math.negateExact(savings), negated);
    }
}
