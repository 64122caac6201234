package org.fundbook.group.query;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.fundbook.group.LedgerRefusal;
import org.fundbook.group.Location;
import org.fundbook.group.Membership;
import org.fundbook.group.OfficerRole;
import org.fundbook.group.Policy;
import org.fundbook.group.Pool;
import org.fundbook.group.RefusalCode;
import org.fundbook.group.Scheme;
import org.fundbook.group.Sex;
import org.fundbook.platform.jdbc.BufferedWrites;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Reads of the group's projections: groups, policies, members, savings statements and balances. */
@Component
public class LedgerQueries {

    private final JdbcTemplate jdbc;
    private final BufferedWrites writes;
    private final ProjectionJson json;

    public LedgerQueries(JdbcTemplate jdbc, BufferedWrites writes, ProjectionJson json) {
        this.jdbc = jdbc;
        this.writes = writes;
        this.json = json;
    }

    /** The group's balances; inside a write, read together with the write's projection rows in one round trip. */
    public Balances balances(UUID groupId) {
        return writes.query("SELECT * FROM group_view WHERE group_id = ?", (rs, i) -> balances(rs), groupId)
                .stream().findFirst()
                .orElseThrow(() -> new LedgerRefusal(RefusalCode.GROUP_NOT_FOUND, "no group " + groupId));
    }

    public GroupView group(UUID groupId, LocalDate today) {
        return withPolicies(jdbc.query("SELECT * FROM group_view WHERE group_id = ?", (rs, i) -> groupView(rs),
                groupId), today).stream().findFirst()
                .orElseThrow(() -> new LedgerRefusal(RefusalCode.GROUP_NOT_FOUND, "no group " + groupId));
    }

    public List<GroupView> groups(String province, String district, Scheme scheme, LocalDate today) {
        return withPolicies(jdbc.query("""
                SELECT * FROM group_view
                WHERE (CAST(? AS TEXT) IS NULL OR province = ?) AND (CAST(? AS TEXT) IS NULL OR district = ?)
                  AND (CAST(? AS TEXT) IS NULL OR scheme = ?)
                ORDER BY province, district, commune, village, name, group_id""",
                (rs, i) -> groupView(rs), province, province, district, district,
                scheme == null ? null : scheme.name(), scheme == null ? null : scheme.name()), today);
    }

    /**
     * The policy in force today, read after the groups' rows: a query inside a row mapper would hold one
     * connection while asking the pool for another, and enough concurrent requests doing so empty the pool.
     */
    private List<GroupView> withPolicies(List<GroupView> views, LocalDate today) {
        return views.stream().map(v -> new GroupView(v.groupId(), v.name(), v.scheme(), v.location(), v.registeredOn(),
                policyOn(v.groupId(), today), v.period(), v.closingInProgress(), v.lendingSuspended(), v.memberCount(),
                v.balances())).toList();
    }

    /** The policy in force on a date: the latest version effective on or before it. */
    public Policy policyOn(UUID groupId, LocalDate date) {
        List<String> versions = jdbc.queryForList("""
                SELECT policy FROM policy_version WHERE group_id = ? AND effective_from <= ?
                ORDER BY effective_from DESC, version DESC LIMIT 1""", String.class, groupId, Date.valueOf(date));
        if (versions.isEmpty()) {
            versions = jdbc.queryForList("SELECT policy FROM policy_version WHERE group_id = ? ORDER BY version LIMIT 1",
                    String.class, groupId);
        }
        return json.read(versions.get(0), Policy.class);
    }

    public List<MemberView> members(UUID groupId) {
        requireGroup(groupId);
        return jdbc.query("SELECT * FROM member_view WHERE group_id = ? ORDER BY registration_number",
                (rs, i) -> member(rs), groupId);
    }

    public MemberView member(UUID groupId, UUID memberId) {
        requireGroup(groupId);
        return jdbc.query("SELECT * FROM member_view WHERE group_id = ? AND member_id = ?", (rs, i) -> member(rs),
                        groupId, memberId).stream().findFirst()
                .orElseThrow(() -> new LedgerRefusal(RefusalCode.MEMBER_NOT_FOUND, "no member " + memberId));
    }

