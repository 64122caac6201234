package org.fundbook.pages;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.fundbook.support.Api;
import org.fundbook.support.BrowserTest;
import org.fundbook.support.Ledger;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The cashier's meeting sheet in a real browser: records kept on the phone, a meeting sent whole and recorded
 * once, with the server truly away (its port closed) between opening and sending.
 */
class MeetingSheetTest extends BrowserTest {

    private static final String PASSWORD = "cashier-password-1";
    private static final String HOSTILE = "<img src=x onerror=alert(1)>";

    @Autowired
    private MeterRegistry meters;

    /** A group with cash, a saver, a borrower with a loan, and a member whose name is markup; its cashier. */
    private record Village(Ledger ledger, String saver, String borrower, String hostile, String loanId,
                           String cashier) {
    }

    private Village village(String cashier) {
        String on = today().minusMonths(2).toString();
        Ledger ledger = Ledger.register(api, "CEDAC", on, null);
        ledger.capital(2_000_000, on);
        String saver = ledger.member("សុខ ចាន់ធា", "MEMBER", on);
        String borrower = ledger.member("Srey Mom", "MEMBER", on);
        String hostile = ledger.member(HOSTILE, "MEMBER", on);
        ledger.contribute(saver, 50_000, on);
        ledger.contribute(borrower, 20_000, on);
        String loanId = ledger.lend(borrower, 300_000, 6, on).get("loanId").asText();
        createUser(cashier, PASSWORD, "CASHIER", List.of(ledger.groupId), null);
        return new Village(ledger, saver, borrower, hostile, loanId, cashier);
    }

    private static LocalDate today() {
        return LocalDate.now(ZoneId.systemDefault());
    }

    private void openSheet(Village v) {
        open("/groups/" + v.ledger().groupId + "/meeting");
        awaitSheetReady(v);
    }

    /** The sheet has drawn the phone's copy and then the ledger's (or found the ledger away). */
    private void awaitSheetReady(Village v) {
        waitForElement("#sheet[data-ready=true] [data-member-id='" + v.saver() + "'] input[name=contribution]");
    }

    private String savings(String memberId) {
        return waitFor().ignoring(StaleElementReferenceException.class)
                .until(d -> row(memberId).findElement(By.cssSelector(".savings")).getText());
    }

    private WebElement row(String memberId) {
        return browser().findElement(By.cssSelector("#members [data-member-id='" + memberId + "']"));
    }

    private void type(WebElement input, long amount) {
        input.clear();
        input.sendKeys(Long.toString(amount), Keys.TAB);
    }

    private void awaitStates(String memberId, String state, int count) {
        waitFor().ignoring(StaleElementReferenceException.class).until(d -> row(memberId)
                .findElements(By.cssSelector(".records [data-state=" + state + "]")).size() == count);
    }

    /** The review's "the box should hold", once the sheet has drawn it so (it is drawn again on every record). */
    private void awaitCashShould(String shown) {
        waitFor().ignoring(StaleElementReferenceException.class)
                .until(d -> d.findElement(By.cssSelector(".cash-should")).getText().equals(shown));
    }

    private int outboxCount() {
        return Integer.parseInt(browser().findElement(By.id("outbox-count")).getAttribute("data-outbox-count"));
    }

    private void awaitOutbox(int n) {
        waitFor().until(d -> outboxCount() == n);
    }

    private void send() {
        browser().findElement(By.cssSelector("[data-action=send]")).click();
    }

    /** The member's statement lines from the ledger, through the API. */
    private List<JsonNode> lines(Village v, String memberId) {
        Api.Response statement = api.get(v.ledger().path("/members/" + memberId + "/statement"));
        assertThat(statement.status()).as(statement.toString()).isEqualTo(200);
        List<JsonNode> lines = new ArrayList<>();
        statement.json().get("lines").forEach(lines::add);
        return lines;
    }

    private long requestsServed() {
        return meters.find("http.server.requests").timers().stream().mapToLong(Timer::count).sum();
    }

    /** Waits until this sheet's page is kept in the phone's cache (the service worker serves it offline). */
    private void awaitKeptForOffline() {
        waitFor().until(d -> Boolean.TRUE.equals(asyncScript("""
                const done = arguments[arguments.length - 1];
                caches.open('fundbook-pages-v1').then(c => c.match(location.pathname))
                  .then(r => done(!!r && !!navigator.serviceWorker.controller), () => done(false));""")));
    }

