package org.fundbook.reporting;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.fundbook.group.GrantReason;
import org.fundbook.group.Pool;
import org.fundbook.security.CallerScope;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The PDoWA fund allocation report: per village (group), the interest collected in the period and its split by
 * pool, emergency grants by reason, recoveries and pool payouts, by value date; totals, and subtotals per commune,
 * district and province in a field of their own. Every group of the filter and the caller's scope registered by the
 * period's end has a row, zeros included, so a village with nothing to report is seen to have nothing.
 */
@Component
public class AllocationReport {

    /** The figures of a row, a subtotal or the totals. Maps always carry every pool and every reason. */
    public record Figures(long interestCollected, Map<Pool, Long> allocation, Map<GrantReason, Long> emergencyGrants,
                          long grantRecoveries, Map<Pool, Long> payouts) {
    }

    public record Row(String province, String district, String commune, String village, UUID groupId, String name,
                      long interestCollected, Map<Pool, Long> allocation, Map<GrantReason, Long> emergencyGrants,
                      long grantRecoveries, Map<Pool, Long> payouts) {
    }

    public enum Level {
        PROVINCE, DISTRICT, COMMUNE
    }

    /** A sum over the rows of one province, district or commune; the finer names are null at coarser levels. */
    public record Subtotal(Level level, String province, String district, String commune, long interestCollected,
                           Map<Pool, Long> allocation, Map<GrantReason, Long> emergencyGrants, long grantRecoveries,
                           Map<Pool, Long> payouts) {
    }

    public record Report(String period, LocalDate from, LocalDate to, List<Row> rows,
                         List<Subtotal> subtotals, Figures totals) {
    }

    /** Optional filters; null means any. */
    public record Filter(String province, String district, String commune) {
    }

    private final JdbcTemplate jdbc;

