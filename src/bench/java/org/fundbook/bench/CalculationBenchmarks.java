package org.fundbook.bench;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.fundbook.group.PremiumShare;
import org.fundbook.closing.Premiums;
import org.fundbook.closing.SavingsMovement;
import org.fundbook.group.InterestMethod;
import org.fundbook.lending.LoanInterest;
import org.fundbook.lending.LoanTerms;
import org.fundbook.lending.RepaymentRecord;
import org.fundbook.money.LargestRemainder;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** The pure calculations on the write and closing paths: how long one costs. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class CalculationBenchmarks {

    private final LinkedHashMap<String, Long> poolShares = new LinkedHashMap<>();
    private LoanTerms declining;
    private List<RepaymentRecord> repayments;
    private List<UUID> members;
    private List<SavingsMovement> movements;

    @Setup
    public void setUp() {
        poolShares.put("EMERGENCY_FUND", 1500L);
        poolShares.put("COMMITTEE_OPERATIONS", 5000L);
        poolShares.put("PROVINCIAL_DISTRICT", 2500L);
        poolShares.put("FUND_CAPITAL", 1000L);
        declining = new LoanTerms(1_000_000, 200, 12, InterestMethod.DECLINING, LocalDate.of(2024, 1, 10));
        repayments = new ArrayList<>();
        for (int month = 1; month <= 11; month++) {
            repayments.add(new RepaymentRecord(LocalDate.of(2024, 1, 10).plusMonths(month), 10_000, 50_000));
        }
        SplittableRandom random = new SplittableRandom(42);
        members = new ArrayList<>();
        movements = new ArrayList<>();
        for (int m = 0; m < 30; m++) {
            UUID member = new UUID(0, m);
            members.add(member);
            for (int k = 0; k < 40; k++) {
                movements.add(new SavingsMovement(member, LocalDate.of(2024, 1, 1).plusDays(random.nextInt(182)),
                        1 + random.nextInt(50_000)));
            }
        }
    }

    @Benchmark
    public Map<String, Long> splitInterestAcrossPools() {
        return LargestRemainder.split(3_010, poolShares);
    }

    @Benchmark
    public long decliningInterestDueAfterElevenRepayments() {
        return LoanInterest.interestDue(declining, LocalDate.of(2025, 1, 12), repayments);
    }

    @Benchmark
    public List<PremiumShare> premiumsOfThirtyMembersOverSixMonths() {
        return Premiums.shareOut(1_000_000, Premiums.Basis.AVERAGE_BALANCE, LocalDate.of(2024, 1, 1),
                LocalDate.of(2024, 7, 1), members, Map.of(), movements);
    }
}
