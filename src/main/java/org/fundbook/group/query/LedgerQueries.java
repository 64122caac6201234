package org.fundbook.group.query;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.fundbook.group.PremiumShare;
import org.fundbook.group.LedgerRefusal;
import org.fundbook.group.Location;
import org.fundbook.group.Membership;
import org.fundbook.group.OfficerRole;
import org.fundbook.group.Policy;
import org.fundbook.group.Pool;
import org.fundbook.group.RefusalCode;
import org.fundbook.group.Scheme;
import org.fundbook.group.Sex;
import org.fundbook.group.InterestMethod;
import org.fundbook.lending.LoanInterest;
import org.fundbook.lending.LoanTerms;
import org.fundbook.lending.RepaymentRecord;
import org.fundbook.platform.jdbc.BufferedWrites;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Reads of the ledger's projections. Figures that depend on a date (interest due, overdue) are computed here. */
@Component
public class LedgerQueries {

    private static final TypeReference<Map<Pool, Long>> ALLOCATION = new TypeReference<>() {
    };
    private static final TypeReference<List<PremiumShare>> PREMIUMS = new TypeReference<>() {
    };

    private final JdbcTemplate jdbc;
    private final BufferedWrites writes;
    private final ObjectMapper json;

    public LedgerQueries(JdbcTemplate jdbc, BufferedWrites writes, ObjectMapper json) {
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
        return read(versions.get(0), Policy.class);
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

    public List<LoanView> loans(UUID groupId, String status, LocalDate asOf) {
        requireGroup(groupId);
        List<LoanView> loans = new ArrayList<>();
        for (UUID loanId : jdbc.queryForList("""
                SELECT loan_id FROM loan_view WHERE group_id = ? AND NOT reversed AND disbursed_on <= ?
                ORDER BY disbursed_on, loan_id""", UUID.class, groupId, Date.valueOf(asOf))) {
            LoanView loan = loan(groupId, loanId, asOf).orElseThrow();
            boolean matches = switch (status == null ? "ALL" : status) {
                case "OUTSTANDING" -> loan.outstandingPrincipal() > 0;
                case "REPAID" -> loan.outstandingPrincipal() == 0;
                case "OVERDUE" -> loan.daysOverdue() > 0;
                default -> true;
            };
            if (matches) {
                loans.add(loan);
            }
        }
        return loans;
    }

    public Optional<LoanView> loan(UUID groupId, UUID loanId, LocalDate asOf) {
        requireGroup(groupId);
        List<LoanTerms> found = jdbc.query("""
                SELECT * FROM loan_view WHERE group_id = ? AND loan_id = ? AND NOT reversed AND disbursed_on <= ?""",
                (rs, i) -> new LoanTerms(rs.getLong("principal"), rs.getInt("monthly_rate_bp"),
                        rs.getInt("term_months"), InterestMethod.valueOf(rs.getString("interest_method")),
                        rs.getDate("disbursed_on").toLocalDate()), groupId, loanId, Date.valueOf(asOf));
        if (found.isEmpty()) {
            return Optional.empty();
        }
        LoanTerms terms = found.get(0);
        Map<String, Object> row = jdbc.queryForMap("SELECT borrower_id, purpose FROM loan_view WHERE group_id = ? "
                + "AND loan_id = ?", groupId, loanId);
        List<LoanView.Repayment> repayments = jdbc.query("""
                SELECT * FROM loan_repayment WHERE group_id = ? AND loan_id = ? AND NOT reversed AND occurred_on <= ?
                ORDER BY occurred_on, event_sequence""",
                (rs, i) -> new LoanView.Repayment(rs.getObject("transaction_id", UUID.class),
                        rs.getDate("occurred_on").toLocalDate(), rs.getLong("amount"), rs.getLong("interest_part"),
                        rs.getLong("principal_part"), allPools(read(rs.getString("allocation"), ALLOCATION)),
                        rs.getLong("outstanding_after")), groupId, loanId, Date.valueOf(asOf));
        List<RepaymentRecord> records = repayments.stream()
                .map(r -> new RepaymentRecord(r.occurredOn(), r.interestPart(), r.principalPart())).toList();
        long interestPaid = records.stream().mapToLong(RepaymentRecord::interestPart).sum();
        long principalPaid = records.stream().mapToLong(RepaymentRecord::principalPart).sum();
        long outstanding = terms.principal() - principalPaid;
        long interestDue = outstanding > 0 ? LoanInterest.interestDue(terms, asOf, records) : 0;
        long daysOverdue = LoanInterest.daysOverdue(terms, outstanding, asOf);
        String status = outstanding == 0 ? "REPAID" : daysOverdue > 0 ? "OVERDUE" : "OUTSTANDING";
        return Optional.of(new LoanView(loanId, (UUID) row.get("borrower_id"), terms.principal(),
                terms.monthlyRateBp(), terms.method(), terms.termMonths(), (String) row.get("purpose"),
                terms.disbursedOn(), terms.maturesOn(), asOf, status, interestPaid, principalPaid, outstanding,
                interestDue, daysOverdue, repayments));
    }

    public ClosingPreviewView closingInProgress(UUID groupId) {
        Balances balances = balances(groupId);
        return jdbc.query("SELECT * FROM closing_preview WHERE group_id = ?", (rs, i) -> new ClosingPreviewView(
                        rs.getInt("period_number"), rs.getDate("period_start").toLocalDate(),
                        rs.getDate("closing_date").toLocalDate(), rs.getLong("distributable"),
                        read(rs.getString("premiums"), PREMIUMS), balances), groupId)
                .stream().findFirst()
                .orElseThrow(() -> new LedgerRefusal(RefusalCode.CLOSING_NOT_FOUND, "no closing is in progress"));
    }

    public ClosingStatementView statement(UUID groupId, int periodNumber) {
        requireGroup(groupId);
        return jdbc.queryForList("SELECT statement FROM closing_statement WHERE group_id = ? AND period_number = ?",
                        String.class, groupId, periodNumber).stream().findFirst()
                .map(text -> read(text, ClosingStatementView.class))
                .orElseThrow(() -> new LedgerRefusal(RefusalCode.CLOSING_NOT_FOUND,
                        "period " + periodNumber + " has no closing statement"));
    }

    public List<ClosingStatementView> statements(UUID groupId) {
        requireGroup(groupId);
        return jdbc.queryForList("SELECT statement FROM closing_statement WHERE group_id = ? ORDER BY period_number",
                String.class, groupId).stream().map(text -> read(text, ClosingStatementView.class)).toList();
    }

    public static Map<Pool, Long> allPools(Map<Pool, Long> parts) {
        EnumMap<Pool, Long> all = new EnumMap<>(Pool.class);
        for (Pool pool : Pool.values()) {
            all.put(pool, parts.getOrDefault(pool, 0L));
        }
        return all;
    }

    private void requireGroup(UUID groupId) {
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

    private <T> T read(String text, Class<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable projection JSON", e);
        }
    }

    private <T> T read(String text, TypeReference<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable projection JSON", e);
        }
    }
}
