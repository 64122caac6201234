package org.fundbook.reporting;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.fundbook.security.CallerScope;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.SqlTypeValue;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The group performance metrics (domain spec section 10) of one group, or of every group of a place in the
 * caller's scope with sums per province, district and commune and in all. Each group's figures come from one
 * statement for all the groups at once (members, the balances and flows by day, loans, meetings, the last cash
 * count); the ratios are divided in {@link Metrics} from exact sums.
 */
@Component
public class MetricsReport {

    /** One group's metrics over {@code from}–{@code asOf}. */
    public record GroupMetrics(UUID groupId, LocalDate from, LocalDate asOf, @JsonUnwrapped Metrics metrics) {
    }

    public record Row(UUID groupId, String name, String province, String district, String commune, String village,
                      LocalDate from, @JsonUnwrapped Metrics metrics) {
    }

    public enum Level {
        PROVINCE, DISTRICT, COMMUNE
    }

    /** A sum over the groups of one province, district or commune; the finer names are null at coarser levels. */
    public record Subtotal(Level level, String province, String district, String commune, long groups,
                           @JsonUnwrapped Metrics metrics) {
    }

    /** @param from the window's start asked for; null when each group's window starts with its open period */
    public record Report(LocalDate from, LocalDate asOf, List<Row> rows, List<Subtotal> subtotals, Metrics totals) {
    }

    private record Figures(LocalDate from, Metrics.Sums sums) {
    }

    private final NamedParameterJdbcTemplate jdbc;

    public MetricsReport(JdbcTemplate jdbc) {
        this.jdbc = new NamedParameterJdbcTemplate(jdbc);
    }

    /** The metrics of a group that exists; {@code from} null for the start of the period open on {@code asOf}. */
    public GroupMetrics group(UUID groupId, LocalDate from, LocalDate asOf) {
        Figures figures = figures(ReportGroups.idsOf(groupId), from, asOf).get(groupId);
        if (figures == null) {
            throw new IllegalStateException("no group " + groupId);
        }
        return new GroupMetrics(groupId, figures.from(), asOf, Metrics.of(figures.sums()));
    }

    public Report report(LocalDate from, LocalDate asOf, ReportGroups.Place place, CallerScope scope) {
        List<ReportGroups.Group> groups = ReportGroups.select(jdbc, asOf, place, scope);
        Map<UUID, Figures> figures = groups.isEmpty() ? Map.of() : figures(ReportGroups.ids(groups), from, asOf);
        List<Row> rows = new ArrayList<>();
        Map<List<String>, Metrics.Sums> byProvince = new LinkedHashMap<>();
        Map<List<String>, Metrics.Sums> byDistrict = new LinkedHashMap<>();
        Map<List<String>, Metrics.Sums> byCommune = new LinkedHashMap<>();
        Map<List<String>, Long> counts = new HashMap<>();
        Metrics.Sums totals = Metrics.Sums.ZERO;
        for (ReportGroups.Group group : groups) {
            Figures f = figures.get(group.groupId());
            rows.add(new Row(group.groupId(), group.name(), group.province(), group.district(), group.commune(),
                    group.village(), f.from(), Metrics.of(f.sums())));
            for (Map.Entry<Map<List<String>, Metrics.Sums>, List<String>> level : List.of(
                    Map.entry(byProvince, List.of(group.province())),
                    Map.entry(byDistrict, List.of(group.province(), group.district())),
                    Map.entry(byCommune, List.of(group.province(), group.district(), group.commune())))) {
                level.getKey().merge(level.getValue(), f.sums(), Metrics.Sums::plus);
                counts.merge(level.getValue(), 1L, Long::sum);
            }
            totals = totals.plus(f.sums());
        }
        List<Subtotal> subtotals = new ArrayList<>();
        addSubtotals(subtotals, Level.PROVINCE, byProvince, counts);
        addSubtotals(subtotals, Level.DISTRICT, byDistrict, counts);
        addSubtotals(subtotals, Level.COMMUNE, byCommune, counts);
        return new Report(from, asOf, rows, subtotals, Metrics.of(totals));
    }

    private static void addSubtotals(List<Subtotal> out, Level level, Map<List<String>, Metrics.Sums> sums,
                                     Map<List<String>, Long> counts) {
        sums.forEach((names, s) -> out.add(new Subtotal(level, names.get(0), names.size() > 1 ? names.get(1) : null,
                names.size() > 2 ? names.get(2) : null, counts.get(names), Metrics.of(s))));
    }

    /**
     * Every group's figures in one statement. {@code from_day} is the window's start: the one asked for, else the
     * start of the period open on {@code asOf} (the last closing date by then, or the registration), never after
     * {@code asOf}.
     */
    private Map<UUID, Figures> figures(SqlTypeValue ids, LocalDate from, LocalDate asOf) {
        MapSqlParameterSource params = new MapSqlParameterSource()
                .addValue("ids", ids)
                .addValue("from", from == null ? null : Date.valueOf(from), Types.DATE)
                .addValue("asOf", Date.valueOf(asOf), Types.DATE);
        Map<UUID, Figures> figures = new HashMap<>();
        jdbc.query(SQL, params, rs -> {
            figures.put(rs.getObject("group_id", UUID.class), new Figures(rs.getDate("from_day").toLocalDate(),
                    sums(rs)));
        });
        return figures;
    }

