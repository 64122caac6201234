package org.fundbook.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class PeriodTest {

    @Test
    void aMonthRunsFromItsFirstToItsLastDay() {
        assertThat(Period.parse("2024-02")).contains(new Period("2024-02", LocalDate.of(2024, 2, 1),
                LocalDate.of(2024, 2, 29)));
        assertThat(Period.parse("2023-12").orElseThrow().to()).isEqualTo(LocalDate.of(2023, 12, 31));
    }

    @Test
    void aQuarterIsThreeMonths() {
        assertThat(Period.parse("2024-Q1")).contains(new Period("2024-Q1", LocalDate.of(2024, 1, 1),
                LocalDate.of(2024, 3, 31)));
        assertThat(Period.parse("2024-Q4")).contains(new Period("2024-Q4", LocalDate.of(2024, 10, 1),
                LocalDate.of(2024, 12, 31)));
    }

    @Test
    void anythingElseIsNotAPeriod() {
        for (String text : new String[] {null, "", "2024", "2024-13", "2024-00", "2024-2", "2024-Q0", "2024-Q5",
                "2024-q1", "2024-02-01", "24-02", " 2024-02"}) {
            assertThat(Period.parse(text)).as(text).isEmpty();
        }
    }
}
