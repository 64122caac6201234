package org.fundbook.closing;

import org.fundbook.group.PremiumShare;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;

class PremiumsProperties {

    private static final LocalDate START = LocalDate.of(2024, 1, 1);
    private static final LocalDate CLOSE = LocalDate.of(2024, 7, 1);

    @Provide
    Arbitrary<List<long[]>> savings() {
        Arbitrary<long[]> movement = Combinators.combine(Arbitraries.integers().between(0, 4),
                        Arbitraries.integers().between(0, 181), Arbitraries.longs().between(1, 5_000_000))
                .as((member, day, amount) -> new long[] {member, day, amount});
        return movement.list().ofMaxSize(30);
    }

    @Property(tries = 300)
    void premiumsSumToTheDistributableAndAreNeverNegative(
            @ForAll @LongRange(min = 0, max = 1_000_000_000_000L) long distributable,
            @ForAll("savings") List<long[]> raw, @ForAll boolean atClose) {
        List<UUID> members = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            members.add(UUID.randomUUID());
        }
        List<SavingsMovement> movements = raw.stream().map(m -> new SavingsMovement(members.get((int) m[0]),
                START.plusDays(m[1]), m[2])).toList();
        List<PremiumShare> shares = Premiums.shareOut(distributable,
                atClose ? Premiums.Basis.BALANCE_AT_CLOSE : Premiums.Basis.AVERAGE_BALANCE, START, CLOSE, members,
                Map.of(), movements);

        assertThat(shares).allSatisfy(s -> assertThat(s.premium()).isNotNegative());
        long sum = shares.stream().mapToLong(PremiumShare::premium).sum();
        long totalWeight = shares.stream().mapToLong(PremiumShare::weight).sum();
        assertThat(sum).isEqualTo(totalWeight == 0 ? 0 : distributable);
        assertThat(Premiums.shareOut(distributable,
                atClose ? Premiums.Basis.BALANCE_AT_CLOSE : Premiums.Basis.AVERAGE_BALANCE, START, CLOSE, members,
                Map.of(), movements)).isEqualTo(shares);
    }
}
