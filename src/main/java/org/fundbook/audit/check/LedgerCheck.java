package org.fundbook.audit.check;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.fundbook.audit.journal.Account;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Compares each group's journal balances (kept by {@link JournalBalancesProjection} from the events) with the
 * group's own state in {@code group_view}, for every group where both have reached the same event. The number of
 * groups that disagree is the gauge {@code fundbook.ledger.mismatch} and makes the {@code ledger} health DOWN:
 * a disagreement is an alarm, never a log line. Runs on a fixed delay and whenever health is asked for.
 */
@Component
public class LedgerCheck implements SmartLifecycle {

    public static final String GAUGE = "fundbook.ledger.mismatch";
    private static final Logger log = LoggerFactory.getLogger(LedgerCheck.class);

    /** One figure that differs: what the group's state says and what its journal says. */
    public record Difference(long state, long journal) {
    }

    /**
     * @param differences by balances field ({@code cash}, {@code pools.PREMIUM}, ...; {@code journalTotals} when
     *                    the group's journal itself does not balance: debits, credits)
     * @param problem     why an event could not be posted, if one could not
     */
    public record GroupMismatch(UUID groupId, String name, long lastSequence, Map<String, Difference> differences,
                                String problem) {
    }

    /** @param pending groups whose journal has not yet reached the group's last event, so not compared this time */
    public record Result(Instant checkedAt, int checked, int pending, List<GroupMismatch> mismatches) {
    }

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final Duration interval;
    private final AtomicInteger mismatches = new AtomicInteger();
    private final String comparison;
    private volatile Result last;
    private ScheduledExecutorService schedule;

    public LedgerCheck(JdbcTemplate jdbc, MeterRegistry registry, Clock clock,
                       @Value("${fundbook.ledger-check.interval:PT1M}") Duration interval) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.interval = interval;
        this.comparison = comparisonQuery();
        Gauge.builder(GAUGE, mismatches, AtomicInteger::get)
                .description("Groups whose double-entry journal disagrees with their own balances")
                .register(registry);
    }

    /**
     * Synchronized so that checks finish in the order they read: the gauge always shows the latest reading, even
     * when the schedule and a health request overlap.
     */
    public synchronized Result run() {
        List<GroupMismatch> found = new ArrayList<>();
        int[] counts = new int[2];
        jdbc.query(comparison, rs -> {
            long stateSequence = rs.getLong("state_sequence");
            Long journalSequence = (Long) rs.getObject("journal_sequence");
            String problem = rs.getString("problem");
            boolean caughtUp = journalSequence != null && journalSequence == stateSequence;
            if (!caughtUp && problem == null) {
                counts[1]++;
                return;
            }
            counts[0]++;
            Map<String, Difference> differences = new LinkedHashMap<>();
            for (Account account : Account.values()) {
                long state = rs.getLong("s_" + account.name());
                long journal = rs.getLong("j_" + account.name());
                if (caughtUp && state != journal) {
                    differences.put(field(account), new Difference(state, journal));
                }
            }
            long debits = rs.getLong("total_debit");
            long credits = rs.getLong("total_credit");
            if (debits != credits) {
                differences.put("journalTotals", new Difference(debits, credits));
            }
            if (!differences.isEmpty() || problem != null) {
                found.add(new GroupMismatch(rs.getObject("group_id", UUID.class), rs.getString("name"), stateSequence,
                        differences, problem));
            }
        });
        Result result = new Result(clock.instant(), counts[0], counts[1], List.copyOf(found));
        int before = mismatches.getAndSet(found.size());
        last = result;
        // the gauge and the health indicator are the alarm; the log records when it changed and what it said
        if (!found.isEmpty() && found.size() != before) {
            log.error("Ledger check: {} group(s) disagree with their journal: {}", found.size(), found);
        } else if (found.isEmpty() && before != 0) {
            log.info("Ledger check: every group agrees with its journal again");
        }
        return result;
    }

    /** The latest result, or null before the first check. */
    public Result last() {
        return last;
    }

    private static String field(Account account) {
        return switch (account) {
            case CASH -> "cash";
            case LOANS_RECEIVABLE -> "loanPrincipalOutstanding";
            case MEMBER_SAVINGS -> "memberSavings";
            default -> "pools." + account.pool().name();
        };
    }

    /** Per account, the group's state and the journal's balance on the account's normal side, side by side. */
    private static String comparisonQuery() {
        StringBuilder journal = new StringBuilder();
        StringBuilder columns = new StringBuilder();
        for (Account account : Account.values()) {
            String net = account.normalSide() == Account.Side.DEBIT ? "debit - credit" : "credit - debit";
            journal.append(", coalesce(sum(CASE WHEN account = '").append(account.name()).append("' THEN ")
                    .append(net).append(" END), 0) AS j_").append(account.name());
            columns.append(", g.").append(stateColumn(account)).append(" AS s_").append(account.name())
                    .append(", coalesce(j.j_").append(account.name()).append(", 0) AS j_").append(account.name());
        }
        return "WITH journal AS (SELECT group_id, sum(debit) AS total_debit, sum(credit) AS total_credit" + journal
                + " FROM ledger_check_account GROUP BY group_id)"
                + " SELECT g.group_id, g.name, g.last_sequence AS state_sequence, p.last_sequence AS journal_sequence,"
                + " p.problem, coalesce(j.total_debit, 0) AS total_debit, coalesce(j.total_credit, 0) AS total_credit"
                + columns
                + " FROM group_view g LEFT JOIN ledger_check_position p ON p.group_id = g.group_id"
                + " LEFT JOIN journal j ON j.group_id = g.group_id ORDER BY g.group_id";
    }

    private static String stateColumn(Account account) {
        return switch (account) {
            case CASH -> "cash";
            case LOANS_RECEIVABLE -> "loan_principal_outstanding";
            case MEMBER_SAVINGS -> "member_savings";
            default -> "pool_" + account.pool().name().toLowerCase();
        };
    }

    // ------------------------------------------------------------------------------------------------ schedule

    @Override
    public synchronized void start() {
        schedule = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "ledger-check");
            thread.setDaemon(true);
            return thread;
        });
        long delay = interval.toMillis();
        schedule.scheduleWithFixedDelay(this::runScheduled, Math.min(delay, 10_000), delay, TimeUnit.MILLISECONDS);
    }

    private void runScheduled() {
        try {
            run();
        } catch (RuntimeException e) {
            // the gauge keeps its last reading; the health indicator, which runs the check itself, reports the failure
            log.warn("Ledger check could not run: {}", e.toString());
        }
    }

    @Override
    public synchronized void stop() {
        if (schedule != null) {
            schedule.shutdownNow();
            schedule = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return schedule != null;
    }
}
