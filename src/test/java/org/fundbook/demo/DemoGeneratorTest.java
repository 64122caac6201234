package org.fundbook.demo;

import org.fundbook.group.GroupCommand;
import org.fundbook.group.GroupState;
import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.fundbook.demo.DemoPlan.GroupPlan;
import org.fundbook.group.GrantReason;
import org.fundbook.ledger.GroupAggregate;
import org.fundbook.group.Membership;
import org.fundbook.group.NonMemberLending;
import org.fundbook.group.Policy;
import org.fundbook.group.Pool;
import org.fundbook.group.Scheme;
import org.fundbook.group.InterestMethod;
import org.fundbook.lending.NonMemberRates;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The demo as planned, without Spring: what the evaluation describes, deterministic, and accepted by the ledger. */
class DemoGeneratorTest {

    private static final LocalDate FIRST_DAY = LocalDate.of(2008, 6, 1);
    private static DemoPlan plan;

    @BeforeAll
    static void generate() {
        plan = DemoGenerator.standard();
    }

    @Test
    void the_same_seed_gives_the_same_demo_and_another_seed_another() {
        assertThat(DemoGenerator.standard()).isEqualTo(plan);
        DemoPlan other = new DemoGenerator(7).generate();
        assertThat(other.groups().get(0).groupId()).isNotEqualTo(plan.groups().get(0).groupId());
        assertThat(other.groups().stream().filter(g -> g.scheme() == Scheme.CEDAC)
                .mapToLong(g -> g.expected().memberSavings()).sum()).isEqualTo(DemoGenerator.CEDAC_SAVINGS_TARGET);
    }

    @Test
    void group_ids_are_the_published_ones_and_every_id_is_unique() {
        assertThat(plan.groups().stream().map(GroupPlan::groupId).toList()).isEqualTo(DemoSeeder.groupIds());
        Set<UUID> ids = new HashSet<>();
        for (GroupPlan group : plan.groups()) {
            assertThat(ids.add(group.groupId())).isTrue();
            for (GroupCommand step : group.steps()) {
                assertThat(ids.add(transactionId(step))).as("unique id of %s", step).isTrue();
            }
        }
    }

    @Test
    void ten_fsf_village_funds_in_kseth_and_thnot() {
        List<GroupPlan> fsf = plan.groups(Scheme.FSF);
        assertThat(fsf).hasSize(10);
        assertThat(fsf).allSatisfy(g -> {
            assertThat(g.location().province()).isEqualTo("Svay Rieng");
            assertThat(g.location().district()).isEqualTo("Kompong Ro");
            assertThat(g.location().commune()).isIn("Kseth", "Thnot");
            assertThat(g.policy()).isEqualTo(Policy.defaultsFor(Scheme.FSF));
            assertThat(g.expected().capital()).isEqualTo(DemoGenerator.CAPITAL_PER_FAMILY * g.expected().members());
            assertThat(g.expected().memberSavings()).isZero();
            assertThat(g.expected().closings()).isEqualTo(2);
            assertThat(g.expected().interest()).isPositive();
        });
        assertThat(fsf.stream().filter(g -> g.location().commune().equals("Kseth"))).hasSize(5);
        List<GroupCommand.DisburseLoan> loans = steps(fsf, GroupCommand.DisburseLoan.class);
        assertThat(loans).isNotEmpty().allSatisfy(l -> assertThat(l.principal()).isLessThanOrEqualTo(200_000));
        List<GroupCommand.RegisterMember> families = steps(fsf, GroupCommand.RegisterMember.class);
        assertThat(families).allSatisfy(m -> assertThat(m.subgroup()).contains("Sub-group"));
        assertThat(families.stream().filter(m -> m.officerRole() != null)).hasSize(20);
    }

    @Test
    void the_emergency_fund_pays_for_the_evaluations_reasons_and_recovers_the_start_up_grants() {
        List<GroupCommand.MakeEmergencyGrant> grants = steps(plan.groups(Scheme.FSF), GroupCommand.MakeEmergencyGrant.class);
        Set<GrantReason> reasons = new HashSet<>();
        grants.forEach(g -> reasons.add(g.reason()));
        assertThat(reasons).contains(GrantReason.MEDICAL, GrantReason.FIRE, GrantReason.DEATH,
                GrantReason.SCHOOL_FEES, GrantReason.OTHER);
        List<GroupCommand.MakeEmergencyGrant> startUp = grants.stream().filter(GroupCommand.MakeEmergencyGrant::recoverable).toList();
        assertThat(startUp).hasSize(3).allSatisfy(g -> assertThat(g.recipientName()).contains("rattan"));
        long recovered = steps(plan.groups(Scheme.FSF), GroupCommand.RecordGrantRecovery.class).stream()
                .mapToLong(GroupCommand.RecordGrantRecovery::amount).sum();
        assertThat(recovered).isEqualTo(startUp.stream().mapToLong(GroupCommand.MakeEmergencyGrant::amount).sum());
        assertThat(grants.stream().filter(g -> g.occurredOn().getYear() == 2009 && g.occurredOn().getMonthValue() >= 7
                && g.occurredOn().getMonthValue() <= 9)).isNotEmpty();
    }

