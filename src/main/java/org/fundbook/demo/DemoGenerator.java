package org.fundbook.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Random;
import org.fundbook.demo.DemoNames.Name;
import org.fundbook.demo.DemoNames.PersonNames;
import org.fundbook.demo.GroupBook.Grant;
import org.fundbook.demo.GroupBook.Loan;
import org.fundbook.demo.GroupBook.Member;
import org.fundbook.group.GrantReason;
import org.fundbook.group.Location;
import org.fundbook.group.Membership;
import org.fundbook.group.NonMemberLending;
import org.fundbook.group.OfficerRole;
import org.fundbook.group.PayoutMode;
import org.fundbook.group.Policy;
import org.fundbook.group.Pool;
import org.fundbook.group.PremiumBasis;
import org.fundbook.group.Scheme;
import org.fundbook.group.Sex;
import org.fundbook.group.InterestMethod;
import org.fundbook.group.NonMemberRateTier;
import org.fundbook.money.LargestRemainder;

/**
 * Works out the demo: the funds of the project's final evaluation, 2008-2009 (domain spec section 1), as the
 * writes their cashiers would have sent. Plain and deterministic: one fixed seed, {@link Random}s derived from it
 * per group, no clock, no I/O. Every write is checked against the ledger's rules by {@link GroupBook} as it is
 * planned, so the recorded demo is never refused.
 *
 * <ul>
 *   <li>10 FSF village funds, 5 in Kseth and 5 in Thnot commune (Kompong Ro, Svay Rieng): donor capital of
 *   120,000 riel per family, families in sub-groups of five and a committee of two, loans of 200,000 riel or less
 *   at 2% a month (flat), the 1 / 0.5 / 0.3 / 0.2 split, Emergency Fund grants (medical, fire, death, school fees,
 *   natural disaster, and recoverable start-up grants to rattan weavers, repaid when the mats sold), the committee's
 *   share paid monthly, the provincial and district share remitted and the cash counted every quarter, books
 *   closed every six months.</li>
 *   <li>18 CEDAC savings groups, 6 each in Chantrea (Chantrea, Svay Rieng), Thnot (Kompong Ro, Svay Rieng) and
 *   Prey Tung (Sithor Kandal, Prey Veng) communes: 253 members, 100 of them women and 81 (32%) from the poorest
 *   families, four officers each; 1,000 riel to join, then free saving; member loans at 2% a month, non-member
 *   loans at 3-4%; policies that vary; books closed every six months with premiums reinvested. Each group's
 *   savings at the end of November 2009 are planned to a target of about 725,000 riel, the 18 targets summing to
 *   exactly 13,052,100 riel: the last meeting's contributions make up what the group's own history left short.</li>
 * </ul>
 */
public final class DemoGenerator {

    /** The demo's one seed: the evaluation's date, 30 November 2009. */
    public static final long SEED = 20_091_130L;

    public static final int FSF_GROUPS = 10;
    public static final int CEDAC_GROUPS = 18;
    public static final int CEDAC_MEMBERS = 253;
    public static final int CEDAC_WOMEN = 100;
    public static final int CEDAC_POOREST = 81;
    public static final long CEDAC_SAVINGS_TARGET = 13_052_100L;
    public static final long CAPITAL_PER_FAMILY = 120_000L;
    public static final long FSF_LOAN_LIMIT = 200_000L;

    static final LocalDate LAST_DAY = LocalDate.of(2009, 11, 30);
    static final String PROVINCE_SVAY_RIENG = "Svay Rieng";
    static final String PROVINCE_PREY_VENG = "Prey Veng";

    /**
     * The start-up grant to rattan weavers: $60 (about 246,000 riel at 4,100 riel a dollar), shared by three weavers
     * of three villages, $20 each. One village's Emergency Fund, fed by 0.3% a month, never holds $60 at once.
     */
    static final long WEAVER_GRANT = 82_000L;
    static final int WEAVERS = 3;

