package org.fundbook.demo;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.fundbook.group.Sex;

/**
 * Names for the demo, each in Khmer script with its Latin transliteration, written the way field staff write
 * them: "សុខ សុភា (Sok Sophea)", family name first. Villages of the real communes are invented but plausible.
 */
final class DemoNames {

    /** A name in Khmer script and in Latin letters. */
    record Name(String khmer, String latin) {
        String both() {
            return khmer + " (" + latin + ")";
        }
    }

    static final List<Name> FAMILY = List.of(
            new Name("សុខ", "Sok"), new Name("ចាន់", "Chan"), new Name("កែវ", "Keo"), new Name("ហេង", "Heng"),
            new Name("ម៉ៅ", "Mao"), new Name("ជា", "Chea"), new Name("ប៊ុន", "Bun"), new Name("ឈឹម", "Chhim"),
            new Name("ពៅ", "Pov"), new Name("សៅ", "Sao"), new Name("ទេព", "Tep"), new Name("យឹម", "Yim"),
            new Name("ឡុង", "Long"), new Name("ព្រំ", "Prom"), new Name("នួន", "Nuon"), new Name("មាស", "Meas"),
            new Name("អ៊ុក", "Ouk"), new Name("សឿន", "Soeun"), new Name("ខៀវ", "Khiev"), new Name("ឯក", "Ek"),
            new Name("ម៉ម", "Mom"), new Name("លឹម", "Lim"), new Name("សុន", "Son"), new Name("ពេជ្រ", "Pich"),
            new Name("អ៊ឹម", "Im"), new Name("វង្ស", "Vong"));

    static final List<Name> WOMEN = List.of(
            new Name("សុភា", "Sophea"), new Name("ចន្ធូ", "Chanthou"), new Name("ធីតា", "Thida"),
            new Name("ផល្លា", "Phalla"), new Name("សុភាព", "Sopheap"), new Name("គន្ធា", "Kunthea"),
            new Name("ម៉ាលី", "Maly"), new Name("ស្រីមុំ", "Srey Mom"), new Name("ស្រីពៅ", "Srey Pov"),
            new Name("ស្រីនាង", "Srey Neang"), new Name("ចរិយា", "Chariya"), new Name("ណារី", "Nary"),
            new Name("បុប្ផា", "Bopha"), new Name("រស្មី", "Reaksmey"), new Name("សុគន្ធា", "Sokunthea"),
            new Name("ធារី", "Theary"), new Name("ស៊ីណា", "Sina"), new Name("រ៉ានី", "Rany"),
            new Name("ពិសី", "Pisey"), new Name("លីដា", "Lida"), new Name("សុវណ្ណារី", "Sovannary"));

    static final List<Name> MEN = List.of(
            new Name("ដារ៉ា", "Dara"), new Name("សុផល", "Sophal"), new Name("វាសនា", "Veasna"),
            new Name("សំណាង", "Samnang"), new Name("ពិសិដ្ឋ", "Piseth"), new Name("បូរ៉ា", "Bora"),
            new Name("រិទ្ធី", "Rithy"), new Name("វិចិត្រ", "Vichet"), new Name("សុវណ្ណ", "Sovann"),
            new Name("សម្បត្តិ", "Sambath"), new Name("សុភ័ក្រ", "Sopheak"), new Name("ណារិន", "Narin"),
            new Name("ចាន់ថា", "Chantha"), new Name("វុទ្ធី", "Vuthy"), new Name("ភក្ដី", "Pheakdey"),
            new Name("កុសល", "Kosal"), new Name("ធារ៉ា", "Theara"), new Name("មករា", "Makara"));

    /** FSF villages: five in Kseth commune, five in Thnot commune (Kompong Ro district). */
    static final List<Name> KSETH_VILLAGES = List.of(
            new Name("ព្រៃក្ដួច", "Prey Kduoch"), new Name("ត្រពាំងស្លា", "Trapeang Sla"),
            new Name("ក្សេត្រ", "Kseth"), new Name("ទួលស្នួល", "Tuol Snuol"), new Name("ស្វាយជ្រុំ", "Svay Chrum"));
    static final List<Name> THNOT_FSF_VILLAGES = List.of(
            new Name("ធ្នោត", "Thnot"), new Name("អំពិល", "Ampil"), new Name("ព្រៃកណ្ដាល", "Prey Kandal"),
            new Name("ត្រពាំងរាំង", "Trapeang Reang"), new Name("ស្រះកែវ", "Srah Keo"));

    /** CEDAC villages, one savings group each. */
    static final List<Name> CHANTREA_VILLAGES = List.of(
            new Name("ចន្ទ្រា", "Chantrea"), new Name("ក្រសាំង", "Krasang"), new Name("ទួលពង្រ", "Tuol Pongro"),
            new Name("សំរោង", "Samraong"), new Name("ត្រពាំងថ្ម", "Trapeang Thma"), new Name("គោកព្រីង", "Kok Pring"));
    static final List<Name> THNOT_CEDAC_VILLAGES = List.of(
            new Name("ចំការលើ", "Chamkar Leu"), new Name("ពោធិ៍", "Po"), new Name("ដូនស", "Doun Sa"),
            new Name("ស្វាយព្រៃ", "Svay Prey"), new Name("ត្រពាំងខ្ចៅ", "Trapeang Khchau"),
            new Name("ព្រៃរំដេង", "Prey Rumdeng"));
    static final List<Name> PREY_TUNG_VILLAGES = List.of(
            new Name("ព្រៃទឹង", "Prey Tung"), new Name("ព្រែកតាកូវ", "Prek Ta Kov"),
            new Name("ក្រាំងស្វាយ", "Krang Svay"), new Name("ពោធិ៍រៀង", "Po Rieng"), new Name("អន្លង់", "Anlong"),
            new Name("ស្ពានដែក", "Spean Daek"));

    private static final String[] KHMER_DIGITS = {"០", "១", "២", "៣", "៤", "៥", "៦", "៧", "៨", "៩"};

    private DemoNames() {
    }

    static String khmerNumber(int n) {
        StringBuilder out = new StringBuilder();
        for (char c : Integer.toString(n).toCharArray()) {
            out.append(KHMER_DIGITS[c - '0']);
        }
        return out.toString();
    }

    static String fsfGroupName(Name village) {
        return "មូលនិធិគាំទ្រគ្រួសារ ភូមិ" + village.khmer() + " (Family Support Fund, " + village.latin() + ")";
    }

    static String cedacGroupName(Name village) {
        return "ក្រុមសន្សំប្រាក់ ភូមិ" + village.khmer() + " (Savings group, " + village.latin() + ")";
    }

    static String subgroup(int n) {
        return "ក្រុមតូចទី" + khmerNumber(n) + " (Sub-group " + n + ")";
    }

    /** Hands out person names, never the same one twice within a group. */
    static final class PersonNames {
        private final Random random;
        private final Set<String> used = new HashSet<>();

        PersonNames(Random random) {
            this.random = random;
        }

        String next(Sex sex) {
            List<Name> given = sex == Sex.F ? WOMEN : MEN;
            for (int attempt = 0; ; attempt++) {
                Name family = FAMILY.get(random.nextInt(FAMILY.size()));
                Name first = given.get(random.nextInt(given.size()));
                String name = family.khmer() + " " + first.khmer() + " (" + family.latin() + " " + first.latin() + ")";
                if (used.add(name) || attempt > 1000) {
                    return name;
                }
            }
        }
    }

    static <T> List<T> shuffled(List<T> items, Random random) {
        List<T> copy = new ArrayList<>(items);
        java.util.Collections.shuffle(copy, random);
        return copy;
    }
}
