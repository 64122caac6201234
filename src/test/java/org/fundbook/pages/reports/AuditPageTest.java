package org.fundbook.pages.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.fundbook.demo.DemoSeeder;
import org.fundbook.support.Ledger;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * A group's audit page: its journal, trial balance and trail; "verify the chain" naming an event changed in the
 * event store behind the ledger's back; and an accountant of another province kept out.
 */
class AuditPageTest extends AccountantPageTest {

    /** A Svay Rieng group of this test's own: registered, capital, a member, her savings of 2,000 riel. */
    private Ledger village() throws InterruptedException {
        String on = java.time.LocalDate.now().minusDays(10).toString();
        Ledger ledger = Ledger.register(api, "CEDAC", on, null);
        ledger.capital(500_000, on);
        String member = ledger.member("Chan Sreymom", "MEMBER", on);
        ledger.contribute(member, 2_000, on);
        awaitJournalCaughtUp(ledger.groupId);
        return ledger;
    }

    @Test
    void verifying_names_the_event_changed_in_the_store() throws InterruptedException {
        Ledger ledger = village();
        login(accountant, PASSWORD);
        open("/groups/" + ledger.groupId + "/audit?lang=en");
        assertThat(waitForElement("#trial-balance [data-balanced], [data-balanced]").getAttribute("data-balanced"))
                .isEqualTo("true");
        assertThat(browser().findElements(By.cssSelector("#trail tbody tr"))).hasSize(4);
        assertThat(browser().findElement(By.cssSelector("#trail tbody tr[data-sequence='3']")).getText())
                .contains("ContributionRecorded").contains("admin");
        assertThat(browser().findElements(By.cssSelector("#journal tbody tr.entry-first"))).hasSize(2);

        browser().findElement(By.cssSelector("[data-action=verify]")).click();
        WebElement intact = waitForElement("#verify-result [data-verified=true]");
        assertThat(intact.getText()).contains("4 events");
        assertThat(browser().getCurrentUrl()).doesNotContain("verify=1");   // answered in place, by the API

        long sequence = jdbc.queryForObject("""
                SELECT sequenceNumber FROM domain_event_entry WHERE aggregateIdentifier = ?
                AND payloadType LIKE '%ContributionRecorded'""", Long.class, ledger.groupId);
        String eventId = jdbc.queryForObject("""
                SELECT eventIdentifier FROM domain_event_entry WHERE aggregateIdentifier = ? AND sequenceNumber = ?""",
                String.class, ledger.groupId, sequence);
        byte[] original = jdbc.queryForObject("SELECT payload FROM domain_event_entry WHERE aggregateIdentifier = ? "
                + "AND sequenceNumber = ?", byte[].class, ledger.groupId, sequence);
        try {
            int changed = jdbc.update("""
                    UPDATE domain_event_entry
                    SET payload = convert_to(replace(convert_from(payload, 'UTF8'), '"amount":2000', '"amount":20000'),
                        'UTF8')
                    WHERE aggregateIdentifier = ? AND sequenceNumber = ?""", ledger.groupId, sequence);
            assertThat(changed).isEqualTo(1);

            browser().findElement(By.cssSelector("[data-action=verify]")).click();
            WebElement broken = waitForElement("#verify-result [data-verified=false]");
            assertThat(broken.getAttribute("data-sequence")).isEqualTo(Long.toString(sequence));
            assertThat(broken.getText()).contains("No. " + sequence).contains("ContributionRecorded")
                    .contains(eventId).contains("changed after it was recorded");
            assertThat(browser().findElement(By.cssSelector("#trail tr[data-sequence='" + sequence + "']"))
                    .getAttribute("class")).contains("tampered");

            // without scripts, the form brings the page back with the same verdict
            open("/groups/" + ledger.groupId + "/audit?verify=1&lang=km");
            WebElement server = waitForElement("#verify-result [data-verified=false]");
            assertThat(server.getAttribute("data-sequence")).isEqualTo(Long.toString(sequence));
            assertThat(server.getText()).contains("ContributionRecorded").contains(eventId);
            assertThat(browser().findElement(By.cssSelector("#trail tr.tampered")).getAttribute("data-sequence"))
                    .isEqualTo(Long.toString(sequence));
            screenshots("reports-audit-tampered", "/groups/" + ledger.groupId + "/audit?verify=1");
        } finally {
            jdbc.update("UPDATE domain_event_entry SET payload = ? WHERE aggregateIdentifier = ? AND sequenceNumber = ?",
                    original, ledger.groupId, sequence);
        }
        assertThat(consoleErrors()).isEmpty();
    }

    @Test
    void an_accountant_of_prey_veng_is_kept_out_of_a_svay_rieng_group() {
        String preyVeng = "acc-pv-" + UUID.randomUUID().toString().substring(0, 8);
        createUser(preyVeng, PASSWORD, "ACCOUNTANT", null, List.of("Prey Veng"));
        String svayRieng = DemoSeeder.groupIds().get(0).toString();
        assertThat(jdbc.queryForObject("SELECT province FROM group_view WHERE group_id = ?::uuid", String.class,
                svayRieng)).isEqualTo("Svay Rieng");

        login(preyVeng, PASSWORD);
        open("/groups/" + svayRieng + "/audit?lang=en");
        assertThat(waitForElement("main h1").getText()).isEqualTo("Not open to you");
        Object status = asyncScript("""
                const done = arguments[arguments.length - 1];
                fetch(location.href, {credentials: 'same-origin'}).then(r => done(r.status));""");
        assertThat(((Number) status).intValue()).isEqualTo(403);
        assertThat(browser().findElements(By.id("trail"))).isEmpty();

        // the reports show her province only, whatever she asks for
        open("/reports/allocations?period=2009-Q3&province=Svay%20Rieng&lang=en");
        waitForElement("#allocations");
        assertThat(browser().findElements(By.cssSelector("tr.village"))).isEmpty();
        open("/reports/allocations?period=2009-Q3&lang=en");
        List<WebElement> provinces = browser().findElements(By.cssSelector("tr.province th"));
        assertThat(provinces).extracting(WebElement::getText).containsExactly("Province Prey Veng");
    }

    @Test
    void screenshots_of_a_demo_groups_audit_page() {
        login(accountant, PASSWORD);
        String group = DemoSeeder.groupIds().get(0).toString();
        open("/groups/" + group + "/audit?from=2009-07-01&to=2009-09-30");
        waitForElement("#trial-balance");
        assertThat(browser().findElements(By.cssSelector("#trail tbody tr"))).isNotEmpty();
        screenshots("reports-audit", "/groups/" + group + "/audit?from=2009-07-01&to=2009-09-30");
        assertThat(consoleErrors()).isEmpty();
    }
}