    @Test
    void aMeetingRecordedOnThePhoneIsSentWholeAndRecordedOnce() {
        Village v = village("sheet-cashier-1");
        login(v.cashier(), PASSWORD);
        openSheet(v);

        assertThat(savings(v.saver())).isEqualTo("50,000 ៛");
        type(row(v.saver()).findElement(By.name("contribution")), 10_000);
        awaitStates(v.saver(), "pending", 1);
        type(row(v.borrower()).findElement(By.name("repayment")), 60_000);
        awaitStates(v.borrower(), "pending", 1);
        row(v.saver()).findElement(By.name("present")).click();
        row(v.borrower()).findElement(By.name("present")).click();
        awaitOutbox(2);
        assertThat(savings(v.saver())).isEqualTo("60,000 ៛");

        send();
        awaitStates(v.saver(), "recorded", 1);
        awaitStates(v.borrower(), "recorded", 1);
        awaitOutbox(0);

        assertThat(lines(v, v.saver())).extracting(l -> l.get("amount").asLong()).containsExactly(50_000L, 10_000L);
        Api.Response meetings = api.get(v.ledger().path("/meetings"));
        assertThat(meetings.json()).hasSize(1);
        assertThat(meetings.json().get(0).get("attendance")).extracting(JsonNode::asText)
                .containsExactlyInAnyOrder(v.saver(), v.borrower());
        JsonNode loan = api.get(v.ledger().path("/loans/" + v.loanId())).json();
        assertThat(loan.get("repayments")).hasSize(1);

        send();   // again: nothing waits, nothing is recorded twice
        waitFor().until(d -> !d.findElement(By.id("send-result")).getText().isBlank());
        assertThat(lines(v, v.saver())).hasSize(2);
        assertThat(savings(v.saver())).isEqualTo("60,000 ៛");
    }

    @Test
    void aHostileNameIsShownAsText() {
        Village v = village("sheet-cashier-2");
        login(v.cashier(), PASSWORD);
        openSheet(v);
        WebElement name = row(v.hostile()).findElement(By.cssSelector(".member-name"));
        assertThat(name.getText()).isEqualTo(HOSTILE);
        assertThat(browser().findElements(By.cssSelector("#members img"))).isEmpty();
        assertThat(browser().findElements(By.cssSelector("script#words, script[src*='/assets/meeting']")))
                .hasSize(2);
        assertThat(consoleErrors()).noneMatch(e -> e.contains("Content Security Policy"));
    }

    @Test
    void aRefusedRecordShowsItsReasonAndIsSentAgainOnceCorrected() {
        Village v = village("sheet-cashier-3");
        login(v.cashier(), PASSWORD);
        openSheet(v);
        WebElement contribution = row(v.saver()).findElement(By.name("contribution"));
        contribution.sendKeys("1.5", Keys.TAB);                          // no amount of riel: nothing saved
        waitFor().until(d -> "true".equals(contribution.getAttribute("aria-invalid")));
        assertThat(outboxCount()).isZero();
        contribution.clear();
        type(row(v.saver()).findElement(By.name("withdrawal")), 80_000);   // holds 50,000
        type(row(v.borrower()).findElement(By.name("contribution")), 5_000);
        awaitOutbox(2);
        send();
        awaitStates(v.saver(), "refused", 1);
        awaitStates(v.borrower(), "recorded", 1);
        assertThat(row(v.saver()).findElement(By.cssSelector("[data-state=refused] .reason")).getText())
                .isEqualTo("សមាជិកមិនមានប្រាក់សន្សំច្រើនដល់ម្ល៉េះទេ។ សូមដកប្រាក់តិចជាងនេះ។");
        screenshots("meeting-refused", "/groups/" + v.ledger().groupId + "/meeting");

        open("/groups/" + v.ledger().groupId + "/meeting?lang=km");
        awaitSheetReady(v);
        awaitStates(v.saver(), "refused", 1);
        type(row(v.saver()).findElement(By.name("withdrawal")), 30_000);
        awaitStates(v.saver(), "pending", 1);
        assertThat(row(v.saver()).findElements(By.cssSelector("[data-state=refused]"))).isEmpty();
        send();
        awaitStates(v.saver(), "recorded", 1);
        assertThat(lines(v, v.saver())).extracting(l -> l.get("amount").asLong()).containsExactly(50_000L, -30_000L);
    }