    public AllocationReport(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Report report(Period period, Filter filter, CallerScope scope) {
        LinkedHashMap<UUID, Place> places = new LinkedHashMap<>();
        LinkedHashMap<UUID, Sums> sums = new LinkedHashMap<>();
        jdbc.query("""
                SELECT g.group_id, g.name, g.province, g.district, g.commune, g.village, f.measure, f.category,
                    sum(f.amount) AS amount
                FROM group_view g
                LEFT JOIN allocation_fact f ON f.group_id = g.group_id AND f.occurred_on BETWEEN ? AND ?
                WHERE g.registered_on <= ?
                  AND (CAST(? AS TEXT) IS NULL OR g.province = ?)
                  AND (CAST(? AS TEXT) IS NULL OR g.district = ?)
                  AND (CAST(? AS TEXT) IS NULL OR g.commune = ?)
                GROUP BY g.group_id, g.name, g.province, g.district, g.commune, g.village, f.measure, f.category
                ORDER BY g.province, g.district, g.commune, g.village, g.group_id""", rs -> {
            UUID groupId = rs.getObject("group_id", UUID.class);
            String province = rs.getString("province");
            if (!scope.includes(groupId, province)) {
                return;
            }
            if (!places.containsKey(groupId)) {
                places.put(groupId, new Place(province, rs.getString("district"), rs.getString("commune"),
                        rs.getString("village"), rs.getString("name")));
            }
            Sums group = sums.computeIfAbsent(groupId, id -> new Sums());
            String measure = rs.getString("measure");
            if (measure != null) {
                group.add(AllocationFacts.Measure.valueOf(measure), rs.getString("category"), rs.getLong("amount"));
            }
        }, Date.valueOf(period.from()), Date.valueOf(period.to()), Date.valueOf(period.to()),
                filter.province(), filter.province(), filter.district(), filter.district(), filter.commune(),
                filter.commune());

        List<Row> rows = new ArrayList<>();
        Map<String, Sums> byProvince = new LinkedHashMap<>();
        Map<String, Sums> byDistrict = new LinkedHashMap<>();
        Map<String, Sums> byCommune = new LinkedHashMap<>();
        Map<String, Place> subtotalPlaces = new LinkedHashMap<>();
        Sums totals = new Sums();
        places.forEach((groupId, place) -> {
            Sums group = sums.get(groupId);
            rows.add(new Row(place.province(), place.district(), place.commune(), place.village(), groupId,
                    place.name(), group.interest, group.allocation(), group.grants(), group.recoveries,
                    group.payouts()));
            String p = key(place.province());
            String d = key(place.province(), place.district());
            String c = key(place.province(), place.district(), place.commune());
            byProvince.computeIfAbsent(p, k -> new Sums()).add(group);
            byDistrict.computeIfAbsent(d, k -> new Sums()).add(group);
            byCommune.computeIfAbsent(c, k -> new Sums()).add(group);
            subtotalPlaces.putIfAbsent(p, new Place(place.province(), null, null, null, null));
            subtotalPlaces.putIfAbsent(d, new Place(place.province(), place.district(), null, null, null));
            subtotalPlaces.putIfAbsent(c, new Place(place.province(), place.district(), place.commune(), null, null));
            totals.add(group);
        });
        List<Subtotal> subtotals = new ArrayList<>();
        addSubtotals(subtotals, Level.PROVINCE, byProvince, subtotalPlaces);
        addSubtotals(subtotals, Level.DISTRICT, byDistrict, subtotalPlaces);
        addSubtotals(subtotals, Level.COMMUNE, byCommune, subtotalPlaces);
        return new Report(period.label(), period.from(), period.to(), rows, subtotals, totals.figures());
    }

    private static void addSubtotals(List<Subtotal> out, Level level, Map<String, Sums> sums, Map<String, Place> places) {
        sums.forEach((key, s) -> {
            Place place = places.get(key);
            out.add(new Subtotal(level, place.province(), place.district(), place.commune(), s.interest,
                    s.allocation(), s.grants(), s.recoveries, s.payouts()));
        });
    }

    /** Names joined with a separator no name contains, so that two communes of one name in two districts differ. */
    private static String key(String... names) {
        return String.join("\u0000", names);
    }

    private record Place(String province, String district, String commune, String village, String name) {
    }

    /** Running sums in exact riel. */
    private static final class Sums {
        long interest;
        long recoveries;
        final EnumMap<Pool, Long> allocation = zeros(Pool.class);
        final EnumMap<GrantReason, Long> grants = zeros(GrantReason.class);
        final EnumMap<Pool, Long> payouts = zeros(Pool.class);

        void add(AllocationFacts.Measure measure, String category, long amount) {
            switch (measure) {
                case INTEREST -> interest = Math.addExact(interest, amount);
                case ALLOCATION -> allocation.merge(Pool.valueOf(category), amount, Math::addExact);
                case EMERGENCY_GRANT -> grants.merge(GrantReason.valueOf(category), amount, Math::addExact);
                case GRANT_RECOVERY -> recoveries = Math.addExact(recoveries, amount);
                case PAYOUT -> payouts.merge(Pool.valueOf(category), amount, Math::addExact);
            }
        }

        void add(Sums other) {
            interest = Math.addExact(interest, other.interest);
            recoveries = Math.addExact(recoveries, other.recoveries);
            other.allocation.forEach((k, v) -> allocation.merge(k, v, Math::addExact));
            other.grants.forEach((k, v) -> grants.merge(k, v, Math::addExact));
            other.payouts.forEach((k, v) -> payouts.merge(k, v, Math::addExact));
        }

        Map<Pool, Long> allocation() {
            return new EnumMap<>(allocation);
        }

        Map<GrantReason, Long> grants() {
            return new EnumMap<>(grants);
        }

        Map<Pool, Long> payouts() {
            return new EnumMap<>(payouts);
        }

        Figures figures() {
            return new Figures(interest, allocation(), grants(), recoveries, payouts());
        }

        private static <E extends Enum<E>> EnumMap<E, Long> zeros(Class<E> type) {
            EnumMap<E, Long> map = new EnumMap<>(type);
            for (E value : type.getEnumConstants()) {
                map.put(value, 0L);
            }
            return map;
        }
    }
}
