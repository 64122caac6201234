package org.fundbook.reporting;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.fundbook.group.GrantReason;
import org.fundbook.group.GroupEvent.EmergencyGrantMade;
import org.fundbook.group.GroupEvent.GrantRecoveryRecorded;
import org.fundbook.group.GroupEvent.GroupTransaction;
import org.fundbook.group.GroupEvent.PoolPaidOut;
import org.fundbook.group.GroupEvent.RepaymentRecorded;
import org.fundbook.group.GroupEvent.TransactionReversed;
import org.fundbook.group.Pool;

/**
 * What a transaction adds to the PDoWA fund allocation report: interest collected and its split by pool,
 * emergency grants by reason, grant recoveries, pool payouts. A reversal subtracts what it reverses, at its own
 * value date, so a month that is already reported never changes.
 */
public final class AllocationFacts {

    public enum Measure {
        INTEREST, ALLOCATION, EMERGENCY_GRANT, GRANT_RECOVERY, PAYOUT
    }

    /** @param category the pool or grant reason; empty for interest and recoveries */
    public record Fact(Measure measure, String category, long amount) {
    }

    private AllocationFacts() {
    }

    /**
     * @param reasonOfGrant the reason an earlier grant of the group was made for (a reversal does not repeat it)
     */
    public static List<Fact> of(GroupTransaction event, Function<UUID, GrantReason> reasonOfGrant) {
        List<Fact> facts = new ArrayList<>();
        if (event instanceof RepaymentRecorded e) {
            interest(facts, e.interestPart(), e.allocation());
        } else if (event instanceof EmergencyGrantMade e) {
            add(facts, Measure.EMERGENCY_GRANT, e.reason().name(), e.amount());
        } else if (event instanceof GrantRecoveryRecorded e) {
            add(facts, Measure.GRANT_RECOVERY, "", e.amount());
        } else if (event instanceof PoolPaidOut e) {
            add(facts, Measure.PAYOUT, e.pool().name(), e.amount());
        } else if (event instanceof TransactionReversed e) {
            reversal(facts, e, reasonOfGrant);
        }
        return facts;
    }

    /** The reversal's deltas are the inverse of what was recorded: the sign says how much comes off. */
    private static void reversal(List<Fact> facts, TransactionReversed e, Function<UUID, GrantReason> reasonOfGrant) {
        switch (e.reversedKind()) {
            // cash came back out as interest + principal; principal went back onto the loan
            case REPAYMENT -> interest(facts, Math.addExact(e.cashDelta(), e.loanPrincipalDelta()), e.poolDeltas());
            case EMERGENCY_GRANT -> add(facts, Measure.EMERGENCY_GRANT,
                    reasonOfGrant.apply(e.reversedTransactionId()).name(), Math.negateExact(e.cashDelta()));
            case GRANT_RECOVERY -> add(facts, Measure.GRANT_RECOVERY, "", e.cashDelta());
            case POOL_PAYOUT -> e.poolDeltas().forEach((pool, delta) ->
                    add(facts, Measure.PAYOUT, pool.name(), Math.negateExact(delta)));
            default -> {
                // capital, savings, loans and cash counts are not in this report
            }
        }
    }

    private static void interest(List<Fact> facts, long interest, Map<Pool, Long> allocation) {
        add(facts, Measure.INTEREST, "", interest);
        for (Pool pool : Pool.values()) {
            add(facts, Measure.ALLOCATION, pool.name(), allocation.getOrDefault(pool, 0L));
        }
    }

    private static void add(List<Fact> facts, Measure measure, String category, long amount) {
        if (amount != 0) {
            facts.add(new Fact(measure, category, amount));
        }
    }
}
