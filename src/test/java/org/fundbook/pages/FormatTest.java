package org.fundbook.pages;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FormatTest {

    private final Format format = new Format();

    @Test
    void aShareIsAPercentageWithOneDecimalRoundedHalfUp() {
        assertThat(format.share(1, 3)).isEqualTo("33.3%");
        assertThat(format.share(2, 3)).isEqualTo("66.7%");
        assertThat(format.share(16_100_000, 21_150_000)).isEqualTo("76.1%");
        assertThat(format.share(5, 5)).isEqualTo("100.0%");
        assertThat(format.share(0, 0)).isEqualTo("–");
    }
}