    @Test
    void the_provincial_and_district_share_is_remitted_every_quarter() {
        for (GroupPlan group : plan.groups(Scheme.FSF)) {
            Set<String> quarters = new HashSet<>();
            for (GroupCommand step : group.steps()) {
                if (step instanceof GroupCommand.PayOutPool p && p.pool() == Pool.PROVINCIAL_DISTRICT) {
                    assertThat(p.occurredOn().getMonthValue() % 3).isZero();
                    quarters.add(p.occurredOn().getYear() + "-Q" + (p.occurredOn().getMonthValue() / 3));
                }
            }
            assertThat(quarters).contains("2008-Q3", "2008-Q4", "2009-Q1", "2009-Q2", "2009-Q3");
        }
    }

    @Test
    void eighteen_cedac_groups_of_253_members_100_women_and_a_third_poorest() {
        List<GroupPlan> cedac = plan.groups(Scheme.CEDAC);
        assertThat(cedac).hasSize(18);
        assertThat(cedac.stream().mapToInt(g -> g.expected().members()).sum()).isEqualTo(253);
        assertThat(cedac.stream().mapToInt(g -> g.expected().women()).sum()).isEqualTo(100);
        assertThat(cedac.stream().mapToInt(g -> g.expected().poorest()).sum()).isEqualTo(81);
        assertThat(cedac.stream().mapToInt(g -> g.expected().nonMembers()).sum()).isPositive();
        Map<String, Integer> byCommune = new HashMap<>();
        cedac.forEach(g -> byCommune.merge(g.location().province() + "/" + g.location().district() + "/"
                + g.location().commune(), 1, Integer::sum));
        assertThat(byCommune).containsOnly(Map.entry("Svay Rieng/Chantrea/Chantrea", 6),
                Map.entry("Svay Rieng/Kompong Ro/Thnot", 6), Map.entry("Prey Veng/Sithor Kandal/Prey Tung", 6));
        for (GroupPlan group : cedac) {
            List<GroupCommand.RegisterMember> members = steps(List.of(group), GroupCommand.RegisterMember.class).stream()
                    .filter(m -> m.membership() == Membership.MEMBER).toList();
            assertThat(members.stream().filter(m -> m.officerRole() != null)).hasSize(4);
            // every member's first contribution is 1,000 riel, on the day of joining
            for (GroupCommand.RegisterMember member : members) {
                GroupCommand.RecordContribution first = group.steps().stream()
                        .filter(s -> s instanceof GroupCommand.RecordContribution c && c.memberId().equals(member.memberId()))
                        .map(GroupCommand.RecordContribution.class::cast).findFirst().orElseThrow();
                assertThat(first.amount()).isEqualTo(1_000);
                assertThat(first.occurredOn()).isEqualTo(member.joinedOn());
            }
            assertThat(group.policy().memberMonthlyRateBp()).isEqualTo(200);
            assertThat(group.expected().closings()).isEqualTo(2);
            assertThat(group.expected().premiums()).isPositive();
        }
        // policies vary from group to group
        assertThat(cedac.stream().map(GroupPlan::policy).distinct().count()).isGreaterThan(5);
        assertThat(cedac.stream().map(g -> g.policy().interestMethod()).distinct())
                .contains(InterestMethod.DECLINING, InterestMethod.FLAT);
    }

    @Test
    void cedac_savings_reach_13_052_100_riel_about_730_000_a_group() {
        List<GroupPlan> cedac = plan.groups(Scheme.CEDAC);
        assertThat(cedac.stream().mapToLong(g -> g.expected().memberSavings()).sum()).isEqualTo(13_052_100L);
        assertThat(cedac).allSatisfy(g -> assertThat(g.expected().memberSavings()).isBetween(600_000L, 860_000L));
    }