    public MemberStatement statement(UUID groupId, UUID memberId, LocalDate from, LocalDate to) {
        MemberView member = member(groupId, memberId);
        List<MemberStatement.Line> lines = new ArrayList<>();
        long opening = 0;
        long running = 0;
        long premiums = 0;
        List<Object[]> movements = jdbc.query("""
                SELECT occurred_on, transaction_id, kind, amount FROM savings_movement
                WHERE group_id = ? AND member_id = ? AND (CAST(? AS DATE) IS NULL OR occurred_on <= ?)
                ORDER BY occurred_on, event_sequence""",
                (rs, i) -> new Object[] {rs.getDate(1).toLocalDate(), rs.getObject(2, UUID.class), rs.getString(3),
                        rs.getLong(4)},
                groupId, memberId, sqlDate(to), sqlDate(to));
        for (Object[] m : movements) {
            LocalDate on = (LocalDate) m[0];
            long amount = (Long) m[3];
            running += amount;
            if (from != null && on.isBefore(from)) {
                opening = running;
                continue;
            }
            lines.add(new MemberStatement.Line(on, (UUID) m[1], (String) m[2], amount, running));
        }
        premiums = jdbc.queryForObject("""
                SELECT coalesce(sum(premium), 0) FROM premium_payment WHERE group_id = ? AND member_id = ?
                  AND (CAST(? AS DATE) IS NULL OR closing_date >= ?) AND (CAST(? AS DATE) IS NULL OR closing_date <= ?)""",
                Long.class, groupId, memberId, sqlDate(from), sqlDate(from), sqlDate(to), sqlDate(to));
        return new MemberStatement(member.memberId(), from, to, opening, lines, running, premiums);
    }

    public static Map<Pool, Long> allPools(Map<Pool, Long> parts) {
        EnumMap<Pool, Long> all = new EnumMap<>(Pool.class);
        for (Pool pool : Pool.values()) {
            all.put(pool, parts.getOrDefault(pool, 0L));
        }
        return all;
    }

    /** Refuses (404) a group that was never registered. */
    public void requireGroup(UUID groupId) {
        if (jdbc.queryForList("SELECT 1 FROM group_view WHERE group_id = ?", Integer.class, groupId).isEmpty()) {
            throw new LedgerRefusal(RefusalCode.GROUP_NOT_FOUND, "no group " + groupId);
        }
    }

    /** The row as it is; the policy is filled in by {@link #withPolicies}. */
    private GroupView groupView(ResultSet rs) throws SQLException {
        UUID groupId = rs.getObject("group_id", UUID.class);
        return new GroupView(groupId, rs.getString("name"), Scheme.valueOf(rs.getString("scheme")),
                new Location(rs.getString("province"), rs.getString("district"), rs.getString("commune"),
                        rs.getString("village")),
                rs.getDate("registered_on").toLocalDate(), null,
                new GroupView.Period(rs.getInt("period_number"), rs.getDate("period_start").toLocalDate()),
                rs.getBoolean("closing_in_progress"), rs.getBoolean("lending_suspended"), rs.getInt("member_count"),
                balances(rs));
    }

    private static Balances balances(ResultSet rs) throws SQLException {
        EnumMap<Pool, Long> pools = new EnumMap<>(Pool.class);
        pools.put(Pool.FUND_CAPITAL, rs.getLong("pool_fund_capital"));
        pools.put(Pool.PREMIUM, rs.getLong("pool_premium"));
        pools.put(Pool.EMERGENCY_FUND, rs.getLong("pool_emergency_fund"));
        pools.put(Pool.COMMITTEE_OPERATIONS, rs.getLong("pool_committee_operations"));
        pools.put(Pool.PROVINCIAL_DISTRICT, rs.getLong("pool_provincial_district"));
        return Balances.of(rs.getLong("cash"), rs.getLong("loan_principal_outstanding"), rs.getLong("member_savings"),
                pools);
    }

    private static MemberView member(ResultSet rs) throws SQLException {
        String role = rs.getString("officer_role");
        return new MemberView(rs.getObject("member_id", UUID.class), rs.getString("name"),
                Sex.valueOf(rs.getString("sex")), Membership.valueOf(rs.getString("membership")),
                rs.getDate("joined_on").toLocalDate(), rs.getBoolean("poorest_family"),
                role == null ? null : OfficerRole.valueOf(role), rs.getString("subgroup"),
                rs.getInt("registration_number"), rs.getLong("savings"), rs.getLong("loan_principal_outstanding"),
                rs.getLong("premiums_received"));
    }

    private static Date sqlDate(LocalDate date) {
        return date == null ? null : Date.valueOf(date);
    }
}