    private static Metrics.Sums sums(ResultSet rs) throws SQLException {
        long members = rs.getLong("members");
        long meetings = rs.getLong("meetings");
        return new Metrics.Sums(members, rs.getLong("women"), rs.getLong("poorest"), rs.getLong("member_savings"),
                rs.getLong("loans"), rs.getLong("loan_principal"), rs.getLong("borrowers"), rs.getLong("at_risk"),
                rs.getLong("cash"), rs.getLong("interest"), rs.getLong("riel_days"), rs.getLong("grants"),
                rs.getLong("recoverable_granted"), rs.getLong("recovered"), meetings, rs.getLong("attendances"),
                Math.multiplyExact(meetings, members), rs.getLong("discrepancy"));
    }

    /*
     * Attendances are counted as the people present at each meeting (its attendance holds no one twice) less those
     * of them who are not members at asOf (non-members, or people who joined later): an array's length is cheap,
     * and the people to take off are few, where matching every attendee against the members would be one join
     * per attendee. The last cash count is found per group through its index (counted_on, event_sequence), not
     * by sorting every count.
     */
    private static final String SQL = """
            WITH g AS (
                SELECT v.group_id, coalesce(CAST(:from AS date), least(CAST(:asOf AS date), greatest(v.registered_on,
                    coalesce((SELECT max(c.closing_date) FROM closing_statement c
                              WHERE c.group_id = v.group_id AND c.closing_date <= CAST(:asOf AS date)),
                             v.registered_on)))) AS from_day
                FROM group_view v WHERE v.group_id = ANY (:ids)
            ), people AS (
                SELECT m.group_id, count(*) AS members, count(*) FILTER (WHERE m.sex = 'F') AS women,
                    count(*) FILTER (WHERE m.poorest_family) AS poorest
                FROM member_view m
                WHERE m.group_id = ANY (:ids) AND m.membership = 'MEMBER'
                  AND m.joined_on <= CAST(:asOf AS date)
                GROUP BY m.group_id
            ), days AS (
                SELECT d.group_id, sum(d.cash) AS cash, sum(d.member_savings) AS member_savings,
                    sum(d.member_savings * (CAST(:asOf AS date) - greatest(d.day, g.from_day) + 1)) AS riel_days,
                    coalesce(sum(d.interest) FILTER (WHERE d.day >= g.from_day), 0) AS interest,
                    coalesce(sum(d.emergency_grants) FILTER (WHERE d.day >= g.from_day), 0) AS grants,
                    sum(d.recoverable_granted) AS recoverable_granted, sum(d.recovered) AS recovered
                FROM metric_day d JOIN g ON g.group_id = d.group_id
                WHERE d.day <= CAST(:asOf AS date)
                GROUP BY d.group_id
            ), """ + ReportGroups.LOANS_AS_OF + """
            , loans AS (
                SELECT group_id, count(*) FILTER (WHERE outstanding > 0) AS loans, sum(outstanding) AS loan_principal,
                    count(DISTINCT borrower_id) FILTER (WHERE outstanding > 0) AS borrowers,
                    coalesce(sum(outstanding) FILTER (WHERE outstanding > 0
                        AND CAST(:asOf AS date) - matures_on > 30), 0) AS at_risk
                FROM loan GROUP BY group_id
            ), meetings AS (
                SELECT mv.group_id, count(*) AS meetings, sum(cardinality(mv.attendance)) AS present
                FROM meeting_view mv JOIN g ON g.group_id = mv.group_id
                WHERE mv.held_on BETWEEN g.from_day AND CAST(:asOf AS date)
                GROUP BY mv.group_id
            ), not_members AS (
                SELECT p.group_id, count(*) AS present
                FROM member_view p
                JOIN g ON g.group_id = p.group_id
                JOIN meeting_view mv ON mv.group_id = p.group_id AND p.member_id = ANY (mv.attendance)
                    AND mv.held_on BETWEEN g.from_day AND CAST(:asOf AS date)
                WHERE p.group_id = ANY (:ids)
                  AND (p.membership <> 'MEMBER' OR p.joined_on > CAST(:asOf AS date))
                GROUP BY p.group_id
            )
            SELECT g.group_id, g.from_day,
                coalesce(people.members, 0) AS members, coalesce(people.women, 0) AS women,
                coalesce(people.poorest, 0) AS poorest,
                coalesce(days.cash, 0) AS cash, coalesce(days.member_savings, 0) AS member_savings,
                coalesce(days.riel_days, 0) AS riel_days, coalesce(days.interest, 0) AS interest,
                coalesce(days.grants, 0) AS grants, coalesce(days.recoverable_granted, 0) AS recoverable_granted,
                coalesce(days.recovered, 0) AS recovered,
                coalesce(loans.loans, 0) AS loans, coalesce(loans.loan_principal, 0) AS loan_principal,
                coalesce(loans.borrowers, 0) AS borrowers, coalesce(loans.at_risk, 0) AS at_risk,
                coalesce(meetings.meetings, 0) AS meetings,
                coalesce(meetings.present, 0) - coalesce(not_members.present, 0) AS attendances,
                coalesce(counted.discrepancy, 0) AS discrepancy
            FROM g
            LEFT JOIN people ON people.group_id = g.group_id
            LEFT JOIN days ON days.group_id = g.group_id
            LEFT JOIN loans ON loans.group_id = g.group_id
            LEFT JOIN meetings ON meetings.group_id = g.group_id
            LEFT JOIN not_members ON not_members.group_id = g.group_id
            LEFT JOIN LATERAL (
                SELECT c.discrepancy FROM cash_count_view c
                WHERE c.group_id = g.group_id AND NOT c.reversed AND c.counted_on <= CAST(:asOf AS date)
                ORDER BY c.counted_on DESC, c.event_sequence DESC LIMIT 1
            ) counted ON true""";
}