    @Test
    void non_members_borrow_at_three_to_four_percent_and_members_at_two() {
        Set<Integer> rates = new HashSet<>();
        for (GroupPlan group : plan.groups(Scheme.CEDAC)) {
            Map<UUID, Membership> membership = new HashMap<>();
            for (GroupCommand step : group.steps()) {
                if (step instanceof GroupCommand.RegisterMember m) {
                    membership.put(m.memberId(), m.membership());
                } else if (step instanceof GroupCommand.DisburseLoan l
                        && membership.get(l.borrowerId()) == Membership.NON_MEMBER) {
                    assertThat(group.policy().nonMemberLending()).isEqualTo(NonMemberLending.ALLOWED);
                    rates.add(NonMemberRates.rateFor(group.policy().nonMemberRates(), l.principal(), l.termMonths())
                            .orElseThrow());
                }
            }
        }
        assertThat(rates).containsExactlyInAnyOrder(300, 400);
    }

    @Test
    void everything_happens_from_june_2008_to_november_2009_in_value_date_order() {
        for (GroupPlan group : plan.groups()) {
            assertThat(group.registeredOn()).isBetween(FIRST_DAY, LocalDate.of(2008, 7, 31));
            LocalDate previous = group.registeredOn();
            for (GroupCommand step : group.steps()) {
                LocalDate date = date(step, previous);
                assertThat(date).isAfterOrEqualTo(previous).isBeforeOrEqualTo(LocalDate.of(2009, 11, 30));
                previous = date;
            }
        }
    }

    @Test
    void names_are_in_khmer_script_and_latin_letters() {
        for (GroupPlan group : plan.groups()) {
            assertThat(group.name()).matches(".*[\\u1780-\\u17FF]+.*\\(.*[A-Za-z]+.*\\)");
            for (GroupCommand.RegisterMember member : steps(List.of(group), GroupCommand.RegisterMember.class)) {
                assertThat(member.name()).matches("[\\u1780-\\u17FF]+ [\\u1780-\\u17FF]+ \\([A-Z][a-z]+( [A-Z][a-z]+)+\\)");
            }
        }
    }

    /**
     * Every write of every group, sent to the real aggregate in order: none is refused, and each group ends with
     * exactly the balances the plan worked out.
     */
    @Test
    void the_ledger_accepts_every_write_and_ends_where_the_plan_says() {
        for (GroupPlan group : plan.groups()) {
            List<Object> commands = new ArrayList<>();
            commands.add(new GroupCommand.RegisterGroup(group.groupId(), group.name(), group.scheme(),
                    group.location(), group.registeredOn(), group.policy(), LocalDate.of(2025, 1, 1)));
            commands.addAll(group.steps());
            AggregateTestFixture<GroupAggregate> fixture = new AggregateTestFixture<>(GroupAggregate.class);
            fixture.givenCommands(commands.subList(0, commands.size() - 1))
                    .when(commands.get(commands.size() - 1))
                    .expectSuccessfulHandlerExecution()
                    .expectState(aggregate -> {
                        GroupState state = state(aggregate);
                        DemoPlan.Expected expected = group.expected();
                        assertThat(state.cash()).as("cash of %s", group.name()).isEqualTo(expected.cash());
                        assertThat(state.loanPrincipalOutstanding()).isEqualTo(expected.loanPrincipalOutstanding());
                        assertThat(state.memberSavings()).isEqualTo(expected.memberSavings());
                        for (Pool pool : Pool.values()) {
                            assertThat(state.pool(pool)).as("%s of %s", pool, group.name())
                                    .isEqualTo(expected.pools().get(pool));
                        }
                        assertThat(state.periodNumber()).isEqualTo(expected.closings() + 1);
                    });
        }
    }

    private static GroupState state(GroupAggregate aggregate) {
        try {
            Field field = GroupAggregate.class.getDeclaredField("state");
            field.setAccessible(true);
            return (GroupState) field.get(aggregate);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    private static UUID transactionId(GroupCommand command) {
        if (command instanceof GroupCommand.Dated dated) {
            return dated.transactionId();
        } else if (command instanceof GroupCommand.RegisterMember c) {
            return c.transactionId();
        } else if (command instanceof GroupCommand.StartClosing c) {
            return c.transactionId();
        } else if (command instanceof GroupCommand.ConfirmClosing c) {
            return c.transactionId();
        }
        throw new AssertionError("the demo plans no " + command);
    }

    /** The value date a step is recorded at; a closing's confirmation takes its start's. */
    private static LocalDate date(GroupCommand command, LocalDate previous) {
        if (command instanceof GroupCommand.Dated dated) {
            return dated.occurredOn();
        } else if (command instanceof GroupCommand.RegisterMember c) {
            return c.joinedOn();
        } else if (command instanceof GroupCommand.StartClosing c) {
            return c.closingDate();
        }
        return previous;
    }

    private static <T extends GroupCommand> List<T> steps(List<GroupPlan> groups, Class<T> type) {
        return groups.stream().flatMap(g -> g.steps().stream()).filter(type::isInstance).map(type::cast).toList();
    }
}
