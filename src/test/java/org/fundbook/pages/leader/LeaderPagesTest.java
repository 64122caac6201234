package org.fundbook.pages.leader;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.fundbook.pages.Words;
import org.fundbook.support.Api;
import org.fundbook.support.BrowserTest;
import org.fundbook.support.Ledger;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.core.io.Resource;

/**
 * The group leader's pages in a real browser: the group at a glance with a reversal, the closing from its date to
 * its statement (and a cancel, and a refusal said in the leader's language), the passbook printed to PDF, the
 * policy in words and its change, and a cashier kept out of what is the leader's. Every write is checked through
 * the API.
 */
class LeaderPagesTest extends BrowserTest {

    private static final String PASSWORD = "leader-password-1";
    private static final String KHMER_NAME = "សុខ ចាន់ធា";
    private static final String HOSTILE = "<img src=x onerror=alert(1)>";
    private static final ZoneId SERVER_ZONE = ZoneId.of("Asia/Phnom_Penh");

    /** A CEDAC group registered seven months ago (a closing is due), with savings, interest earned, an overdue loan. */
    private record Village(Ledger ledger, String saver, String borrower, String hostile, String loanId,
                           String contributionId, String leader, String cashier) {
    }

    private static LocalDate today() {
        return LocalDate.now(SERVER_ZONE);
    }

    private Village village(String name, int monthsAgo) {
        LocalDate start = today().minusMonths(monthsAgo);
        String on = start.toString();
        Ledger ledger = Ledger.register(api, "CEDAC", on, null);
        ledger.capital(1_000_000, on);
        String saver = ledger.member(KHMER_NAME, "MEMBER", on);
        String borrower = ledger.member("Srey Mom", "MEMBER", on);
        String hostile = ledger.member(HOSTILE, "MEMBER", on);
        String contributionId = ledger.contribute(saver, 50_000, on).get("transactionId").asText();
        ledger.contribute(borrower, 20_000, start.plusDays(10).toString());
        ledger.contribute(hostile, 5_000, start.plusDays(20).toString());
        String loanId = ledger.lend(borrower, 200_000, 2, on).get("loanId").asText();
        ledger.repay(loanId, 50_000, start.plusMonths(1).toString());
        ledger.contribute(saver, 30_000, start.plusMonths(1).plusDays(3).toString());
        String leader = name + "-leader";
        String cashier = name + "-cashier";
        createUser(leader, PASSWORD, "LEADER", List.of(ledger.groupId), null);
        createUser(cashier, PASSWORD, "CASHIER", List.of(ledger.groupId), null);
        return new Village(ledger, saver, borrower, hostile, loanId, contributionId, leader, cashier);
    }

    private void loginAs(String username) {
        login(username, PASSWORD);
    }

    private static Properties bundle(String language) throws IOException {
        Properties all = new Properties();
        for (Resource resource : Words.bundles(language)) {
            try (InputStream in = resource.getInputStream()) {
                all.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            }
        }
        return all;
    }

    private static String riel(long amount) {
        return String.format(java.util.Locale.ROOT, "%,d ៛", amount);
    }

