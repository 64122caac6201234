package org.fundbook.support;

import org.fundbook.demo.DemoSeeder;

/**
 * The demo ledger (docs/demo.md) recorded once into the shared test database, whichever test needs it first; every
 * later caller gets the outcome of that first run, so the seeding test still sees its own first run.
 */
public final class Demo {

    private static DemoSeeder.Outcome first;

    private Demo() {
    }

    public static synchronized DemoSeeder.Outcome seedOnce(DemoSeeder seeder) {
        if (first == null) {
            first = seeder.seed(false);
        }
        return first;
    }
}