    private static final String DONOR = "IOM";
    private static final String COMMITTEE_PAYEE = "គណៈកម្មការមូលនិធិ (FSF committee): operating costs";
    private static final String PROVINCIAL_PAYEE =
            "មន្ទីរកិច្ចការនារីខេត្តស្វាយរៀង (PDoWA Svay Rieng) and Kompong Ro district focal point";
    private static final List<String> PURPOSES = List.of(
            "ចិញ្ចឹមជ្រូក (pig raising)", "ចិញ្ចឹមមាន់ (chicken raising)", "ទិញពូជស្រូវ (rice seed)",
            "លក់ដូរតូចតាច (small trade)", "ដាំបន្លែ (vegetable growing)", "ត្បាញកន្ទេល (mat weaving)",
            "ចិញ្ចឹមគោ (cattle raising)", "ជីកស្រះ (fish pond)", "ទិញជី (fertiliser)");
    private static final List<GrantReason> GRANT_ROTATION = List.of(GrantReason.MEDICAL, GrantReason.FIRE,
            GrantReason.DEATH, GrantReason.SCHOOL_FEES, GrantReason.NATURAL_DISASTER, GrantReason.MEDICAL,
            GrantReason.SCHOOL_FEES);

    private final long seed;

    public DemoGenerator(long seed) {
        this.seed = seed;
    }

    /** The demo every Fundbook shows: {@link #SEED}. */
    public static DemoPlan standard() {
        return new DemoGenerator(SEED).generate();
    }

    public DemoPlan generate() {
        List<DemoPlan.GroupPlan> groups = new ArrayList<>();
        int index = 0;
        List<Integer> rattan = rattanVillages();
        for (int v = 0; v < FSF_GROUPS; v++) {
            boolean kseth = v < 5;
            Name village = kseth ? DemoNames.KSETH_VILLAGES.get(v) : DemoNames.THNOT_FSF_VILLAGES.get(v - 5);
            groups.add(fsf(index++, village, kseth ? "Kseth" : "Thnot", rattan.contains(v)).toPlan());
        }
        CedacLayout layout = cedacLayout();
        for (int g = 0; g < CEDAC_GROUPS; g++) {
            groups.add(cedac(index++, g, layout).toPlan());
        }
        return new DemoPlan(seed, List.copyOf(groups));
    }

    private Random random(int groupIndex) {
        return new Random(seed * 1_000_003L + groupIndex * 7_919L);
    }

    // ------------------------------------------------------------------------------------------------ FSF

    private int families(int groupIndex) {
        return 18 + random(groupIndex).nextInt(15);
    }

    /** The villages whose funds are largest each make a start-up grant to a rattan weaver. */
    private List<Integer> rattanVillages() {
        List<Integer> villages = new ArrayList<>();
        for (int v = 0; v < FSF_GROUPS; v++) {
            villages.add(v);
        }
        villages.sort((a, b) -> families(b) != families(a) ? Integer.compare(families(b), families(a))
                : Integer.compare(a, b));
        return villages.subList(0, WEAVERS);
    }

    private record FsfLoan(Loan loan, int startK, boolean monthlyInterest, int late) {
    }

