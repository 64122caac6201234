package org.fundbook.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.fundbook.closing.query.ClosingQueries;
import org.fundbook.demo.DemoPlan.Expected;
import org.fundbook.demo.DemoPlan.GroupPlan;
import org.fundbook.group.GroupCommand;
import org.fundbook.group.GroupEvent;
import org.fundbook.group.Location;
import org.fundbook.group.web.GroupWrites;
import org.fundbook.group.web.Requests;
import org.fundbook.group.web.Write;
import org.fundbook.grants.web.GrantWrites;
import org.fundbook.lending.web.LendingWrites;
import org.fundbook.savings.web.SavingsWrites;
import org.fundbook.group.Pool;
import org.fundbook.group.Scheme;
import org.fundbook.group.query.Balances;
import org.fundbook.group.query.GroupView;
import org.fundbook.group.query.LedgerQueries;
import org.fundbook.platform.LedgerWriter;
import org.fundbook.platform.web.CorrelationIdFilter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Records the demo ({@link DemoGenerator#standard()}) into the ledger, each write exactly as the HTTP API records
 * it: through {@link LedgerWriter} (the group's row locked, the transaction id the idempotency key, the command's
 * events, projections, hash chain and stored answer in one database transaction), with the same command and the
 * same answer the controller would build. Nothing is written to a table directly except the demo's own marker.
 *
 * <p>Runs at most once per database: the {@code demo_run} row marks a finished seeding, and a second run is
 * skipped. An interrupted run is simply run again: every id comes from the seed, so the writes already recorded
 * are answered from the idempotency store and only the missing ones are recorded.
 */
@Component
public class DemoSeeder {

    /** The marker's key: which demo, from which seed. */
    public static final String DEMO_KEY = "evaluation-2009/" + DemoGenerator.SEED;
    static final String RUNNING = "RUNNING";
    static final String DONE = "DONE";

    private static final Logger log = LoggerFactory.getLogger(DemoSeeder.class);

    private final LedgerWriter writer;
    private final LedgerQueries queries;
    private final ClosingQueries closings;
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final int threads;

    /** @param threads how many groups are recorded side by side (each group's writes stay in order) */
    public DemoSeeder(LedgerWriter writer, LedgerQueries queries, ClosingQueries closings, JdbcTemplate jdbc,
                      Clock clock, @Value("${fundbook.demo.threads:4}") int threads) {
        this.writer = writer;
        this.queries = queries;
        this.closings = closings;
        this.jdbc = jdbc;
        this.clock = clock;
        this.threads = Math.max(1, threads);
    }

    /**
     * What a call did.
     *
     * @param seeded   false when nothing was attempted (see {@code reason})
     * @param recorded writes recorded by this call
     * @param replayed writes that were already in the ledger and were answered from the idempotency store
     */
    public record Outcome(boolean seeded, String reason, int groups, int recorded, int replayed, Duration took) {
    }

    /** The ids of the demo's groups, in plan order. */
    public static List<UUID> groupIds() {
        return java.util.stream.IntStream.range(0, DemoGenerator.FSF_GROUPS + DemoGenerator.CEDAC_GROUPS)
                .mapToObj(i -> GroupBook.groupId(DemoGenerator.SEED, i)).toList();
    }

    /**
     * Seeds the demo unless this database already has it.
     *
     * @param onlyIntoFreshLedger when true (the start-up switch), a database that already holds groups other than
     *                            the demo's is left alone: demo figures must never mix into a real ledger's reports
     */
    public Outcome seed(boolean onlyIntoFreshLedger) {
        long started = System.nanoTime();
        List<String> status = jdbc.queryForList("SELECT status FROM demo_run WHERE demo_key = ?", String.class,
                DEMO_KEY);
        if (!status.isEmpty() && DONE.equals(status.get(0))) {
            log.info("Demo data {} is already in this database: skipped", DEMO_KEY);
            return new Outcome(false, "already seeded", 0, 0, 0, Duration.ZERO);
        }
        if (status.isEmpty()) {
            if (onlyIntoFreshLedger) {
                List<UUID> demo = groupIds();
                long others = jdbc.queryForList("SELECT group_id FROM group_view", UUID.class).stream()
                        .filter(id -> !demo.contains(id)).count();
                if (others > 0) {
                    log.warn("Demo data not seeded: this database already holds {} group(s) of its own, and demo "
                            + "figures must not mix into a real ledger. Start the demo on an empty database.", others);
                    return new Outcome(false, "ledger not empty", 0, 0, 0, Duration.ZERO);
                }
            }
            jdbc.update("INSERT INTO demo_run (demo_key, seed, status) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
                    DEMO_KEY, DemoGenerator.SEED, RUNNING);
        } else {
            log.info("Demo data {} was started before and not finished: completing it", DEMO_KEY);
        }
        log.info("Seeding the demo ledger {} ...", DEMO_KEY);
        DemoPlan plan = DemoGenerator.standard();
        int[] counts = record(plan);
        verify(plan);
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        jdbc.update("UPDATE demo_run SET status = ?, finished_at = now(), writes_recorded = writes_recorded + ?, "
                + "writes_replayed = writes_replayed + ? WHERE demo_key = ?", DONE, counts[0], counts[1], DEMO_KEY);
        logSummary(plan, counts, took);
        return new Outcome(true, "seeded", plan.groups().size(), counts[0], counts[1], took);
    }

    /**
     * Sends every write of the plan. Each group's writes go in order on one thread; groups are independent streams
     * and are recorded side by side on a few threads. Writes already recorded are answered from the idempotency
     * store and record nothing.
     *
     * @return {recorded, replayed}
     */
    int[] record(DemoPlan plan) {
        List<GroupPlan> largestFirst = new ArrayList<>(plan.groups());
        largestFirst.sort(Comparator.comparingInt((GroupPlan g) -> g.steps().size()).reversed());
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, largestFirst.size()), new ThreadFactory() {
            private final AtomicInteger number = new AtomicInteger();

            @Override
            public Thread newThread(Runnable task) {
                return new Thread(task, "fundbook-demo-" + number.incrementAndGet());
            }
        });
        try {
            List<Future<int[]>> results = new ArrayList<>();
            for (GroupPlan group : largestFirst) {
                results.add(pool.submit(() -> record(plan.seed(), group)));
            }
            int[] counts = new int[2];
            for (Future<int[]> result : results) {
                int[] groupCounts = result.get();
                counts[0] += groupCounts[0];
                counts[1] += groupCounts[1];
            }
            return counts;
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause
                    : new IllegalStateException("the demo could not be recorded", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while recording the demo", e);
        } finally {
            pool.shutdownNow();
        }
    }

    /** One group's writes in order, all with the group's demo correlation id. */
    private int[] record(long seed, GroupPlan group) {
        int[] counts = new int[2];
        MDC.put(CorrelationIdFilter.MDC_KEY, "fundbook-demo-" + seed + "-" + group.index());
        try {
            count(counts, registerGroup(group));
            for (GroupCommand step : group.steps()) {
                count(counts, write(group.groupId(), step));
            }
        } finally {
            MDC.remove(CorrelationIdFilter.MDC_KEY);
        }
        return counts;
    }

    private static void count(int[] counts, ResponseEntity<String> answer) {
        counts["true".equals(answer.getHeaders().getFirst(LedgerWriter.REPLAYED_HEADER)) ? 1 : 0]++;
    }

    /** Every group's books must show what the plan worked out; anything else is a bug, not a rounding note. */
    void verify(DemoPlan plan) {
        for (GroupPlan group : plan.groups()) {
            Expected expected = group.expected();
            GroupView view = queries.group(group.groupId(), LocalDate.now(clock));
            Balances b = view.balances();
            boolean poolsAgree = true;
            for (Pool pool : Pool.values()) {
                poolsAgree &= b.pools().get(pool) == expected.pools().getOrDefault(pool, 0L).longValue();
            }
            if (b.cash() != expected.cash() || b.loanPrincipalOutstanding() != expected.loanPrincipalOutstanding()
                    || b.memberSavings() != expected.memberSavings() || !poolsAgree
                    || view.memberCount() != expected.members() + expected.nonMembers()) {
                throw new IllegalStateException("demo group " + group.index() + " (" + group.groupId()
                        + ") shows " + b + " and " + view.memberCount() + " members; the plan expected " + expected);
            }
        }
    }

    private void logSummary(DemoPlan plan, int[] counts, Duration took) {
        List<GroupPlan> fsf = plan.groups(Scheme.FSF);
        List<GroupPlan> cedac = plan.groups(Scheme.CEDAC);
        log.info("Demo ledger seeded in {} s: {} writes recorded, {} already present. {} FSF village funds "
                        + "({} families, capital {} riel, {} loans, interest {} riel, {} Emergency Fund grants); {} CEDAC "
                        + "savings groups ({} members of whom {} women and {} from the poorest families, {} "
                        + "non-member borrowers, savings {} riel, {} loans, interest {} riel, premiums {} riel)",
                String.format("%.1f", took.toMillis() / 1000.0), counts[0], counts[1], fsf.size(),
                sum(fsf, Expected::members), sumLong(fsf, Expected::capital), sum(fsf, Expected::loans),
                sumLong(fsf, Expected::interest), sum(fsf, Expected::grants), cedac.size(),
                sum(cedac, Expected::members), sum(cedac, Expected::women), sum(cedac, Expected::poorest),
                sum(cedac, Expected::nonMembers), sumLong(cedac, Expected::memberSavings), sum(cedac, Expected::loans),
                sumLong(cedac, Expected::interest), sumLong(cedac, Expected::premiums));
    }

    private static int sum(List<GroupPlan> groups, java.util.function.ToIntFunction<Expected> figure) {
        return groups.stream().mapToInt(g -> figure.applyAsInt(g.expected())).sum();
    }

    private static long sumLong(List<GroupPlan> groups, java.util.function.ToLongFunction<Expected> figure) {
        return groups.stream().mapToLong(g -> figure.applyAsLong(g.expected())).sum();
    }

    // ------------------------------------------------------------------------------------- one write each

    private ResponseEntity<String> registerGroup(GroupPlan group) {
        Location l = group.location();
        LocalDate today = LocalDate.now(clock);
        DemoRequests.RegisterGroup request = new DemoRequests.RegisterGroup(group.groupId(), group.name(),
                group.scheme(), new DemoRequests.LocationInput(l.province(), l.district(), l.commune(), l.village()),
                group.registeredOn(), group.policy());
        GroupCommand command = new GroupCommand.RegisterGroup(group.groupId(), group.name(), group.scheme(),
                group.location(), group.registeredOn(), group.policy(), today);
        return send(group.groupId(), group.groupId(), "/api/v1/groups", request, true, command,
                result -> queries.group(group.groupId(), today));
    }

    /**
     * One step as its HTTP request: the path and body (the idempotency fingerprint) and the answer of its endpoint's
     * {@link Write}, sending the command the plan judged.
     */
    private ResponseEntity<String> write(UUID groupId, GroupCommand command) {
        String base = "/api/v1/groups/" + groupId;
        if (command instanceof GroupCommand.StartClosing c) {
            return send(groupId, c.transactionId(), base + "/closings",
                    new DemoRequests.StartClosing(c.transactionId(), c.closingDate()), false, command,
                    result -> closings.closingInProgress(groupId));
        }
        if (command instanceof GroupCommand.ConfirmClosing c) {
            return send(groupId, c.transactionId(), base + "/closings/current/confirm",
                    new DemoRequests.ConfirmClosing(c.transactionId(), c.countedCash(), c.payoutMode()), false,
                    command, (GroupEvent.BooksClosed closed) -> closings.statement(groupId, closed.periodNumber()));
        }
        if (command instanceof GroupCommand.RegisterMember c) {
            return send(groupId, GroupWrites.MEMBER, null, new Requests.RegisterMember(c.transactionId(),
                    c.memberId(), c.name(), c.sex(), c.membership(), c.joinedOn(), c.poorestFamily(),
                    c.officerRole(), c.subgroup()), command);
        }
        if (command instanceof GroupCommand.ReceiveCapital c) {
            return send(groupId, GroupWrites.CAPITAL, null,
                    new Requests.Capital(c.transactionId(), c.source(), c.amount(), c.occurredOn()), command);
        }
        if (command instanceof GroupCommand.RecordContribution c) {
            return send(groupId, SavingsWrites.CONTRIBUTION, null, new SavingsWrites.MemberMovement(
                    c.transactionId(), c.memberId(), c.amount(), c.occurredOn()), command);
        }
        if (command instanceof GroupCommand.RecordWithdrawal c) {
            return send(groupId, SavingsWrites.WITHDRAWAL, null, new SavingsWrites.MemberMovement(
                    c.transactionId(), c.memberId(), c.amount(), c.occurredOn()), command);
        }
        if (command instanceof GroupCommand.DisburseLoan c) {
            return send(groupId, LendingWrites.LOAN, null, new LendingWrites.Loan(c.transactionId(), c.borrowerId(),
                    c.principal(), c.termMonths(), c.purpose(), c.occurredOn()), command);
        }
        if (command instanceof GroupCommand.RecordRepayment c) {
            return send(groupId, LendingWrites.REPAYMENT, c.loanId(),
                    new Requests.Payment(c.transactionId(), c.amount(), c.occurredOn()), command);
        }
        if (command instanceof GroupCommand.MakeEmergencyGrant c) {
            return send(groupId, GrantWrites.EMERGENCY_GRANT, null, new GrantWrites.Grant(c.transactionId(),
                    c.recipientId(), c.recipientName(), c.amount(), c.reason(), c.recoverable(), c.occurredOn()),
                    command);
        }
        if (command instanceof GroupCommand.RecordGrantRecovery c) {
            return send(groupId, GrantWrites.GRANT_RECOVERY, c.grantId(),
                    new Requests.Payment(c.transactionId(), c.amount(), c.occurredOn()), command);
        }
        if (command instanceof GroupCommand.PayOutPool c) {
            return send(groupId, GrantWrites.PAYOUT, null,
                    new GrantWrites.Payout(c.transactionId(), c.pool(), c.amount(), c.payee(), c.occurredOn()), command);
        }
        if (command instanceof GroupCommand.CountCash c) {
            return send(groupId, GroupWrites.CASH_COUNT, null,
                    new Requests.CashCount(c.transactionId(), c.countedCash(), c.occurredOn()), command);
        }
        throw new IllegalStateException("the demo records no " + command.getClass().getSimpleName());
    }

    /** A write as its endpoint records and answers it ({@link Write}), sending the command the plan judged. */
    private <R extends Write.Request> ResponseEntity<String> send(UUID groupId, Write<R> write, UUID pathId,
                                                                  R request, GroupCommand command) {
        return send(groupId, request.transactionId(), write.path(groupId, pathId), request, false, command,
                (GroupEvent event) -> write.answer().of(event, queries.balances(groupId)));
    }

    /** {@link LedgerWriter#write}: the API's own way of recording one write. */
    private <R> ResponseEntity<String> send(UUID groupId, UUID transactionId, String path, Object request,
                                            boolean newGroup, GroupCommand command, LedgerWriter.Answer<R> answer) {
        return writer.write(groupId, transactionId, path, request, newGroup, command, answer);
    }
}