    /** Screenshots of the page in both languages at 360 and 1280 px, and nothing wider than a phone at 360 px. */
    private void shots(String name, String path) {
        screenshots(name, path);
        for (String language : List.of("en", "km")) {   // leaves the page in Khmer, as screenshots() does
            browser().executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", 360, "height", 780,
                    "deviceScaleFactor", 1, "mobile", true));
            openIn(path, language);
            Object wide = script("""
                    const w = document.documentElement.clientWidth;
                    return [...document.querySelectorAll('body *')]
                      .filter(e => e.getBoundingClientRect().right > w + 1 && !e.closest('.table-wrap'))
                      .slice(0, 5).map(e => e.tagName + '.' + e.className + ' ' + e.getBoundingClientRect().right);""");
            assertThat((List<?>) wide).as(name + " in " + language + " at 360 px").isEmpty();
            assertThat(((Number) script("return document.documentElement.scrollWidth")).intValue())
                    .as(name + " in " + language + " at 360 px").isLessThanOrEqualTo(360);
        }
        browser().executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
    }

    private String text(String css) {
        return browser().findElement(By.cssSelector(css)).getText();
    }

    private void openIn(String path, String language) {
        open(path + (path.contains("?") ? "&" : "?") + "lang=" + language);
    }

    private void awaitUrl(String ending) {
        waitFor().until(d -> d.getCurrentUrl().replaceFirst("\\?.*", "").endsWith(ending));
    }

    @ParameterizedTest
    @ValueSource(strings = {"km", "en"})
    void aClosingFromItsDateToItsStatementInTheLeadersLanguage(String language) {
        Village v = village("closing-" + language, 7);
        String groupId = v.ledger().groupId;
        loginAs(v.leader());
        openIn("/groups/" + groupId + "/closing", language);
        assertThat(browser().findElement(By.tagName("html")).getAttribute("lang")).isEqualTo(language);
        assertThat(browser().findElement(By.id("closing-date")).getAttribute("value")).isEqualTo(today().toString());
        shots("leader-closing-date", "/groups/" + groupId + "/closing");
        openIn("/groups/" + groupId + "/closing", language);

        browser().findElement(By.cssSelector("[data-action=start-closing]")).click();
        waitForElement("[data-preview]");
        JsonNode preview = api.get(v.ledger().path("/closings/current")).json();
        assertThat(preview.get("distributable").asLong()).isEqualTo(4_000);   // 2% of 200,000 for one month
        assertThat(text("[data-figure=distributable]")).isEqualTo(riel(4_000));
        assertThat(browser().findElements(By.cssSelector("[data-lending-suspended]"))).hasSize(1);
        for (JsonNode share : preview.get("premiums")) {
            WebElement row = browser().findElement(By.cssSelector(".premiums [data-member-id='"
                    + share.get("memberId").asText() + "']"));
            assertThat(row.getText())
                    .contains(String.format(java.util.Locale.ROOT, "%,d", share.get("weight").asLong()))
                    .contains(riel(share.get("premium").asLong()));
        }
        assertThat(text(".premiums [data-member-id='" + v.hostile() + "'] td")).isEqualTo(HOSTILE);
        shots("leader-closing-preview", "/groups/" + groupId + "/closing");
        openIn("/groups/" + groupId + "/closing", language);

        long cash = v.ledger().group().path("balances").path("cash").asLong();
        String mode = language.equals("km") ? "REINVEST" : "CASH";
        long counted = mode.equals("CASH") ? cash - 4_000 : cash;   // counted after the premiums were handed out
        browser().findElement(By.id("counted-cash")).sendKeys(Long.toString(counted));
        browser().findElement(By.id("payout-" + mode)).click();
        browser().findElement(By.cssSelector("[data-action=confirm-closing]")).click();
        awaitUrl("/groups/" + groupId + "/closing/1");

        JsonNode statement = api.get(v.ledger().path("/closings/1")).json();
        assertThat(statement.get("payoutMode").asText()).isEqualTo(mode);
        assertThat(statement.get("countedCash").asLong()).isEqualTo(counted);
        assertThat(statement.get("discrepancy").asLong()).isZero();
        assertThat(statement.get("distributable").asLong()).isEqualTo(4_000);
        assertThat(text("[data-figure=countedCash]")).isEqualTo(riel(counted));
        assertThat(text("[data-figure=discrepancy]")).isEqualTo(riel(0));
        assertThat(text("[data-figure=cash]")).isEqualTo(riel(statement.at("/closing/cash").asLong()));
        long premiums = 0;
        for (JsonNode share : statement.get("premiums")) {
            long premium = share.get("premium").asLong();
            premiums += premium;
            assertThat(text("#closing-statement [data-member-id='" + share.get("memberId").asText()
                    + "'] [data-premium]")).isEqualTo(riel(premium));
            JsonNode passbook = api.get(v.ledger().path("/members/" + share.get("memberId").asText()
                    + "/statement")).json();
            assertThat(passbook.get("premiumsReceived").asLong()).isEqualTo(premium);
        }
        assertThat(premiums).isEqualTo(4_000);
        JsonNode group = v.ledger().group();
        assertThat(group.at("/period/number").asInt()).isEqualTo(2);
        assertThat(group.get("closingInProgress").asBoolean()).isFalse();
        assertThat(group.at("/balances/cash").asLong()).isEqualTo(mode.equals("CASH") ? cash - 4_000 : cash);
        assertThat(group.at("/balances/pools/PREMIUM").asLong()).isZero();
        assertThat(consoleErrors()).isEmpty();
        shots("leader-closing-statement", "/groups/" + groupId + "/closing/1");

        open("/groups/" + groupId + "/closing");
        assertThat(browser().findElements(By.cssSelector("[data-period='1'] a"))).hasSize(1);
    }

    @Test
    void aCancelledClosingChangesNothing() throws IOException {
        Village v = village("cancel", 7);
        String groupId = v.ledger().groupId;
        JsonNode before = v.ledger().group();
        loginAs(v.leader());
        openIn("/groups/" + groupId + "/closing", "km");
        browser().findElement(By.cssSelector("[data-action=start-closing]")).click();
        waitForElement("[data-preview]");
        assertThat(v.ledger().group().get("lendingSuspended").asBoolean()).isTrue();

        browser().findElement(By.cssSelector("[data-action=cancel-closing]")).click();
        waitFor().until(d -> {
            try {
                d.switchTo().alert();
                return true;
            } catch (org.openqa.selenium.NoAlertPresentException e) {
                return false;
            }
        });
        browser().switchTo().alert().accept();
        waitForElement("[data-cancelled]");
        assertThat(text("[data-cancelled]")).isEqualTo(bundle("km").getProperty("leader.closing.cancelled"));
        assertThat(api.get(v.ledger().path("/closings/current")).code()).isEqualTo("CLOSING_NOT_FOUND");
        JsonNode after = v.ledger().group();
        assertThat(after.get("closingInProgress").asBoolean()).isFalse();
        assertThat(after.get("lendingSuspended").asBoolean()).isFalse();
        assertThat(after.get("balances")).isEqualTo(before.get("balances"));
        assertThat(after.get("period")).isEqualTo(before.get("period"));
        assertThat(browser().findElements(By.cssSelector("[data-action=start-closing]"))).hasSize(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"km", "en"})
    void aRefusedClosingIsSaidInTheLeadersLanguage(String language) throws IOException {
        Village v = village("early-" + language, 2);
        String groupId = v.ledger().groupId;
        loginAs(v.leader());
        openIn("/groups/" + groupId + "/closing", language);
        browser().findElement(By.cssSelector("[data-action=start-closing]")).click();
        WebElement alert = waitForElement("#closing-result[data-code]");
        assertThat(alert.getAttribute("data-code")).isEqualTo("CLOSING_TOO_EARLY");
        assertThat(alert.getText()).isEqualTo(bundle(language).getProperty("refusal.CLOSING_TOO_EARLY"));
        assertThat(alert.isDisplayed()).isTrue();
        assertThat(v.ledger().group().get("closingInProgress").asBoolean()).isFalse();
        assertThat(browser().findElements(By.cssSelector("[data-preview]"))).isEmpty();
        Files.createDirectories(SCREENSHOTS);
        Files.write(SCREENSHOTS.resolve("leader-closing-refused-" + language + "-1280.png"), fullPage());
    }

    @Test
    void theGroupAtAGlanceAndAReversalWithItsReason() throws IOException {
        Village v = village("glance", 7);
        String groupId = v.ledger().groupId;
        loginAs(v.leader());
        openIn("/groups/" + groupId, "en");

        JsonNode group = v.ledger().group();
        assertThat(text("[data-figure=cash]")).isEqualTo(riel(group.at("/balances/cash").asLong()));
        assertThat(text("[data-pool=PREMIUM] .num")).isEqualTo(riel(4_000));
        assertThat(text("[data-pool=EMERGENCY_FUND] p")).isNotBlank();
        assertThat(text("tr[data-member-id='" + v.saver() + "']")).contains(KHMER_NAME).contains(riel(80_000));
        assertThat(text("tr[data-member-id='" + v.hostile() + "'] td")).startsWith(HOSTILE);
        WebElement loan = browser().findElement(By.cssSelector("[data-loan-id='" + v.loanId() + "']"));
        assertThat(loan.getAttribute("data-overdue")).isEqualTo("true");
        assertThat(loan.findElement(By.cssSelector(".badge.overdue")).getText()).contains("days overdue");
        assertThat(loan.getText()).contains(riel(154_000));
        WebElement contribution = browser().findElement(By.cssSelector("[data-transaction-id='"
                + v.contributionId() + "']"));
        assertThat(contribution.findElement(By.cssSelector("[data-recorded-by]")).getText())
                .isEqualTo("Recorded by admin");
        assertThat(text("[data-field=memberMonthlyRateBp]")).isEqualTo("2% a month");
        shots("leader-group", "/groups/" + groupId);

        openIn("/groups/" + groupId, "km");
        assertThat(text("[data-field=memberMonthlyRateBp]")).isEqualTo("២% ក្នុងមួយខែ");
        browser().findElement(By.cssSelector("[data-transaction-id='" + v.contributionId()
                + "'] [data-action=reverse]")).click();
        waitForElement("#form-reversal");
        shots("leader-reversal", "/groups/" + groupId + "/reversal?transaction=" + v.contributionId());
        browser().findElement(By.id("reversal-reason")).sendKeys("កត់ត្រាខុស: recorded twice");
        browser().findElement(By.cssSelector("#form-reversal [data-action=reverse]")).click();
        waitForElement("[data-reversed]");

        JsonNode saver = api.get(v.ledger().path("/members/" + v.saver() + "/statement")).json();
        assertThat(saver.get("closingSavings").asLong()).isEqualTo(30_000);
        JsonNode events = api.get(v.ledger().path("/audit/events")).json();
        JsonNode reversal = events.get(events.size() - 1);
        assertThat(reversal.get("type").asText()).isEqualTo("TransactionReversed");
        assertThat(reversal.at("/payload/reason").asText()).isEqualTo("កត់ត្រាខុស: recorded twice");
        assertThat(reversal.at("/payload/reversedTransactionId").asText()).isEqualTo(v.contributionId());
        assertThat(reversal.get("recordedBy").asText()).isEqualTo(v.leader());
        assertThat(browser().findElements(By.cssSelector("[data-transaction-id='" + v.contributionId()
                + "'] [data-action=reverse]"))).isEmpty();

        // reversed once: the page offers no second reversal
        openIn("/groups/" + groupId + "/reversal?transaction=" + v.contributionId(), "km");
        assertThat(browser().findElements(By.id("form-reversal"))).isEmpty();

        // a loan with a repayment: the ledger refuses, said in Khmer, and nothing changes
        openIn("/groups/" + groupId + "/reversal?transaction=" + v.loanId(), "km");
        browser().findElement(By.id("reversal-reason")).sendKeys("wrong amount");
        browser().findElement(By.cssSelector("#form-reversal [data-action=reverse]")).click();
        WebElement alert = waitForElement("#reversal-result[data-code]");
        assertThat(alert.getAttribute("data-code")).isEqualTo("NOT_REVERSIBLE");
        assertThat(alert.getText()).isEqualTo(bundle("km").getProperty("refusal.NOT_REVERSIBLE"));
        assertThat(v.ledger().group().at("/balances/loanPrincipalOutstanding").asLong()).isEqualTo(154_000);
        assertThat(consoleErrors()).as("only the refused call, which the browser logs")
                .allMatch(e -> e.contains("/reversals") && e.contains("status of 422"));
    }

    @Test
    void thePolicyInWordsAndItsChangeFromADate() {
        Village v = village("policy", 7);
        String groupId = v.ledger().groupId;
        loginAs(v.leader());
        openIn("/groups/" + groupId + "/policy", "en");
        assertThat(text("[data-field=memberMonthlyRateBp]")).isEqualTo("2% a month");
        assertThat(text("[data-policy] [data-pool=PREMIUM]")).contains("100% of the interest");
        shots("leader-policy", "/groups/" + groupId + "/policy");

        openIn("/groups/" + groupId + "/policy", "km");
        WebElement rate = browser().findElement(By.id("policy-rate"));
        rate.clear();
        rate.sendKeys("៣");
        WebElement premium = browser().findElement(By.id("alloc-PREMIUM"));
        premium.clear();
        premium.sendKeys("90");
        WebElement emergency = browser().findElement(By.id("alloc-EMERGENCY_FUND"));
        emergency.clear();
        emergency.sendKeys("10");
        browser().findElement(By.cssSelector("[data-action=change-policy]")).click();
        waitForElement("[data-saved]");

        JsonNode policy = v.ledger().group().get("policy");
        assertThat(policy.get("memberMonthlyRateBp").asInt()).isEqualTo(300);
        assertThat(policy.at("/interestAllocation/PREMIUM").asInt()).isEqualTo(9_000);
        assertThat(policy.at("/interestAllocation/EMERGENCY_FUND").asInt()).isEqualTo(1_000);
        assertThat(policy.get("nonMemberRates")).hasSize(2);   // kept as they were
        assertThat(text("[data-field=memberMonthlyRateBp]")).isEqualTo("៣% ក្នុងមួយខែ");
        assertThat(text("[data-policy] [data-pool=EMERGENCY_FUND]")).contains("១០% នៃការប្រាក់");

        // shares that do not make 100%: the ledger refuses, said in Khmer, and nothing changes
        premium = browser().findElement(By.id("alloc-PREMIUM"));
        premium.clear();
        premium.sendKeys("50");
        browser().findElement(By.cssSelector("[data-action=change-policy]")).click();
        WebElement alert = waitForElement("#policy-result[data-code]");
        assertThat(alert.getAttribute("data-code")).isEqualTo("VALIDATION_FAILED");
        assertThat(v.ledger().group().at("/policy/interestAllocation/PREMIUM").asInt()).isEqualTo(9_000);
    }

    @Test
    void aPassbookPrintedToPdfHoldsTheMembersNameAndTheLedgersFigures() throws Exception {
        Path pdftotext = Path.of("/usr/bin/pdftotext");
        Assumptions.assumeTrue(Files.isExecutable(pdftotext), "pdftotext (poppler-utils) is not installed");
        Village v = village("passbook", 7);
        String groupId = v.ledger().groupId;
        loginAs(v.leader());
        String from = today().minusMonths(7).plusDays(1).toString();
        String to = today().toString();
        String path = "/groups/" + groupId + "/members/" + v.saver() + "/statement?from=" + from + "&to=" + to;
        openIn(path, "km");
        JsonNode statement = api.get(v.ledger().path("/members/" + v.saver() + "/statement?from=" + from
                + "&to=" + to)).json();
        assertThat(text("[data-figure=openingSavings]")).isEqualTo(riel(statement.get("openingSavings").asLong()));
        assertThat(text("[data-figure=closingSavings]")).isEqualTo(riel(statement.get("closingSavings").asLong()));
        shots("leader-passbook", path);

        openIn(path, "km");
        Path pdf = print("passbook-km-a4");
        assertThat(pageSize(pdf)).contains("A4");
        String printed = pdfText(pdf);
        assertThat(printed).contains(KHMER_NAME).contains("សៀវភៅគណនី");
        assertThat(printed).contains(riel(statement.get("openingSavings").asLong()))
                .contains(riel(statement.get("closingSavings").asLong()))
                .contains(riel(statement.get("premiumsReceived").asLong()));
        for (JsonNode line : statement.get("lines")) {
            assertThat(printed).contains(riel(Math.abs(line.get("amount").asLong())))
                    .contains(riel(line.get("savingsAfter").asLong()));
        }
        assertThat(printed).doesNotContain(bundle("km").getProperty("leader.passbook.show"));
        Process png = new ProcessBuilder("pdftoppm", "-png", "-f", "1", "-l", "1", "-r", "60", pdf.toString(),
                SCREENSHOTS.resolve("passbook-km").toString()).inheritIO().start();
        assertThat(png.waitFor(60, TimeUnit.SECONDS)).isTrue();

        openIn(path + "&paper=a5", "km");
        Path a5 = print("passbook-km-a5");
        assertThat(pageSize(a5)).contains("A5");
        assertThat(pdfText(a5)).contains(KHMER_NAME).contains(riel(statement.get("closingSavings").asLong()));
    }

    private Path print(String name) throws IOException {
        Map<String, Object> answer = browser().executeCdpCommand("Page.printToPDF", Map.of(
                "printBackground", true, "preferCSSPageSize", true));
        Path pdf = SCREENSHOTS.resolve(name + ".pdf");
        Files.createDirectories(SCREENSHOTS);
        Files.write(pdf, Base64.getDecoder().decode((String) answer.get("data")));
        return pdf;
    }

    private static String pdfText(Path pdf) throws Exception {
        Process p = new ProcessBuilder("pdftotext", "-layout", "-enc", "UTF-8", pdf.toString(), "-")
                .redirectErrorStream(true).start();
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return text.replaceAll("[ \\t]+", " ");   // the layout's right-aligned columns pad with spaces
    }

    private static String pageSize(Path pdf) throws Exception {
        Process p = new ProcessBuilder("pdfinfo", pdf.toString()).redirectErrorStream(true).start();
        String info = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return info.lines().filter(l -> l.startsWith("Page size")).findFirst().orElse(info);
    }

    @Test
    void aCashierOfTheGroupIsKeptOutOfClosingReversalAndPolicy() throws IOException {
        Village v = village("outsider", 7);
        String groupId = v.ledger().groupId;
        loginAs(v.cashier());
        String denied = bundle("km").getProperty("denied.title");
        for (String page : List.of("/groups/" + groupId + "/closing", "/groups/" + groupId + "/closing/1",
                "/groups/" + groupId + "/reversal?transaction=" + v.contributionId(),
                "/groups/" + groupId + "/policy")) {
            openIn(page, "km");
            assertThat(text("h1")).as(page).isEqualTo(denied);
        }
        // the group page is open to the cashier, without the leader's actions
        openIn("/groups/" + groupId, "km");
        assertThat(text("h1")).isEqualTo(v.ledger().group().get("name").asText());
        assertThat(browser().findElements(By.cssSelector("[data-action=reverse]"))).isEmpty();
        assertThat(browser().findElements(By.cssSelector(".leader-tabs a[href$='/closing']"))).isEmpty();
        assertThat(browser().findElements(By.cssSelector(".leader-tabs a[href$='/policy']"))).isEmpty();
        // and the API refuses the writes the pages would make
        Api cashier = anonymous().as(v.cashier(), PASSWORD);
        assertThat(cashier.post(v.ledger().path("/closings"), Api.body("transactionId", Api.id(),
                "closingDate", today().toString())).status()).isEqualTo(403);
        assertThat(cashier.post(v.ledger().path("/reversals"), Api.body("transactionId", Api.id(),
                "reversedTransactionId", v.contributionId(), "reason", "x", "occurredOn", today().toString()))
                .status()).isEqualTo(403);
    }
}
