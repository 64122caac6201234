package org.fundbook.security;

import java.util.Set;
import java.util.UUID;

/**
 * What the authenticated caller may see: every group (ADMIN), the groups of some provinces (ACCOUNTANT), or a
 * list of groups (LEADER, CASHIER). Lists and reports filter their rows through {@link #includes}.
 */
public record CallerScope(boolean everything, Set<UUID> groups, Set<String> provinces) {

    public static final CallerScope ALL = new CallerScope(true, Set.of(), Set.of());

    public CallerScope {
        groups = Set.copyOf(groups);
        provinces = Set.copyOf(provinces);
    }

    public boolean includes(UUID groupId, String province) {
        return everything || groups.contains(groupId) || (province != null && provinces.contains(province));
    }
}
