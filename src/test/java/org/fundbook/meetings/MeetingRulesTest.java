package org.fundbook.meetings;

import static org.fundbook.group.GroupFixtures.GROUP;
import static org.fundbook.group.GroupFixtures.TODAY;
import static org.fundbook.group.GroupFixtures.cashCount;
import static org.fundbook.group.GroupFixtures.contribution;
import static org.fundbook.group.GroupFixtures.date;
import static org.fundbook.group.GroupFixtures.id;
import static org.fundbook.group.GroupFixtures.member;
import static org.fundbook.group.GroupFixtures.newFixture;
import static org.fundbook.group.GroupFixtures.refusal;
import static org.fundbook.group.GroupFixtures.registerGroup;
import static org.fundbook.group.GroupFixtures.withdrawal;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.matchers.Matchers;
import org.fundbook.group.GroupCommand;
import org.fundbook.group.GroupCommand.HoldMeeting;
import org.fundbook.group.GroupEvent.CashCounted;
import org.fundbook.group.GroupEvent.ContributionRecorded;
import org.fundbook.group.GroupEvent.MeetingHeld;
import org.fundbook.group.GroupEvent.MemberRegistered;
import org.fundbook.group.GroupEvent.WithdrawalRecorded;
import org.fundbook.group.LedgerRefusal;
import org.fundbook.group.Membership;
import org.fundbook.group.RefusalCode;
import org.fundbook.group.Scheme;
import org.fundbook.group.Sex;
import org.fundbook.group.TransactionIdReused;
import org.fundbook.ledger.GroupAggregate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Domain spec section 9: a whole meeting, each entry judged as if sent alone. */
class MeetingRulesTest {

    private static final UUID MEETING = id("meeting");
    private static final String HELD_ON = "2024-03-05";

    private AggregateTestFixture<GroupAggregate> fixture;

    @BeforeEach
    void setUp() {
        fixture = newFixture();
    }

    private static HoldMeeting meeting(List<String> present, GroupCommand... entries) {
        return meeting(HELD_ON, present, entries);
    }

    private static HoldMeeting meeting(String heldOn, List<String> present, GroupCommand... entries) {
        return new HoldMeeting(GROUP, MEETING, date(heldOn), present.stream().map(p -> id(p)).toList(),
                Arrays.asList(entries), TODAY);
    }

    private static MeetingHeld held(List<String> present, List<String> recorded) {
        return new MeetingHeld(GROUP, MEETING, date(HELD_ON), present.stream().map(p -> id(p)).toList(),
                recorded.stream().map(t -> id(t)).toList());
    }

    @Test
    void entriesAreJudgedInOrderEachOnTheStateTheEntriesBeforeItLeft() {
        fixture.givenCommands(registerGroup(Scheme.CEDAC))
                .when(meeting(List.of("dara"), member("dara"), contribution("save", "dara", 5_000, HELD_ON),
                        withdrawal("take", "dara", 2_000, HELD_ON)))
                .expectEvents(new MemberRegistered(GROUP, id("dara"), id("dara"), "dara", Sex.F, Membership.MEMBER,
                                date("2024-01-01"), false, null, null, 1),
                        new ContributionRecorded(GROUP, id("save"), id("dara"), 5_000, date(HELD_ON), 5_000),
                        new WithdrawalRecorded(GROUP, id("take"), id("dara"), 2_000, date(HELD_ON), 3_000),
                        held(List.of("dara"), List.of("dara", "save", "take")));
    }

    @Test
    void aRefusedEntryChangesNothingAndTheEntriesAfterItAreStillJudged() {
        fixture.givenCommands(registerGroup(Scheme.CEDAC), member("dara"))
                .when(meeting(List.of(), contribution("ghost", "nobody", 5_000, HELD_ON),
                        contribution("save", "dara", 5_000, HELD_ON)))
                .expectEvents(new ContributionRecorded(GROUP, id("save"), id("dara"), 5_000, date(HELD_ON), 5_000),
                        held(List.of(), List.of("save")))
                .expectResultMessagePayloadMatching(Matchers.predicate(payload -> {
                    List<MeetingRules.Outcome> outcomes = ((MeetingRules.Decision) payload).outcomes();
                    return outcomes.get(0) instanceof MeetingRules.Refused refused
                            && refused.refusal() instanceof LedgerRefusal r && r.code() == RefusalCode.MEMBER_NOT_FOUND
                            && outcomes.get(1) instanceof MeetingRules.Recorded recorded
                            && recorded.balancesAfter().memberSavings() == 5_000;
                }));
    }