    private GroupBook fsf(int index, Name village, String commune, boolean rattan) {
        Random rnd = random(index);
        int families = 18 + rnd.nextInt(15);
        LocalDate r = LocalDate.of(2008, 6, 2 + rnd.nextInt(24));
        GroupBook book = new GroupBook(seed, index, DemoNames.fsfGroupName(village), Scheme.FSF,
                new Location(PROVINCE_SVAY_RIENG, "Kompong Ro", commune, village.latin()), r,
                Policy.defaultsFor(Scheme.FSF));
        PersonNames names = new PersonNames(rnd);
        List<Member> family = new ArrayList<>();
        for (int i = 0; i < families; i++) {
            Sex sex = rnd.nextDouble() < 0.6 ? Sex.F : Sex.M;
            family.add(book.register(names.next(sex), sex, Membership.MEMBER, r, rnd.nextDouble() < 0.35,
                    i < 2 ? OfficerRole.COMMITTEE : null, DemoNames.subgroup(i / 5 + 1)));
        }
        book.receiveCapital(DONOR + " village fund: " + CAPITAL_PER_FAMILY + " riel for each of " + families
                + " families", families * CAPITAL_PER_FAMILY, r);

        Member weaver = rattan ? family.get(2 + rnd.nextInt(families - 2)) : null;
        Grant weaverGrant = null;
        int weaverGrantMonth = 0;
        List<FsfLoan> active = new ArrayList<>();
        int grantsMade = 0;
        int last = lastMeeting(r);
        for (int k = 0; k <= last; k++) {
            LocalDate day = r.plusMonths(k);
            if (k > 0 && k % 6 == 0) {
                book.close(day, PayoutMode.CASH);
            }
            // repayments due
            for (FsfLoan planned : new ArrayList<>(active)) {
                int j = k - planned.startK();
                Loan loan = planned.loan();
                if (j == loan.terms().termMonths() + planned.late()) {
                    book.repay(loan, loan.outstanding(), day);
                    active.remove(planned);
                } else if (j >= 1 && planned.monthlyInterest() && book.interestDue(loan, day) > 0) {
                    book.repay(loan, 0, day);
                }
            }
            // a start-up grant to a rattan weaver, repaid in two parts when the mats sell
            if (weaver != null && weaverGrant == null && k >= 6 && k <= last - 2
                    && book.pool(Pool.EMERGENCY_FUND) >= WEAVER_GRANT) {
                weaverGrant = book.grant(weaver, weaver.name + ", rattan weaver: start-up grant", WEAVER_GRANT,
                        GrantReason.OTHER, true, day);
                weaverGrantMonth = k;
            } else if (weaverGrant != null && (k == weaverGrantMonth + 1 || k == weaverGrantMonth + 2)) {
                book.recover(weaverGrant, WEAVER_GRANT / 2, day);
            }
            // emergency grants
            // (a village waiting to make its start-up grant makes no other until then)
            boolean mayGrant = k >= 3 && (weaver == null || weaverGrant != null || k > last - 2);
            if (mayGrant && rnd.nextDouble() < 0.4) {
                GrantReason reason = GRANT_ROTATION.get((index + grantsMade) % GRANT_ROTATION.size());
                long amount = Math.min(grantAmount(reason, rnd), roundDown(book.pool(Pool.EMERGENCY_FUND), 5_000));
                Member recipient = family.get(rnd.nextInt(family.size()));
                if (amount >= 10_000) {
                    book.grant(recipient, null, amount, reason, false, day);
                    grantsMade++;
                }
            }
            // new loans
            int applyPerMille = k == 0 ? 700 : 300;
            for (Member borrower : DemoNames.shuffled(family, rnd)) {
                if (borrower.hasLoan() || rnd.nextInt(1_000) >= applyPerMille) {
                    continue;
                }
                long principal = borrower.poorest ? 50_000 + 10_000L * rnd.nextInt(11)
                        : 100_000 + 10_000L * rnd.nextInt(11);
                principal = Math.min(principal, roundDown(book.lendableCash(), 10_000));
                if (principal < 50_000) {
                    break;
                }
                int term = List.of(3, 4, 6, 6, 6, 8, 10, 12).get(rnd.nextInt(8));
                Loan loan = book.disburse(borrower, principal, term, PURPOSES.get(rnd.nextInt(PURPOSES.size())), day);
                active.add(new FsfLoan(loan, k, rnd.nextDouble() < 0.2, rnd.nextDouble() < 0.08 ? 1 : 0));
            }
            // the committee's share every month; the provincial and district share and a cash count every quarter
            if (book.pool(Pool.COMMITTEE_OPERATIONS) > 0) {
                book.payOut(Pool.COMMITTEE_OPERATIONS, book.pool(Pool.COMMITTEE_OPERATIONS), COMMITTEE_PAYEE, day);
            }
            if (day.getMonthValue() % 3 == 0) {
                if (book.pool(Pool.PROVINCIAL_DISTRICT) > 0) {
                    book.payOut(Pool.PROVINCIAL_DISTRICT, book.pool(Pool.PROVINCIAL_DISTRICT), PROVINCIAL_PAYEE,
                            day);
                }
                book.countCash(day);
            }
        }
        return book;
    }

    private static long grantAmount(GrantReason reason, Random rnd) {
        return switch (reason) {
            case MEDICAL -> 20_000 + 5_000L * rnd.nextInt(9);
            case FIRE -> 40_000 + 5_000L * rnd.nextInt(9);
            case DEATH -> 30_000 + 5_000L * rnd.nextInt(5);
            case SCHOOL_FEES -> 15_000 + 5_000L * rnd.nextInt(4);
            case NATURAL_DISASTER -> 20_000 + 5_000L * rnd.nextInt(5);
            case OTHER -> 20_000;
        };
    }

    // ---------------------------------------------------------------------------------------------- CEDAC

    /** How the 253 members, 100 women and 81 poorest are spread over the 18 groups, and each group's target. */
    private record CedacLayout(int[] sizes, boolean[] women, boolean[] poorest, long[] targets) {
        int offset(int group) {
            int offset = 0;
            for (int g = 0; g < group; g++) {
                offset += sizes[g];
            }
            return offset;
        }
    }

