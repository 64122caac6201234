package org.fundbook.group;

import static org.fundbook.group.GroupFixtures.GROUP;
import static org.fundbook.group.GroupFixtures.PURPOSE;
import static org.fundbook.group.GroupFixtures.date;
import static org.fundbook.group.GroupFixtures.id;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.time.LocalDate;
import java.util.Map;
import java.util.stream.Stream;
import org.fundbook.group.GroupEvent.CapitalReceived;
import org.fundbook.group.GroupEvent.CashCounted;
import org.fundbook.group.GroupEvent.ContributionRecorded;
import org.fundbook.group.GroupEvent.EmergencyGrantMade;
import org.fundbook.group.GroupEvent.GrantRecoveryRecorded;
import org.fundbook.group.GroupEvent.GroupTransaction;
import org.fundbook.group.GroupEvent.LoanDisbursed;
import org.fundbook.group.GroupEvent.PoolPaidOut;
import org.fundbook.group.GroupEvent.RepaymentRecorded;
import org.fundbook.group.GroupEvent.TransactionReversed;
import org.fundbook.group.GroupEvent.WithdrawalRecorded;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The effect column of spec section 5, one row per kind of transaction. */
class EffectTest {

    private static final LocalDate ON = date("2024-02-10");
    private static final Map<Pool, Long> NO_POOLS = Map.of();

    static Stream<Arguments> rows() {
        return Stream.of(
                Arguments.of("capital received: cash +a, FUND_CAPITAL +a",
                        new CapitalReceived(GROUP, id("t"), "IOM", 120_000, ON),
                        new Effect(120_000, 0, null, 0, Map.of(Pool.FUND_CAPITAL, 120_000L))),
                Arguments.of("contribution: cash +a, savings[m] +a",
                        new ContributionRecorded(GROUP, id("t"), id("sokha"), 5_000, ON, 5_000),
                        new Effect(5_000, 0, id("sokha"), 5_000, NO_POOLS)),
                Arguments.of("savings withdrawal: cash −a, savings[m] −a",
                        new WithdrawalRecorded(GROUP, id("t"), id("sokha"), 2_000, ON, 3_000),
                        new Effect(-2_000, 0, id("sokha"), -2_000, NO_POOLS)),
                Arguments.of("loan disbursement: cash −P, outstanding +P",
                        new LoanDisbursed(GROUP, id("t"), id("sokha"), Membership.MEMBER, 200_000, 200,
                                InterestMethod.FLAT, 12, PURPOSE, ON, ON.plusMonths(12), Map.of(Pool.PREMIUM, 10_000)),
                        new Effect(-200_000, 200_000, null, 0, NO_POOLS)),
                Arguments.of("loan repayment: cash +(i+p), outstanding −p, pools +split(i)",
                        new RepaymentRecorded(GROUP, id("t"), id("loan"), id("sokha"), 204_000, ON, 4_000, 4_000,
                                200_000, Map.of(Pool.COMMITTEE_OPERATIONS, 2_000L, Pool.PROVINCIAL_DISTRICT, 1_000L,
                                        Pool.EMERGENCY_FUND, 600L, Pool.FUND_CAPITAL, 400L), 0, true),
                        new Effect(204_000, -200_000, null, 0, Map.of(Pool.COMMITTEE_OPERATIONS, 2_000L,
                                Pool.PROVINCIAL_DISTRICT, 1_000L, Pool.EMERGENCY_FUND, 600L, Pool.FUND_CAPITAL, 400L))),
                Arguments.of("emergency grant: cash −a, EMERGENCY_FUND −a",
                        new EmergencyGrantMade(GROUP, id("t"), id("sokha"), "sokha", 600, GrantReason.FIRE, true, ON),
                        new Effect(-600, 0, null, 0, Map.of(Pool.EMERGENCY_FUND, -600L))),
                Arguments.of("emergency grant recovery: cash +a, EMERGENCY_FUND +a",
                        new GrantRecoveryRecorded(GROUP, id("t"), id("grant"), 200, ON, 400),
                        new Effect(200, 0, null, 0, Map.of(Pool.EMERGENCY_FUND, 200L))),
                Arguments.of("pool payout: cash −a, pool −a",
                        new PoolPaidOut(GROUP, id("t"), Pool.PROVINCIAL_DISTRICT, 1_000, "PDoWA", ON),
                        new Effect(-1_000, 0, null, 0, Map.of(Pool.PROVINCIAL_DISTRICT, -1_000L))),
                Arguments.of("cash count: none",
                        new CashCounted(GROUP, id("t"), ON, 204_000, 203_500, -500),
                        new Effect(0, 0, null, 0, NO_POOLS)),
                Arguments.of("reversal: the deltas it carries",
                        new TransactionReversed(GROUP, id("t"), id("saving"), TransactionKind.CONTRIBUTION, "error",
                                ON, -5_000, 0, id("sokha"), -5_000, NO_POOLS),
                        new Effect(-5_000, 0, id("sokha"), -5_000, NO_POOLS)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void effectOfEachKindIsItsRowOfTheTable(String row, GroupTransaction event, Effect expected) {
        assertEquals(expected, Effect.of(event));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void negatedTwiceIsTheSameEffect(String row, GroupTransaction event, Effect ignored) {
        assertEquals(Effect.of(event), Effect.of(event).negate().negate());
    }

    @Test
    void negationFlipsEveryFigureAndKeepsTheMember() {
        Effect repayment = new Effect(204_000, -200_000, id("sokha"), 7, Map.of(Pool.EMERGENCY_FUND, 600L));

        assertEquals(new Effect(-204_000, 200_000, id("sokha"), -7, Map.of(Pool.EMERGENCY_FUND, -600L)),
                repayment.negate());
    }

    @Test
    void zeroPoolDeltasAreDropped() {
        assertEquals(new Effect(1, 0, null, 0, NO_POOLS),
                new Effect(1, 0, null, 0, Map.of(Pool.PREMIUM, 0L, Pool.FUND_CAPITAL, 0L)));
    }

    @Test
    void effectsThatMoveNoPoolShareOneEmptyMap() {
        // a cached group keeps one effect per transaction: most carry no map of their own
        Effect contribution = Effect.of(new ContributionRecorded(GROUP, id("t"), id("sokha"), 5_000, ON, 5_000));
        Effect zeroes = new Effect(1, 0, null, 0, Map.of(Pool.PREMIUM, 0L));

        assertSame(contribution.pools(), zeroes.pools());
        assertSame(Map.of(), contribution.negate().pools());
    }
}