    @Test
    void aCashCountIsJudgedLastWhateverItsPlace() {
        fixture.givenCommands(registerGroup(Scheme.CEDAC), member("dara"))
                .when(meeting(List.of(), cashCount("count", 5_000, HELD_ON),
                        contribution("save", "dara", 5_000, HELD_ON)))
                .expectEvents(new ContributionRecorded(GROUP, id("save"), id("dara"), 5_000, date(HELD_ON), 5_000),
                        new CashCounted(GROUP, id("count"), date(HELD_ON), 5_000, 5_000, 0),
                        held(List.of(), List.of("save", "count")))
                .expectResultMessagePayloadMatching(Matchers.predicate(payload -> {
                    List<MeetingRules.Outcome> outcomes = ((MeetingRules.Decision) payload).outcomes();
                    return outcomes.get(0).transactionId().equals(id("count"))
                            && outcomes.get(1).transactionId().equals(id("save"));
                }));
    }

    @Test
    void peoplePresentWhoAreNotMembersAreLeftOutAndListed() {
        fixture.givenCommands(registerGroup(Scheme.CEDAC), member("dara"))
                .when(meeting(List.of("dara", "stranger")))
                .expectEvents(held(List.of("dara"), List.of()))
                .expectResultMessagePayloadMatching(Matchers.predicate(payload ->
                        ((MeetingRules.Decision) payload).ignoredAttendance().equals(List.of(id("stranger")))));
    }

    @Test
    void aResendWithNothingNewRecordsNothing() {
        fixture.givenCommands(registerGroup(Scheme.CEDAC), member("dara"),
                        meeting(List.of("dara"), contribution("save", "dara", 5_000, HELD_ON)))
                .when(meeting(List.of("dara"), contribution("save", "dara", 5_000, HELD_ON)))
                .expectNoEvents();
    }

    @Test
    void aResendWithAForgottenEntryRecordsItAndTheMeetingsAdditionOnly() {
        fixture.givenCommands(registerGroup(Scheme.CEDAC), member("dara"),
                        meeting(List.of("dara"), contribution("save", "dara", 5_000, HELD_ON)))
                .when(meeting(List.of("dara"), contribution("save", "dara", 5_000, HELD_ON),
                        contribution("forgotten", "dara", 1_000, HELD_ON)))
                .expectEvents(new ContributionRecorded(GROUP, id("forgotten"), id("dara"), 1_000, date(HELD_ON),
                                6_000),
                        held(List.of(), List.of("forgotten")));
    }

    @Test
    void attendanceIsTheUnionOfEverySend() {
        fixture.givenCommands(registerGroup(Scheme.CEDAC), member("dara"), member("sokha"),
                        meeting(List.of("dara")))
                .when(meeting(List.of("dara", "sokha")))
                .expectEvents(held(List.of("sokha"), List.of()));
    }

    @Test
    void theSameMeetingIdOnAnotherDayIsRefusedAndRecordsNothing() {
        fixture.givenCommands(registerGroup(Scheme.CEDAC), member("dara"), meeting(List.of("dara")))
                .when(meeting("2024-03-06", List.of("dara"), contribution("save", "dara", 5_000, "2024-03-06")))
                .expectException(TransactionIdReused.class)
                .expectNoEvents();
    }

    @Test
    void aMeetingHeldAfterTodayIsRefused() {
        fixture.givenCommands(registerGroup(Scheme.CEDAC), member("dara"))
                .when(meeting(TODAY.plusDays(1).toString(), List.of("dara")))
                .expectException(refusal(RefusalCode.FUTURE_DATE))
                .expectNoEvents();
    }

    @Test
    void anEntryReusingARecordedIdIsRefusedWithoutRefusingTheMeeting() {
        fixture.givenCommands(registerGroup(Scheme.CEDAC), member("dara"),
                        contribution("save", "dara", 5_000, "2024-02-05"))
                .when(meeting(List.of("dara"), withdrawal("save", "dara", 1_000, HELD_ON)))
                .expectEvents(held(List.of("dara"), List.of()))
                .expectResultMessagePayloadMatching(Matchers.predicate(payload ->
                        ((MeetingRules.Decision) payload).outcomes().get(0) instanceof MeetingRules.Refused r
                                && r.refusal() instanceof TransactionIdReused));
    }
}
