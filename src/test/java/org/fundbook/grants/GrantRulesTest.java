package org.fundbook.grants;

import org.fundbook.group.GrantReason;
import org.fundbook.group.Pool;
import org.fundbook.group.RefusalCode;
import org.fundbook.ledger.GroupAggregate;
import static org.fundbook.group.GroupFixtures.GROUP;
import static org.fundbook.group.GroupFixtures.TODAY;
import static org.fundbook.group.GroupFixtures.date;
import static org.fundbook.group.GroupFixtures.fsfLoanRepaidWithInterest;
import static org.fundbook.group.GroupFixtures.grant;
import static org.fundbook.group.GroupFixtures.id;
import static org.fundbook.group.GroupFixtures.newFixture;
import static org.fundbook.group.GroupFixtures.payout;
import static org.fundbook.group.GroupFixtures.plus;
import static org.fundbook.group.GroupFixtures.recovery;
import static org.fundbook.group.GroupFixtures.refusal;
import static org.fundbook.group.GroupFixtures.reversal;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.fundbook.group.GroupCommand.MakeEmergencyGrant;
import org.fundbook.group.GroupEvent.EmergencyGrantMade;
import org.fundbook.group.GroupEvent.GrantRecoveryRecorded;
import org.fundbook.group.GroupEvent.PoolPaidOut;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Section 5: emergency grant (cash −a, EMERGENCY_FUND −a), its recovery (cash +a, EMERGENCY_FUND +a) and pool payouts
 * (cash −a, pool −a). Every test starts from the FSF worked example, repaid: the box holds 204,000 riel, the Emergency
 * Fund 600, COMMITTEE_OPERATIONS 2,000, PROVINCIAL_DISTRICT 1,000.
 */
class GrantRulesTest {

    private AggregateTestFixture<GroupAggregate> fixture;

    @BeforeEach
    void setUp() {
        fixture = newFixture();
    }

    private static Object[] fundedBy600(Object... more) {
        return plus(fsfLoanRepaidWithInterest(), more);
    }

    // ------------------------------------------------------------------------------------------ grants

    @Test
    void grantWithinTheEmergencyFundIsRecordedWithTheMembersName() {
        fixture.givenCommands(fundedBy600())
                .when(grant("grant", "sokha", 600, true, "2024-03-01"))
                .expectEvents(new EmergencyGrantMade(GROUP, id("grant"), id("sokha"), "sokha", 600,
                        GrantReason.MEDICAL, true, date("2024-03-01")))
                .expectResultMessagePayload(new EmergencyGrantMade(GROUP, id("grant"), id("sokha"), "sokha", 600,
                        GrantReason.MEDICAL, true, date("2024-03-01")));
    }

    @Test
    void grantMayGoToAFamilyThatIsNotRegistered() {
        MakeEmergencyGrant toFamily = new MakeEmergencyGrant(GROUP, id("grant"), null, "family of Chan", 300,
                GrantReason.FIRE, false, date("2024-03-01"), TODAY);

        fixture.givenCommands(fundedBy600())
                .when(toFamily)
                .expectEvents(new EmergencyGrantMade(GROUP, id("grant"), null, "family of Chan", 300,
                        GrantReason.FIRE, false, date("2024-03-01")));
    }

    @Test
    void grantAboveTheEmergencyFundIsRefusedThoughTheBoxHoldsMore() {
        fixture.givenCommands(fundedBy600())
                .when(grant("grant", "sokha", 601, false, "2024-03-01"))
                .expectNoEvents()
                .expectException(refusal(RefusalCode.INSUFFICIENT_POOL));
    }

    @Test
    void grantToAnUnknownRecipientIsRefusedAsMemberNotFound() {
        fixture.givenCommands(fundedBy600())
                .when(grant("grant", "nobody", 100, false, "2024-03-01"))
                .expectNoEvents()
                .expectException(refusal(RefusalCode.MEMBER_NOT_FOUND));
    }

    @Test
    void unknownRecipientIsNamedBeforeAnEmptyFund() {
        fixture.givenCommands(fundedBy600())
                .when(grant("grant", "nobody", 10_000, false, "2024-03-01"))
                .expectNoEvents()
                .expectException(refusal(RefusalCode.MEMBER_NOT_FOUND));
    }

    // ------------------------------------------------------------------------------------------ recoveries

    @Test
    void recoveryOfARecoverableGrantIsRecordedWithWhatIsLeftToRecover() {
        fixture.givenCommands(fundedBy600(grant("grant", "sokha", 500, true, "2024-03-01")))
                .when(recovery("recovery", "grant", 200, "2024-05-01"))
                .expectEvents(new GrantRecoveryRecorded(GROUP, id("recovery"), id("grant"), 200, date("2024-05-01"),
                        300))
                .expectResultMessagePayload(new GrantRecoveryRecorded(GROUP, id("recovery"), id("grant"), 200,
                        date("2024-05-01"), 300));
    }