    private CedacLayout cedacLayout() {
        Random rnd = new Random(seed);
        int[] sizes = new int[CEDAC_GROUPS];
        java.util.Arrays.fill(sizes, CEDAC_MEMBERS / CEDAC_GROUPS);
        for (int i = 0; i < CEDAC_MEMBERS % CEDAC_GROUPS; i++) {
            sizes[i]++;
        }
        for (int moves = 0; moves < 60; moves++) {
            int from = rnd.nextInt(CEDAC_GROUPS);
            int to = rnd.nextInt(CEDAC_GROUPS);
            if (from != to && sizes[from] > 10 && sizes[to] < 19) {
                sizes[from]--;
                sizes[to]++;
            }
        }
        boolean[] women = pick(CEDAC_MEMBERS, CEDAC_WOMEN, rnd);
        boolean[] poorest = pick(CEDAC_MEMBERS, CEDAC_POOREST, rnd);
        // each group's share of the total, 850 to 1,150 parts, split in hundreds of riel by the ledger's own rule
        long[] weights = new long[CEDAC_GROUPS];
        for (int g = 0; g < CEDAC_GROUPS; g++) {
            weights[g] = 850 + rnd.nextInt(301);
        }
        long[] targets = LargestRemainder.split(CEDAC_SAVINGS_TARGET / 100, weights);
        for (int g = 0; g < CEDAC_GROUPS; g++) {
            targets[g] *= 100;
        }
        return new CedacLayout(sizes, women, poorest, targets);
    }

