package org.fundbook.demo;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.fundbook.group.GroupCommand;
import org.fundbook.group.Location;
import org.fundbook.group.Policy;
import org.fundbook.group.Pool;
import org.fundbook.group.Scheme;

/**
 * Everything the demo records, worked out in advance by {@link DemoGenerator}: the groups, each with its ordered
 * writes and the balances those writes must leave. Pure data; the same seed always gives an equal plan.
 */
public record DemoPlan(long seed, List<GroupPlan> groups) {

    public List<GroupPlan> groups(Scheme scheme) {
        return groups.stream().filter(g -> g.scheme() == scheme).toList();
    }

    public int writes() {
        return groups.stream().mapToInt(g -> 1 + g.steps().size()).sum();
    }

    /**
     * One group: its registration request and its writes in recording order.
     *
     * @param expected what the group's books show after the last step
     */
    public record GroupPlan(int index, UUID groupId, String name, Scheme scheme, Location location,
                            LocalDate registeredOn, Policy policy, List<GroupCommand> steps, Expected expected) {
    }

    /**
     * The figures a group's books must show when all its steps are recorded: the balances, and counts a reader
     * can check against the API.
     *
     * @param members     registrations with membership {@code MEMBER}
     * @param women       of those, how many are women
     * @param poorest     of those, how many come from the poorest families
     * @param nonMembers  registrations with membership {@code NON_MEMBER} (borrowers only)
     * @param interest    interest collected over the whole history
     * @param premiums    premiums on savings shared out at closings
     */
    public record Expected(long cash, long loanPrincipalOutstanding, long memberSavings, Map<Pool, Long> pools,
                           int members, int women, int poorest, int nonMembers, int loans, long interest,
                           long premiums, long capital, int grants, long granted, long recovered, long paidOut,
                           int closings) {

        public long poolTotal() {
            return pools.values().stream().mapToLong(Long::longValue).sum();
        }
    }
}