    @Test
    void lastRecoveryMayTakeExactlyWhatIsLeft() {
        fixture.givenCommands(fundedBy600(grant("grant", "sokha", 500, true, "2024-03-01"),
                        recovery("first", "grant", 200, "2024-05-01")))
                .when(recovery("recovery", "grant", 300, "2024-06-01"))
                .expectEvents(new GrantRecoveryRecorded(GROUP, id("recovery"), id("grant"), 300, date("2024-06-01"),
                        0));
    }

    @Test
    void recoveringMoreThanIsLeftOnTheGrantIsOverRecovery() {
        fixture.givenCommands(fundedBy600(grant("grant", "sokha", 500, true, "2024-03-01"),
                        recovery("first", "grant", 200, "2024-05-01")))
                .when(recovery("recovery", "grant", 301, "2024-06-01"))
                .expectNoEvents()
                .expectException(refusal(RefusalCode.OVER_RECOVERY));
    }

    @Test
    void recoveryOfANonRecoverableGrantIsOverRecovery() {
        fixture.givenCommands(fundedBy600(grant("grant", "sokha", 500, false, "2024-03-01")))
                .when(recovery("recovery", "grant", 1, "2024-05-01"))
                .expectNoEvents()
                .expectException(refusal(RefusalCode.OVER_RECOVERY));
    }

    @Test
    void recoveryRefillsTheEmergencyFund() {
        fixture.givenCommands(fundedBy600(grant("grant", "sokha", 600, true, "2024-03-01"),
                        recovery("recovery", "grant", 100, "2024-05-01")))
                .when(grant("second grant", "sokha", 100, false, "2024-05-02"))
                .expectEvents(new EmergencyGrantMade(GROUP, id("second grant"), id("sokha"), "sokha", 100,
                        GrantReason.MEDICAL, false, date("2024-05-02")));
    }

    @Test
    void recoveryOfAnUnknownGrantIsRefusedAsGrantNotFound() {
        fixture.givenCommands(fundedBy600())
                .when(recovery("recovery", "no such grant", 100, "2024-05-01"))
                .expectNoEvents()
                .expectException(refusal(RefusalCode.GRANT_NOT_FOUND));
    }

    @Test
    void recoveryNamingALoanIsRefusedAsGrantNotFound() {
        fixture.givenCommands(fundedBy600())
                .when(recovery("recovery", "loan", 100, "2024-05-01"))
                .expectNoEvents()
                .expectException(refusal(RefusalCode.GRANT_NOT_FOUND));
    }

    @Test
    void recoveryOfAReversedGrantIsRefusedAsGrantNotFound() {
        fixture.givenCommands(fundedBy600(grant("grant", "sokha", 500, true, "2024-03-01"),
                        reversal("undo grant", "grant", "2024-03-02")))
                .when(recovery("recovery", "grant", 100, "2024-05-01"))
                .expectNoEvents()
                .expectException(refusal(RefusalCode.GRANT_NOT_FOUND));
    }

    // ------------------------------------------------------------------------------------------ payouts

    @Test
    void committeeCostsArePaidFromTheirPool() {
        fixture.givenCommands(fundedBy600())
                .when(payout("committee", Pool.COMMITTEE_OPERATIONS, 2_000, "2024-03-31"))
                .expectEvents(new PoolPaidOut(GROUP, id("committee"), Pool.COMMITTEE_OPERATIONS, 2_000, "PDoWA",
                        date("2024-03-31")))
                .expectResultMessagePayload(new PoolPaidOut(GROUP, id("committee"), Pool.COMMITTEE_OPERATIONS,
                        2_000, "PDoWA", date("2024-03-31")));
    }

    @Test
    void payoutAboveThePoolIsRefusedThoughTheBoxHoldsMore() {
        fixture.givenCommands(fundedBy600())
                .when(payout("provincial", Pool.PROVINCIAL_DISTRICT, 1_001, "2024-03-31"))
                .expectNoEvents()
                .expectException(refusal(RefusalCode.INSUFFICIENT_POOL));
    }

    @Test
    void payoutsDrawThePoolDown() {
        fixture.givenCommands(fundedBy600(payout("first", Pool.COMMITTEE_OPERATIONS, 1_500, "2024-03-31")))
                .when(payout("second", Pool.COMMITTEE_OPERATIONS, 501, "2024-04-30"))
                .expectNoEvents()
                .expectException(refusal(RefusalCode.INSUFFICIENT_POOL));
    }
}