    private static boolean[] pick(int n, int count, Random rnd) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            order.add(i);
        }
        Collections.shuffle(order, rnd);
        boolean[] picked = new boolean[n];
        for (int i = 0; i < count; i++) {
            picked[order.get(i)] = true;
        }
        return picked;
    }

    private static Policy cedacPolicy(int g) {
        Policy defaults = Policy.defaultsFor(Scheme.CEDAC);
        List<NonMemberRateTier> tiers = switch (g % 3) {
            case 0 -> defaults.nonMemberRates();
            case 1 -> List.of(new NonMemberRateTier(0, 12, 400), new NonMemberRateTier(200_000, 3, 300));
            default -> List.of(new NonMemberRateTier(0, 6, 400), new NonMemberRateTier(300_000, 4, 300));
        };
        return new Policy(defaults.memberMonthlyRateBp(),
                g % 6 == 5 ? NonMemberLending.DISABLED : NonMemberLending.ALLOWED, tiers,
                g % 7 == 3 ? InterestMethod.FLAT : InterestMethod.DECLINING,
                g % 5 == 2 ? Long.valueOf(150_000L) : null,
                g % 3 == 2 ? 6 : 12, defaults.minInitialContribution(), defaults.interestAllocation(),
                defaults.closingCycleMonths(), g % 2 == 0,
                g % 4 == 1 ? PremiumBasis.BALANCE_AT_CLOSE : PremiumBasis.AVERAGE_BALANCE);
    }

    private record CedacLoan(Loan loan, int startK, boolean installments, int late) {
    }

    /** The share of its target, in percent, a group is planned to reach before its last meeting. */
    private static final long PERCENT_BEFORE_LAST_MEETING = 96;

    /** Finds, by bisection over a saving scale in thousandths, the plan that reaches that share. */
    private GroupBook cedac(int index, int g, CedacLayout layout) {
        long target = layout.targets()[g];
        long lo = 50;
        long hi = 4_000;
        GroupBook best = null;
        long bestMiss = Long.MAX_VALUE;
        while (lo <= hi) {
            long scale = (lo + hi) / 2;
            CedacRun run = cedacRun(index, g, layout, scale);
            // compared as beforeLastMeeting / target against 96 / 100, in whole numbers
            long reached = run.beforeLastMeeting() * 100;
            long wanted = target * PERCENT_BEFORE_LAST_MEETING;
            if (run.book() != null && Math.abs(reached - wanted) < bestMiss) {
                best = run.book();
                bestMiss = Math.abs(reached - wanted);
            }
            if (reached < wanted) {
                lo = scale + 1;
            } else {
                hi = scale - 1;
            }
        }
        if (best == null) {
            throw new IllegalStateException("no plan for CEDAC group " + g + " reaches its target");
        }
        return best;
    }

    /** @param book null when the group's own history already saved more than its target allows */
    private record CedacRun(GroupBook book, long beforeLastMeeting) {
    }

    /** @param scale how much members save, in thousandths of their base amount */
    private CedacRun cedacRun(int index, int g, CedacLayout layout, long scale) {
        Random rnd = random(index);
        Name village;
        Location location;
        if (g < 6) {
            village = DemoNames.CHANTREA_VILLAGES.get(g);
            location = new Location(PROVINCE_SVAY_RIENG, "Chantrea", "Chantrea", village.latin());
        } else if (g < 12) {
            village = DemoNames.THNOT_CEDAC_VILLAGES.get(g - 6);
            location = new Location(PROVINCE_SVAY_RIENG, "Kompong Ro", "Thnot", village.latin());
        } else {
            village = DemoNames.PREY_TUNG_VILLAGES.get(g - 12);
            location = new Location(PROVINCE_PREY_VENG, "Sithor Kandal", "Prey Tung", village.latin());
        }
        Policy policy = cedacPolicy(g);
        LocalDate r = LocalDate.of(2008, 6 + rnd.nextInt(2), 1 + rnd.nextInt(27));
        GroupBook book = new GroupBook(seed, index, DemoNames.cedacGroupName(village), Scheme.CEDAC, location, r,
                policy);
        PersonNames names = new PersonNames(rnd);
        int size = layout.sizes()[g];
        int offset = layout.offset(g);
        int lateJoiners = rnd.nextInt(3);
        int[] joinAt = new int[size];
        long[] base = new long[size];
        int[] diligencePerMille = new int[size];
        for (int i = 0; i < size; i++) {
            joinAt[i] = i >= size - lateJoiners ? 1 + rnd.nextInt(3) : 0;
            boolean poorest = layout.poorest()[offset + i];
            base[i] = poorest ? 1_500 + 500L * rnd.nextInt(5) : 2_500 + 500L * rnd.nextInt(10);
            diligencePerMille[i] = 300 + rnd.nextInt(351);
        }
        int nonMembers = policy.nonMemberLending() == NonMemberLending.ALLOWED ? rnd.nextInt(3) : 0;
        List<String> nonMemberNames = new ArrayList<>();
        List<Sex> nonMemberSexes = new ArrayList<>();
        for (int i = 0; i < nonMembers; i++) {
            Sex sex = rnd.nextBoolean() ? Sex.F : Sex.M;
            nonMemberSexes.add(sex);
            nonMemberNames.add(names.next(sex));
        }
        Member[] members = new Member[size];
        Member[] outsiders = new Member[nonMembers];
        int[] outsiderLoans = new int[nonMembers];
        List<CedacLoan> active = new ArrayList<>();
        OfficerRole[] officers = {OfficerRole.LEADER, OfficerRole.SECRETARY, OfficerRole.CASHIER,
                OfficerRole.ACCOUNTANT};
        long target = layout.targets()[g];
        long beforeLastMeeting = 0;
        int last = lastMeeting(r);
        for (int k = 0; k <= last; k++) {
            LocalDate day = r.plusMonths(k);
            if (k > 0 && k % 6 == 0) {
                book.close(day, PayoutMode.REINVEST);
            }
            for (CedacLoan planned : new ArrayList<>(active)) {
                int j = k - planned.startK();
                Loan loan = planned.loan();
                int term = loan.terms().termMonths();
                if (j == term + planned.late()) {
                    book.repay(loan, loan.outstanding(), day);
                    active.remove(planned);
                } else if (j >= 1 && planned.installments() && j < term) {
                    long installment = roundUp(loan.terms().principal() / term, 1_000);
                    book.repay(loan, Math.min(installment, loan.outstanding() - 1_000), day);
                }
            }
            // savings: 1,000 riel to join, then what each can
            for (int i = 0; i < size; i++) {
                if (joinAt[i] == k) {
                    Sex sex = layout.women()[offset + i] ? Sex.F : Sex.M;
                    members[i] = book.register(names.next(sex), sex, Membership.MEMBER, day,
                            layout.poorest()[offset + i], i < officers.length ? officers[i] : null, null);
                    book.contribute(members[i], 1_000, day);
                } else if (k > joinAt[i] && k < last && rnd.nextInt(1_000) < diligencePerMille[i]) {
                    long amount = base[i] * scale * (500 + rnd.nextInt(1_001)) / 1_000_000; // 0.5 to 1.5 × scale
                    book.contribute(members[i], Math.max(500, (amount + 250) / 500 * 500), day);
                }
            }
            if (k == last) {
                beforeLastMeeting = book.memberSavings();
                long gap = target - beforeLastMeeting;
                if (gap < 500L * size) {
                    return new CedacRun(null, beforeLastMeeting);
                }
                LinkedHashMap<Member, Long> weights = new LinkedHashMap<>();
                for (int i = 0; i < size; i++) {
                    weights.put(members[i], base[i]);
                }
                LinkedHashMap<Member, Long> hundreds = LargestRemainder.split(gap / 100, weights);
                boolean first = true;
                for (var part : hundreds.entrySet()) {
                    long amount = part.getValue() * 100 + (first ? gap % 100 : 0);
                    first = false;
                    if (amount > 0) {
                        book.contribute(part.getKey(), amount, day);
                    }
                }
            }
            // now and then a member takes savings out
            if (k >= 2 && k < last) {
                for (int i = 0; i < size; i++) {
                    Member m = members[i];
                    if (m != null && !m.hasLoan() && m.savings() >= 10_000 && rnd.nextDouble() < 0.006) {
                        long amount = roundDown(m.savings() * (200 + rnd.nextInt(301)) / 1_000, 500);
                        if (amount >= 500 && amount <= book.lendableCash()) {
                            book.withdraw(m, amount, day);
                        }
                    }
                }
            }
            // member loans at 2% a month
            if (k >= 2) {
                for (int i : shuffledIndices(size, rnd)) {
                    Member m = members[i];
                    if (m == null || m.hasLoan() || rnd.nextDouble() >= 0.16) {
                        continue;
                    }
                    long principal = 20_000 + 10_000L * rnd.nextInt(14);
                    if (policy.maxLoanPrincipal() != null) {
                        principal = Math.min(principal, policy.maxLoanPrincipal());
                    }
                    principal = Math.min(principal, roundDown(book.lendableCash(), 10_000));
                    int term = Math.min(List.of(2, 3, 3, 4, 4, 5, 6).get(rnd.nextInt(7)), policy.maxTermMonths());
                    if (principal < 20_000) {
                        break;
                    }
                    Loan loan = book.disburse(m, principal, term, PURPOSES.get(rnd.nextInt(PURPOSES.size())), day);
                    active.add(new CedacLoan(loan, k, rnd.nextDouble() < 0.6, rnd.nextDouble() < 0.1 ? 1 : 0));
                }
            }
            // non-members borrow at 3-4% a month, the lower rate for big loans repaid quickly
            if (k >= 7) {
                for (int i = 0; i < nonMembers; i++) {
                    if (outsiderLoans[i] >= 2 || (outsiders[i] != null && outsiders[i].hasLoan())
                            || rnd.nextDouble() >= 0.15) {
                        continue;
                    }
                    long principal = 100_000 + 10_000L * rnd.nextInt(26);
                    int term = List.of(2, 3, 3, 4).get(rnd.nextInt(4));
                    principal = Math.min(principal, roundDown(book.lendableCash(), 10_000));
                    if (principal < 50_000) {
                        continue;
                    }
                    if (outsiders[i] == null) {
                        if (book.rateFor(Membership.NON_MEMBER, principal, term, day).isEmpty()) {
                            continue;
                        }
                        outsiders[i] = book.register(nonMemberNames.get(i), nonMemberSexes.get(i),
                                Membership.NON_MEMBER, day, false, null, null);
                    }
                    if (book.rateFor(outsiders[i].membership, principal, term, day).isEmpty()) {
                        continue;
                    }
                    Loan loan = book.disburse(outsiders[i], principal, term,
                            PURPOSES.get(rnd.nextInt(PURPOSES.size())), day);
                    outsiderLoans[i]++;
                    active.add(new CedacLoan(loan, k, false, 0));
                }
            }
        }
        return new CedacRun(book, beforeLastMeeting);
    }

    // -------------------------------------------------------------------------------------------- helpers

    /** The last monthly meeting on or before the demo's last day. */
    private static int lastMeeting(LocalDate registeredOn) {
        int k = 0;
        while (!registeredOn.plusMonths(k + 1).isAfter(LAST_DAY)) {
            k++;
        }
        return k;
    }

    private static List<Integer> shuffledIndices(int n, Random rnd) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            order.add(i);
        }
        Collections.shuffle(order, rnd);
        return order;
    }

    private static long roundDown(long amount, long unit) {
        return Math.max(0, amount) / unit * unit;
    }

    private static long roundUp(long amount, long unit) {
        return (amount + unit - 1) / unit * unit;
    }
}
