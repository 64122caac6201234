package org.fundbook.savings;

import org.fundbook.group.RefusalCode;
import org.fundbook.group.Scheme;
import org.fundbook.ledger.GroupAggregate;
import static org.fundbook.group.GroupFixtures.GROUP;
import static org.fundbook.group.GroupFixtures.contribution;
import static org.fundbook.group.GroupFixtures.date;
import static org.fundbook.group.GroupFixtures.id;
import static org.fundbook.group.GroupFixtures.member;
import static org.fundbook.group.GroupFixtures.newFixture;
import static org.fundbook.group.GroupFixtures.nonMember;
import static org.fundbook.group.GroupFixtures.refusal;
import static org.fundbook.group.GroupFixtures.registerGroup;
import static org.fundbook.group.GroupFixtures.reversal;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.fundbook.group.GroupEvent.ContributionRecorded;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Section 5, contribution: cash +a, savings[m] +a; refused for non-members and a first one below the minimum. */
class ContributionRulesTest {

    private AggregateTestFixture<GroupAggregate> fixture;

    @BeforeEach
    void setUp() {
        fixture = newFixture();
    }

    @Test
    void memberContributionIsRecordedWithTheSavingsAfterIt() {
        fixture.givenCommands(registerGroup(Scheme.CEDAC), member("sokha"),
                        contribution("first", "sokha", 1_000, "2024-01-05"))
                .when(contribution("second", "sokha", 5_500, "2024-02-05"))
                .expectEvents(new ContributionRecorded(GROUP, id("second"), id("sokha"), 5_500, date("2024-02-05"),
                        6_500))
                .expectResultMessagePayload(new ContributionRecorded(GROUP, id("second"), id("sokha"), 5_500,
                        date("2024-02-05"), 6_500));
    }

    @Test
    void nonMemberCannotSave() {
        fixture.givenCommands(registerGroup(Scheme.CEDAC), nonMember("dara"))
                .when(contribution("saving", "dara", 5_000, "2024-01-05"))
                .expectNoEvents()
                .expectException(refusal(RefusalCode.NON_MEMBER_CANNOT_SAVE));
    }

    @Test
    void firstContributionBelowGroupMinimumIsRefused() {
        fixture.givenCommands(registerGroup(Scheme.CEDAC), member("sokha"))
                .when(contribution("first", "sokha", 999, "2024-01-05"))
                .expectNoEvents()
                .expectException(refusal(RefusalCode.BELOW_MIN_INITIAL_CONTRIBUTION));
    }

    @Test
    void firstContributionOfExactlyTheMinimumIsAccepted() {
        fixture.givenCommands(registerGroup(Scheme.CEDAC), member("sokha"))
                .when(contribution("first", "sokha", 1_000, "2024-01-05"))
                .expectEvents(new ContributionRecorded(GROUP, id("first"), id("sokha"), 1_000, date("2024-01-05"),
                        1_000));
    }

    @Test
    void laterContributionsBelowTheMinimumAreAccepted() {
        fixture.givenCommands(registerGroup(Scheme.CEDAC), member("sokha"),
                        contribution("first", "sokha", 1_000, "2024-01-05"))
                .when(contribution("second", "sokha", 100, "2024-01-06"))
                .expectEvents(new ContributionRecorded(GROUP, id("second"), id("sokha"), 100, date("2024-01-06"),
                        1_100));
    }

    @Test
    void contributionAfterTheOnlyOneWasReversedIsTheFirstAgain() {
        fixture.givenCommands(registerGroup(Scheme.CEDAC), member("sokha"),
                        contribution("entered in error", "sokha", 1_000, "2024-01-05"),
                        reversal("undo", "entered in error", "2024-01-06"))
                .when(contribution("first", "sokha", 500, "2024-01-07"))
                .expectNoEvents()
                .expectException(refusal(RefusalCode.BELOW_MIN_INITIAL_CONTRIBUTION));
    }

    @Test
    void minimumIsPerMemberNotPerGroup() {
        fixture.givenCommands(registerGroup(Scheme.CEDAC), member("sokha"), member("srey"),
                        contribution("sokha first", "sokha", 1_000, "2024-01-05"))
                .when(contribution("srey first", "srey", 500, "2024-01-06"))
                .expectNoEvents()
                .expectException(refusal(RefusalCode.BELOW_MIN_INITIAL_CONTRIBUTION));
    }

    @Test
    void groupWithoutMinimumAcceptsAnyFirstContribution() {
        fixture.givenCommands(registerGroup(Scheme.FSF), member("sokha"))
                .when(contribution("first", "sokha", 1, "2024-01-05"))
                .expectEvents(new ContributionRecorded(GROUP, id("first"), id("sokha"), 1, date("2024-01-05"), 1));
    }

    @Test
    void nonMemberBelowTheMinimumIsRefusedAsNonMemberFirst() {
        // both rules of the row refuse; the first in the row's order names the code
        fixture.givenCommands(registerGroup(Scheme.CEDAC), nonMember("dara"))
                .when(contribution("saving", "dara", 1, "2024-01-05"))
                .expectNoEvents()
                .expectException(refusal(RefusalCode.NON_MEMBER_CANNOT_SAVE));
    }

    @Test
    void contributionForUnknownMemberIsRefusedAsMemberNotFound() {
        fixture.givenCommands(registerGroup(Scheme.CEDAC), member("sokha"))
                .when(contribution("saving", "nobody", 1_000, "2024-01-05"))
                .expectNoEvents()
                .expectException(refusal(RefusalCode.MEMBER_NOT_FOUND));
    }
}
