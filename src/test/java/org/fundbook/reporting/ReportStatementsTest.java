package org.fundbook.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.fundbook.audit.Village;
import org.fundbook.security.CallerScope;
import org.fundbook.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The reports are computed set-wise in PostgreSQL: the number of SQL statements a report sends is the same for 2
 * groups as for 10. Counted by a data source that counts every statement its connections prepare or create (each
 * report built on a template over it, as Spring builds it over the service's own).
 */
class ReportStatementsTest extends IntegrationTest {

    @Autowired
    DataSource dataSource;

    private final AtomicInteger statements = new AtomicInteger();

    /** Every statement prepared, created or called on a connection of the service's data source. */
    private DataSource counting() {
        return (DataSource) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {DataSource.class},
                (proxy, method, args) -> {
                    Object result = invoke(dataSource, method, args);
                    if (method.getName().equals("getConnection")) {
                        Connection connection = (Connection) result;
                        return Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class},
                                (p, m, a) -> {
                                    if (m.getName().equals("prepareStatement") || m.getName().equals("createStatement")
                                            || m.getName().equals("prepareCall")) {
                                        statements.incrementAndGet();
                                    }
                                    return invoke(connection, m, a);
                                });
                    }
                    return result;
                });
    }

    private static Object invoke(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private record Counts(int portfolio, int allocation, int metrics) {
    }

    private Counts count(JdbcTemplate jdbc, String province, int expectedRows) {
        PortfolioReport portfolio = new PortfolioReport(jdbc);
        AllocationReport allocation = new AllocationReport(jdbc);
        MetricsReport metrics = new MetricsReport(jdbc);
        LocalDate asOf = LocalDate.of(2024, 6, 30);

        statements.set(0);
        assertThat(portfolio.report(asOf, province, CallerScope.ALL).rows()).hasSize(expectedRows);
        int p = statements.getAndSet(0);
        assertThat(allocation.report(Period.parse("2024-Q1").orElseThrow(),
                new AllocationReport.Filter(province, null, null), CallerScope.ALL).rows()).hasSize(expectedRows);
        int a = statements.getAndSet(0);
        assertThat(metrics.report(null, asOf, new ReportGroups.Place(province, null, null), CallerScope.ALL).rows())
                .hasSize(expectedRows);
        int m = statements.getAndSet(0);
        return new Counts(p, a, m);
    }

    /** A group with members, loans (one repaid in part), a grant, a meeting and a cash count. */
    private void busyGroup(String province, int n) {
        Village group = Village.register(api, "FSF", province, "District " + n % 3, "Commune " + n % 5,
                "Village " + n, null);
        String a = group.member("A", "MEMBER");
        String b = group.member("B", "MEMBER");
        group.capital(1_000_000, "2024-01-02");
        group.contribute(a, 50_000, "2024-01-03");
        String loan = group.lend(a, 100_000, 1, "2024-01-10");
        group.lend(b, 50_000, 2, "2024-01-10");
        group.repay(loan, 52_000, "2024-02-10");
        group.grant(300, "MEDICAL", true, "2024-02-15"); // the Emergency Fund's 15% of 2,000
        group.countCash(0, "2024-03-01");
        assertThat(api.post(group.path("/meetings"), java.util.Map.of("meetingId", org.fundbook.support.Api.id(),
                "heldOn", "2024-03-05", "attendance", java.util.List.of(a, b))).status()).isEqualTo(200);
    }

    @Test
    void eachReportSendsAsManyStatementsForTenGroupsAsForTwo() {
        String province = Village.uniqueProvince();
        JdbcTemplate jdbc = new JdbcTemplate(counting());
        busyGroup(province, 0);
        busyGroup(province, 1);
        Counts two = count(jdbc, province, 2);
        for (int n = 2; n < 10; n++) {
            busyGroup(province, n);
        }
        Counts ten = count(jdbc, province, 10);

        assertThat(ten).isEqualTo(two);
        // the groups, then their figures (the allocation report reads both in one)
        assertThat(two).isEqualTo(new Counts(2, 1, 2));
    }
}