    @Test
    void withTheServerAwayTheSheetOpensRecordsAndKeepsEverythingUntilItIsBack() throws Exception {
        Village v = village("sheet-cashier-4");
        login(v.cashier(), PASSWORD);
        openSheet(v);
        awaitKeptForOffline();
        String sheet = "/groups/" + v.ledger().groupId + "/meeting";

        gate().close();
        long served = requestsServed();
        try {
            type(row(v.saver()).findElement(By.name("contribution")), 7_000);
            type(row(v.borrower()).findElement(By.name("repayment")), 40_000);
            row(v.saver()).findElement(By.name("present")).click();
            awaitOutbox(2);
            send();       // no connection: kept, said so
            waitFor().until(d -> !d.findElement(By.id("connection")).getAttribute("class").isEmpty()
                    && d.findElement(By.id("connection")).isDisplayed());

            browser().navigate().refresh();              // a reload with no server
            awaitSheetReady(v);
            awaitOutbox(2);
            assertThat(savings(v.saver())).isEqualTo("57,000 ៛");

            reopenBrowser();                              // the browser closed and opened again
            open(sheet);
            awaitSheetReady(v);
            awaitOutbox(2);
            awaitStates(v.saver(), "pending", 1);
            awaitStates(v.borrower(), "pending", 1);
            assertThat(row(v.saver()).findElement(By.name("present")).isSelected()).isTrue();
            assertThat(requestsServed()).as("requests that reached the service while it was away")
                    .isEqualTo(served);
            assertThat(lines(v, v.saver())).hasSize(1);
        } finally {
            gate().open();
        }

        send();
        awaitStates(v.saver(), "recorded", 1);
        awaitStates(v.borrower(), "recorded", 1);
        assertThat(lines(v, v.saver())).extracting(l -> l.get("amount").asLong()).containsExactly(50_000L, 7_000L);
        assertThat(api.get(v.ledger().path("/loans/" + v.loanId())).json().get("repayments")).hasSize(1);

        // the answer lost on the way: the phone still thinks both wait, and sends them again
        asyncScript("""
                const [groupId, done] = arguments;
                const open = indexedDB.open('fundbook', 1);
                open.onsuccess = () => {
                  const tx = open.result.transaction(['records', 'meetings'], 'readwrite');
                  const s = tx.objectStore('records');
                  s.index('groupId').getAll(groupId).onsuccess = e => e.target.result.forEach(r => s.put({...r,
                      state: 'pending', recordedAt: null, sentAt: Date.now()}));
                  const m = tx.objectStore('meetings');
                  m.get(groupId).onsuccess = e => m.put({...e.target.result, sendRequested: true});
                  tx.oncomplete = () => { open.result.close(); done(true); };
                };""", v.ledger().groupId);
        open(sheet);
        awaitSheetReady(v);
        awaitStates(v.saver(), "recorded", 1);
        awaitStates(v.borrower(), "recorded", 1);
        assertThat(lines(v, v.saver())).hasSize(2);
        assertThat(api.get(v.ledger().path("/loans/" + v.loanId())).json().get("repayments")).hasSize(1);
        assertThat(api.get(v.ledger().path("/meetings")).json().get(0).get("attendance")).hasSize(1);
    }


    @Test
    void aSessionThatEndsBeforeSendingKeepsTheRecordsUntilTheCashierLogsInAgain() {
        Village v = village("sheet-cashier-5");
        login(v.cashier(), PASSWORD);
        openSheet(v);
        type(row(v.saver()).findElement(By.name("contribution")), 3_000);
        awaitOutbox(1);

        jdbc.update("DELETE FROM spring_session WHERE principal_name = ?", v.cashier());
        send();
        waitFor().until(d -> d.findElement(By.cssSelector("#connection a")).isDisplayed());
        awaitStates(v.saver(), "pending", 1);
        assertThat(lines(v, v.saver())).hasSize(1);

        browser().findElement(By.cssSelector("#connection a")).click();   // log in again: back to the sheet
        waitFor().until(d -> d.getCurrentUrl().contains("/login"));
        browser().findElement(By.id("username")).sendKeys(v.cashier());
        browser().findElement(By.id("password")).sendKeys(PASSWORD);
        browser().findElement(By.cssSelector("[data-action=login]")).click();
        waitFor().until(d -> d.getCurrentUrl().contains("/meeting"));
        awaitStates(v.saver(), "recorded", 1);                // sent by itself, not retyped
        assertThat(lines(v, v.saver())).extracting(l -> l.get("amount").asLong()).containsExactly(50_000L, 3_000L);
    }

    @Test
    void theSheetsFirstLoadWeighsAtMost300KilobytesOnTheWire() {
        Village v = village("sheet-cashier-6");
        login(v.cashier(), PASSWORD);
        browser().get("about:blank");             // no page of the service holds its worker or caches
        browser().executeCdpCommand("Network.enable", Map.of());
        browser().executeCdpCommand("Network.clearBrowserCache", Map.of());
        browser().executeCdpCommand("Storage.clearDataForOrigin", Map.of("origin", base(),
                "storageTypes", "service_workers,cache_storage,indexeddb,local_storage"));
        long before = gate().bytesToBrowser();
        openSheet(v);
        awaitKeptForOffline();
        settle();
        long bytes = gate().bytesToBrowser() - before;
        System.out.printf("meeting sheet first load: %,d bytes on the wire%n", bytes);
        assertThat(bytes).isPositive().isLessThanOrEqualTo(300 * 1024);
    }

