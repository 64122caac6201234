package org.fundbook.demo;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.stereotype.Component;

/**
 * The demo's one switch, off by default: the Spring profile {@code demo}, or {@code FUNDBOOK_DEMO=true} (also
 * spelled {@code fundbook.demo.enabled=true} / {@code FUNDBOOK_DEMO_ENABLED=true}). Once the application is ready,
 * it seeds the demo into a fresh ledger, or logs why it did not.
 */
@Component
class DemoStartup {

    static final String PROFILE = "demo";
    static final String PROPERTY = "fundbook.demo.enabled";
    static final String ENVIRONMENT_VARIABLE = "FUNDBOOK_DEMO";

    private static final Logger log = LoggerFactory.getLogger(DemoStartup.class);

    private final DemoSeeder seeder;
    private final Environment environment;

    DemoStartup(DemoSeeder seeder, Environment environment) {
        this.seeder = seeder;
        this.environment = environment;
    }

    static boolean enabled(Environment environment) {
        return environment.acceptsProfiles(Profiles.of(PROFILE))
                || environment.getProperty(PROPERTY, Boolean.class, false)
                || environment.getProperty(ENVIRONMENT_VARIABLE, Boolean.class, false);
    }

    @EventListener(ApplicationReadyEvent.class)
    void seedWhenSwitchedOn() {
        if (!enabled(environment)) {
            return;
        }
        try {
            seeder.seed(true);
        } catch (RuntimeException e) {
            // The ledger itself is fine: every write that was recorded is whole. Say so, and keep serving.
            log.error("The demo could not be seeded completely; restart to complete it", e);
        }
    }
}
