package org.fundbook.group;

import org.fundbook.ledger.GroupAggregate;
import static org.fundbook.group.GroupFixtures.GROUP;
import static org.fundbook.group.GroupFixtures.REGISTERED_ON;
import static org.fundbook.group.GroupFixtures.TODAY;
import static org.fundbook.group.GroupFixtures.VILLAGE;
import static org.fundbook.group.GroupFixtures.capital;
import static org.fundbook.group.GroupFixtures.cedacDefaults;
import static org.fundbook.group.GroupFixtures.contribution;
import static org.fundbook.group.GroupFixtures.date;
import static org.fundbook.group.GroupFixtures.id;
import static org.fundbook.group.GroupFixtures.member;
import static org.fundbook.group.GroupFixtures.newFixture;
import static org.fundbook.group.GroupFixtures.nonMember;
import static org.fundbook.group.GroupFixtures.refusal;
import static org.fundbook.group.GroupFixtures.registerGroup;
import static org.fundbook.group.GroupFixtures.withMemberRate;

import java.util.List;
import java.util.Map;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.fundbook.group.GroupCommand.RegisterGroup;
import org.fundbook.group.GroupCommand.RegisterMember;
import org.fundbook.group.GroupEvent.GroupRegistered;
import org.fundbook.group.GroupEvent.MemberRegistered;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Registering a group and its members (spec sections 1, 2, 4 and the value-date rule of 5). */
class RegistrationRulesTest {

    private AggregateTestFixture<GroupAggregate> fixture;

    @BeforeEach
    void setUp() {
        fixture = newFixture();
    }

    // ------------------------------------------------------------------------------------------ group

