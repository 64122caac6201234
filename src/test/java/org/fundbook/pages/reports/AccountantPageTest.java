package org.fundbook.pages.reports;

import java.util.List;
import java.util.UUID;
import org.fundbook.demo.DemoSeeder;
import org.fundbook.support.BrowserTest;
import org.fundbook.support.Demo;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;

/** The accountant's pages over the demo ledger (seeded once per run), each test as a new Svay Rieng accountant. */
abstract class AccountantPageTest extends BrowserTest {

    static final String PASSWORD = "accountant-password-1";

    @Autowired
    private DemoSeeder seeder;

    /** This test's accountant of Svay Rieng. */
    protected String accountant;

    @BeforeEach
    void svayRiengAccountant() {
        Demo.seedOnce(seeder);
        accountant = "acc-sr-" + UUID.randomUUID().toString().substring(0, 8);
        createUser(accountant, PASSWORD, "ACCOUNTANT", null, List.of("Svay Rieng"));
    }
}