    @Test
    void theSheetInBothLanguagesAtPhoneAndDesktopWidth() {
        Village v = village("sheet-cashier-7");
        login(v.cashier(), PASSWORD);
        openSheet(v);
        type(row(v.saver()).findElement(By.name("contribution")), 10_000);
        awaitOutbox(1);
        screenshots("meeting", "/groups/" + v.ledger().groupId + "/meeting");
        assertThat(SCREENSHOTS.resolve("meeting-km-360.png")).exists();
    }

    @Test
    void theOtherRecordsOfAMeetingGoInTheSameSend() {
        Village v = village("sheet-cashier-8");
        login(v.cashier(), PASSWORD);
        openSheet(v);

        browser().findElement(By.cssSelector("[data-action=new-member]")).click();
        browser().findElement(By.id("member-name")).sendKeys("ចាន់ សុភា");
        browser().findElement(By.cssSelector("#form-member [data-action=save]")).click();
        // the sheet is drawn again with the new member's row: find it by its name once it is there
        String newcomerId = waitFor().ignoring(StaleElementReferenceException.class).until(d -> d
                .findElements(By.cssSelector("#members [data-member-id]")).stream()
                .filter(r -> r.findElement(By.cssSelector(".member-name")).getText().equals("ចាន់ សុភា"))
                .map(r -> r.getAttribute("data-member-id")).findFirst().orElse(null));
        type(row(newcomerId).findElement(By.name("contribution")), 25_000);
        row(newcomerId).findElement(By.name("present")).click();

        browser().findElement(By.cssSelector("[data-action=new-loan]")).click();
        new org.openqa.selenium.support.ui.Select(browser().findElement(By.id("loan-borrower")))
                .selectByValue(v.saver());
        browser().findElement(By.id("loan-principal")).sendKeys("100000");
        browser().findElement(By.id("loan-term")).sendKeys("4");
        browser().findElement(By.cssSelector("#form-loan [data-action=save]")).click();
        awaitStates(v.saver(), "pending", 1);

        browser().findElement(By.cssSelector("[data-action=payout]")).click();
        browser().findElement(By.id("payout-payee")).sendKeys("Commune office");
        browser().findElement(By.id("payout-amount")).sendKeys("1000");
        browser().findElement(By.cssSelector("#form-payout [data-action=save]")).click();

        // the box should hold 2,000,000 - 300,000 (the loan) + 70,000 (savings) + 25,000 - 100,000 - 1,000
        awaitCashShould("1,694,000 ៛");
        type(browser().findElement(By.id("counted-cash")), 1_694_000);
        awaitOutbox(5);

        send();
        // a CEDAC group puts all interest into premiums: its committee fund is empty, the payout is refused
        // and the rest of the meeting recorded all the same
        waitFor().until(d -> outboxCount() == 0
                && d.findElements(By.cssSelector("[data-state=recorded]")).size() == 4);
        WebElement payout = browser().findElement(By.cssSelector("#group-records [data-type=PAYOUT]"));
        assertThat(payout.getAttribute("data-state")).isEqualTo("refused");
        assertThat(payout.findElement(By.cssSelector(".reason")).getText())
                .isEqualTo("មូលនិធិនោះមិនមានប្រាក់ច្រើនដល់ម្ល៉េះទេ។ សូមបញ្ចូលចំនួនតិចជាងនេះ។");
        assertThat(lines(v, newcomerId)).extracting(l -> l.get("amount").asLong()).containsExactly(25_000L);
        assertThat(api.get(v.ledger().path("/loans?status=OUTSTANDING")).json()).hasSize(2);
        JsonNode meeting = api.get(v.ledger().path("/meetings")).json().get(0);
        assertThat(meeting.get("attendance")).extracting(JsonNode::asText).containsExactly(newcomerId);
        assertThat(meeting.get("transactionIds")).hasSize(4);
        assertThat(v.ledger().group().get("balances").get("cash").asLong()).isEqualTo(1_695_000L);
        awaitCashShould("1,695,000 ៛");

        payout.findElement(By.cssSelector("[data-action=remove]")).click();
        waitFor().until(d -> d.findElements(By.cssSelector("[data-type=PAYOUT]")).isEmpty());

        row(newcomerId).findElement(By.cssSelector("[data-action=receipt]")).click();
        WebElement receipt = waitForElement("dialog#receipt[open]");
        assertThat(receipt.getText()).contains("ចាន់ សុភា", "25,000 ៛", "បានកត់ត្រា");
    }

    @Test
    void aSheetOfNoGroupIsAPageNotJson() {
        loginAsAdmin();
        open("/groups/" + java.util.UUID.randomUUID() + "/meeting");
        assertThat(browser().findElement(By.tagName("h1")).getText()).isEqualTo("រកទំព័រមិនឃើញ");
    }
}