    @Test
    void fsfGroupRegisteredWithSchemeDefaultsCarriesTheSpecTableDefaultsInItsEvent() {
        // section 4, FSF column, written out here rather than taken from Policy.defaultsFor
        Policy fsfTable = new Policy(200, NonMemberLending.DISABLED, List.of(), InterestMethod.FLAT, 200_000L, 12,
                null, Map.of(Pool.COMMITTEE_OPERATIONS, 5000, Pool.PROVINCIAL_DISTRICT, 2500,
                        Pool.EMERGENCY_FUND, 1500, Pool.FUND_CAPITAL, 1000),
                6, true, PremiumBasis.AVERAGE_BALANCE);

        fixture.givenNoPriorActivity()
                .when(registerGroup(Scheme.FSF))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new GroupRegistered(GROUP, "Prey Kduoch FSF", Scheme.FSF, VILLAGE, REGISTERED_ON,
                        fsfTable));
    }

    @Test
    void cedacGroupRegisteredWithSchemeDefaultsCarriesTheSpecTableDefaultsInItsEvent() {
        // section 4, CEDAC column
        Policy cedacTable = new Policy(200, NonMemberLending.ALLOWED,
                List.of(new NonMemberRateTier(0, 12, 400), new NonMemberRateTier(500_000, 3, 300)),
                InterestMethod.DECLINING, null, 12, 1_000L, Map.of(Pool.PREMIUM, 10_000), 6, true,
                PremiumBasis.AVERAGE_BALANCE);

        fixture.givenNoPriorActivity()
                .when(registerGroup(Scheme.CEDAC))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new GroupRegistered(GROUP, "Prey Kduoch CEDAC", Scheme.CEDAC, VILLAGE, REGISTERED_ON,
                        cedacTable));
    }

    @Test
    void groupRegisteredWithItsOwnPolicyKeepsThatPolicy() {
        Policy ownRules = withMemberRate(cedacDefaults(), 250);

        fixture.givenNoPriorActivity()
                .when(registerGroup(Scheme.CEDAC, ownRules))
                .expectEvents(new GroupRegistered(GROUP, "Prey Kduoch CEDAC", Scheme.CEDAC, VILLAGE, REGISTERED_ON,
                        ownRules));
    }

    @Test
    void groupMayBeRegisteredToday() {
        RegisterGroup today = new RegisterGroup(GROUP, "Thnot", Scheme.FSF, VILLAGE, TODAY, fsfDefaultsPolicy(),
                TODAY);

        fixture.givenNoPriorActivity()
                .when(today)
                .expectEvents(new GroupRegistered(GROUP, "Thnot", Scheme.FSF, VILLAGE, TODAY, fsfDefaultsPolicy()));
    }

    @Test
    void groupRegisteredAfterTodayIsRefusedAsFutureDate() {
        RegisterGroup tomorrow = new RegisterGroup(GROUP, "Thnot", Scheme.FSF, VILLAGE, TODAY.plusDays(1),
                fsfDefaultsPolicy(), TODAY);

        fixture.givenNoPriorActivity()
                .when(tomorrow)
                .expectNoEvents()
                .expectException(refusal(RefusalCode.FUTURE_DATE));
    }

    @Test
    void groupRegistrationDateStartsTheFirstPeriod() {
        fixture.givenCommands(registerGroup(Scheme.FSF))
                .when(capital("before", 1_000, "2023-12-31"))
                .expectNoEvents()
                .expectException(refusal(RefusalCode.PERIOD_CLOSED));
    }

    // ------------------------------------------------------------------------------------------ members

    @Test
    void membersAreNumberedInRegistrationOrder() {
        fixture.givenCommands(registerGroup(Scheme.CEDAC), member("sokha"))
                .when(nonMember("dara"))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new MemberRegistered(GROUP, id("dara"), id("dara"), "dara", Sex.M,
                        Membership.NON_MEMBER, REGISTERED_ON, false, null, null, 2))
                .expectResultMessagePayload(new MemberRegistered(GROUP, id("dara"), id("dara"), "dara", Sex.M,
                        Membership.NON_MEMBER, REGISTERED_ON, false, null, null, 2));
    }

    @Test
    void memberRegistrationKeepsOfficerRoleSubgroupAndPoorestFamily() {
        RegisterMember cashier = new RegisterMember(GROUP, id("tx-srey"), id("srey"), "ស្រី", Sex.F,
                Membership.MEMBER, date("2024-03-05"), true, OfficerRole.CASHIER, "sub-group 2", TODAY);

        fixture.givenCommands(registerGroup(Scheme.CEDAC))
                .when(cashier)
                .expectEvents(new MemberRegistered(GROUP, id("tx-srey"), id("srey"), "ស្រី", Sex.F,
                        Membership.MEMBER, date("2024-03-05"), true, OfficerRole.CASHIER, "sub-group 2", 1));
    }

    @Test
    void memberIdRegisteredTwiceIsAReusedId() {
        RegisterMember sameMemberNewTransaction = new RegisterMember(GROUP, id("second registration"), id("sokha"),
                "Sokha again", Sex.F, Membership.MEMBER, REGISTERED_ON, false, null, null, TODAY);

        fixture.givenCommands(registerGroup(Scheme.CEDAC), member("sokha"))
                .when(sameMemberNewTransaction)
                .expectNoEvents()
                .expectException(TransactionIdReused.class);
    }

    @Test
    void registrationTransactionIdUsedBeforeIsAReusedId() {
        RegisterMember reusedTransaction = new RegisterMember(GROUP, id("contribution"), id("dara"), "dara", Sex.M,
                Membership.MEMBER, REGISTERED_ON, false, null, null, TODAY);

        fixture.givenCommands(registerGroup(Scheme.CEDAC), member("sokha"),
                        contribution("contribution", "sokha", 1_000, "2024-01-05"))
                .when(reusedTransaction)
                .expectNoEvents()
                .expectException(TransactionIdReused.class);
    }

    @Test
    void memberJoiningAfterTodayIsRefusedAsFutureDate() {
        RegisterMember joinsTomorrow = new RegisterMember(GROUP, id("dara"), id("dara"), "dara", Sex.M,
                Membership.MEMBER, TODAY.plusDays(1), false, null, null, TODAY);

        fixture.givenCommands(registerGroup(Scheme.CEDAC))
                .when(joinsTomorrow)
                .expectNoEvents()
                .expectException(refusal(RefusalCode.FUTURE_DATE));
    }

    @Test
    void memberMayJoinToday() {
        RegisterMember joinsToday = new RegisterMember(GROUP, id("dara"), id("dara"), "dara", Sex.M,
                Membership.MEMBER, TODAY, false, null, null, TODAY);

        fixture.givenCommands(registerGroup(Scheme.CEDAC))
                .when(joinsToday)
                .expectEvents(new MemberRegistered(GROUP, id("dara"), id("dara"), "dara", Sex.M, Membership.MEMBER,
                        TODAY, false, null, null, 1));
    }

    private static Policy fsfDefaultsPolicy() {
        return Policy.defaultsFor(Scheme.FSF);
    }
}
