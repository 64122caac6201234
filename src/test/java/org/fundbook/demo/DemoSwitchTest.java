package org.fundbook.demo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/** The demo's one switch is off unless asked for, in any of its spellings. */
class DemoSwitchTest {

    @Test
    void off_by_default() {
        assertThat(DemoStartup.enabled(new MockEnvironment())).isFalse();
        assertThat(DemoStartup.enabled(new MockEnvironment().withProperty("FUNDBOOK_DEMO", "false"))).isFalse();
    }

    @Test
    void on_with_the_demo_profile() {
        MockEnvironment environment = new MockEnvironment();
        environment.setActiveProfiles("demo");
        assertThat(DemoStartup.enabled(environment)).isTrue();
    }

    @Test
    void on_with_the_environment_variable_or_the_property() {
        assertThat(DemoStartup.enabled(new MockEnvironment().withProperty("FUNDBOOK_DEMO", "true"))).isTrue();
        assertThat(DemoStartup.enabled(new MockEnvironment().withProperty("fundbook.demo.enabled", "true"))).isTrue();
    }
}
