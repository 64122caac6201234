package org.fundbook.reporting;

import java.sql.Date;
import java.sql.Types;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.fundbook.security.CallerScope;
import org.springframework.jdbc.core.SqlTypeValue;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * The groups a report has rows for, in one statement whatever their number: those of the place asked for,
 * registered by the report's date, in the caller's scope, ordered by province, district, commune, village. The
 * report then reads their figures set-wise, for all of them at once ({@link #ids}).
 */
public final class ReportGroups {

    /** Optional filters; null means any. */
    public record Place(String province, String district, String commune) {
    }

    record Group(UUID groupId, String name, String province, String district, String commune, String village) {
    }

    private ReportGroups() {
    }

    static List<Group> select(NamedParameterJdbcTemplate jdbc, LocalDate registeredBy, Place place,
                              CallerScope scope) {
        MapSqlParameterSource params = new MapSqlParameterSource()
                .addValue("registeredBy", Date.valueOf(registeredBy), Types.DATE)
                .addValue("province", place.province(), Types.VARCHAR)
                .addValue("district", place.district(), Types.VARCHAR)
                .addValue("commune", place.commune(), Types.VARCHAR);
        return jdbc.query("""
                SELECT group_id, name, province, district, commune, village FROM group_view
                WHERE registered_on <= :registeredBy
                  AND (CAST(:province AS TEXT) IS NULL OR province = :province)
                  AND (CAST(:district AS TEXT) IS NULL OR district = :district)
                  AND (CAST(:commune AS TEXT) IS NULL OR commune = :commune)
                ORDER BY province, district, commune, village, group_id""", params,
                (rs, i) -> new Group(rs.getObject("group_id", UUID.class), rs.getString("name"),
                        rs.getString("province"), rs.getString("district"), rs.getString("commune"),
                        rs.getString("village")))
                .stream().filter(g -> scope.includes(g.groupId(), g.province())).toList();
    }

    /**
     * The groups' ids as one {@code uuid[]} parameter, for {@code = ANY (:ids)}. A typed array, not a text literal
     * cast in the statement: PostgreSQL does not fold a cast from text (an I/O conversion) into a constant, so
     * {@code CAST(? AS uuid[])} of a text parses the whole list again for every row it is compared with (a
     * thousand ids against 70,000 rows took a minute).
     */
    static SqlTypeValue ids(List<Group> groups) {
        return uuidArray(groups.stream().map(Group::groupId).toList());
    }

    static SqlTypeValue idsOf(UUID groupId) {
        return uuidArray(List.of(groupId));
    }

    private static SqlTypeValue uuidArray(List<UUID> ids) {
        return (statement, index, sqlType, typeName) ->
                statement.setArray(index, statement.getConnection().createArrayOf("uuid", ids.toArray()));
    }

    /**
     * Each loan not reversed, disbursed by {@code :asOf}, of the groups {@code :ids}, with its principal outstanding
     * on {@code :asOf} (its principal less the principal parts of the repayments not reversed dated by then): the
     * common table expressions {@code paid} and {@code loan}, for a {@code WITH} of the portfolio and metrics.
     * A loan reversed later is left out at every date, as in the loans' own reads.
     */
    static final String LOANS_AS_OF = """
            paid AS (
                SELECT r.group_id, r.loan_id, sum(r.principal_part) AS principal
                FROM loan_repayment r
                WHERE r.group_id = ANY (:ids) AND NOT r.reversed AND r.occurred_on <= CAST(:asOf AS date)
                GROUP BY r.group_id, r.loan_id
            ), loan AS (
                SELECT l.group_id, l.borrower_id, l.matures_on, l.principal - coalesce(p.principal, 0) AS outstanding
                FROM loan_view l LEFT JOIN paid p ON p.group_id = l.group_id AND p.loan_id = l.loan_id
                WHERE l.group_id = ANY (:ids) AND NOT l.reversed
                  AND l.disbursed_on <= CAST(:asOf AS date)
            )""";
}
