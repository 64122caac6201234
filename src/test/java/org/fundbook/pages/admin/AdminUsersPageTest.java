package org.fundbook.pages.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.fundbook.support.Api;
import org.fundbook.support.BrowserTest;
import org.fundbook.support.Ledger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.FluentWait;
import org.openqa.selenium.support.ui.Select;

/** The admin's users page: every change made on the page, checked through the users API. */
class AdminUsersPageTest extends BrowserTest {

    private final String suffix = UUID.randomUUID().toString().substring(0, 8);

    @AfterEach
    void backToKhmer() {
        open("/login?lang=km");
    }

    /** Waits, looking again when a card was redrawn meanwhile. */
    private FluentWait<WebDriver> stable() {
        return waitFor().ignoring(StaleElementReferenceException.class);
    }

    private JsonNode listed(String username) {
        for (JsonNode user : api.get("/api/v1/users").json()) {
            if (user.get("username").asText().equals(username)) {
                return user;
            }
        }
        throw new AssertionError("no user " + username);
    }

    private WebElement card(String username) {
        return waitForElement("#users [data-username='" + username + "']");
    }

    private String noticeOf(WebElement scope) {
        stable().until(d -> {
            WebElement notice = scope.findElement(By.cssSelector("[data-result]"));
            return notice.isDisplayed() && !notice.getText().isBlank() && !notice.getText().equals("Sending…");
        });
        return scope.findElement(By.cssSelector("[data-result]")).getText();
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(n -> texts.add(n.asText()));
        return texts;
    }

    @Test
    void anAdminCreatesChangesResetsAndDisablesAUserOnThePage() {
        Ledger first = Ledger.register(api, "CEDAC", "2024-01-01", null);
        Ledger second = Ledger.register(api, "FSF", "2024-01-01", null);
        String username = "pg-user-" + suffix;
        loginAsAdmin();
        open("/admin/users?lang=en");
        waitForElement("#users [data-username='admin']");

        // create a cashier of the first group
        browser().findElement(By.cssSelector("[data-action=new-user]")).click();
        WebElement form = browser().findElement(By.id("new-user"));
        form.findElement(By.id("new-username")).sendKeys(username);
        form.findElement(By.id("new-password")).sendKeys("first-password-1");
        new Select(form.findElement(By.id("new-role"))).selectByValue("CASHIER");
        new Select(form.findElement(By.id("new-groups"))).selectByValue(first.groupId);
        form.findElement(By.cssSelector("[data-action=create-user]")).click();
        assertThat(noticeOf(form)).isEqualTo("User " + username + " is created.");
        WebElement card = card(username);
        assertThat(card.findElement(By.cssSelector(".role")).getText()).isEqualTo("Cashier");
        JsonNode user = listed(username);
        assertThat(user.get("role").asText()).isEqualTo("CASHIER");
        assertThat(texts(user.get("groups"))).containsExactly(first.groupId);
        assertThat(user.get("enabled").asBoolean()).isTrue();

        // the same name again: refused, said as a sentence
        form.findElement(By.id("new-username")).sendKeys(username);
        form.findElement(By.id("new-password")).sendKeys("first-password-1");
        new Select(form.findElement(By.id("new-groups"))).selectByValue(first.groupId);
        form.findElement(By.cssSelector("[data-action=create-user]")).click();
        stable().until(d -> form.findElement(By.cssSelector("[data-result]")).getText().contains("taken"));
        assertThat(noticeOf(form)).isEqualTo("This user name is taken. Choose another.");

        // a leader of the second group instead
        card.findElement(By.cssSelector("[data-action=change]")).click();
        WebElement change = card.findElement(By.cssSelector("[data-form=change]"));
        new Select(change.findElement(By.name("role"))).selectByValue("LEADER");
        Select groups = new Select(change.findElement(By.name("groups")));
        groups.deselectAll();
        groups.selectByValue(second.groupId);
        change.findElement(By.cssSelector("[data-action=save-change]")).click();
        stable().until(d -> "LEADER".equals(card(username).getAttribute("data-role")));
        assertThat(noticeOf(card(username))).isEqualTo("Saved. " + username + " must log in again.");
        user = listed(username);
        assertThat(user.get("role").asText()).isEqualTo("LEADER");
        assertThat(texts(user.get("groups"))).containsExactly(second.groupId);

        // an accountant of two provinces: the scope inputs follow the role
        card(username).findElement(By.cssSelector("[data-action=change]")).click();
        change = card(username).findElement(By.cssSelector("[data-form=change]"));
        new Select(change.findElement(By.name("role"))).selectByValue("ACCOUNTANT");
        assertThat(change.findElement(By.name("groups")).isDisplayed()).isFalse();
        change.findElement(By.name("provinces")).sendKeys("Takeo, Kampot");
        change.findElement(By.cssSelector("[data-action=save-change]")).click();
        stable().until(d -> "ACCOUNTANT".equals(card(username).getAttribute("data-role")));
        user = listed(username);
        assertThat(texts(user.get("provinces"))).containsExactly("Kampot", "Takeo");
        assertThat(texts(user.get("groups"))).isEmpty();
        assertThat(card(username).findElement(By.cssSelector(".scope")).getText())
                .isEqualTo("Provinces: Kampot, Takeo");

        // a password too short is refused naming the field; then a good one is set
        card(username).findElement(By.cssSelector("[data-action=reset]")).click();
        WebElement reset = card(username).findElement(By.cssSelector("[data-form=reset]"));
        reset.findElement(By.name("newPassword")).sendKeys("short");
        reset.findElement(By.cssSelector("[data-action=reset-password]")).click();
        assertThat(noticeOf(reset)).isEqualTo(
                "Some fields are missing or wrong. Check the marked fields and try again. Check: New password");
        assertThat(reset.findElement(By.name("newPassword")).getAttribute("aria-invalid")).isEqualTo("true");
        reset.findElement(By.name("newPassword")).clear();
        reset.findElement(By.name("newPassword")).sendKeys("second-password-2");
        reset.findElement(By.cssSelector("[data-action=reset-password]")).click();
        stable().until(d -> reset.findElement(By.cssSelector("[data-result]")).getText().contains("is reset"));
        Api asUser = anonymous().as(username, "second-password-2");
        assertThat(asUser.get("/api/v1/me").status()).isEqualTo(200);
        assertThat(anonymous().as(username, "first-password-1").get("/api/v1/me").status()).isEqualTo(401);

        // disabled
        card(username).findElement(By.cssSelector("[data-action=disable]")).click();
        stable().until(d -> "false".equals(card(username).getAttribute("data-enabled")));
        assertThat(noticeOf(card(username))).isEqualTo(username + " is disabled and logged out everywhere.");
        assertThat(listed(username).get("enabled").asBoolean()).isFalse();
        assertThat(asUser.get("/api/v1/me").status()).isEqualTo(401);

        // the history: who and when, newest first
        card(username).findElement(By.cssSelector("[data-action=history]")).click();
        stable().until(d -> card(username).findElements(By.cssSelector(".history li")).size() == 5);
        List<WebElement> lines = card(username).findElements(By.cssSelector(".history li"));
        assertThat(lines.get(0).getText()).contains("by admin").contains("Disabled");
        assertThat(lines.get(1).getText()).contains("Password reset by an admin");
        assertThat(lines.get(2).getText()).contains("Role: Group leader → Accountant")
                .contains("Provinces: none → Kampot, Takeo");
        assertThat(lines.get(3).getText()).contains("Role: Cashier → Group leader");
        assertThat(lines.get(4).getText()).contains("Created as Cashier");
        assertThat(lines.get(4).getText()).matches("(?s)\\d\\d/\\d\\d/\\d{4} \\d\\d:\\d\\d by admin.*");

        script("document.getElementById('new-user-panel').open = true");
        OpenState.screenshots(browser(), this::fullPage, "admin-users-open-en");

        // enabled again
        card(username).findElement(By.cssSelector("[data-action=enable]")).click();
        stable().until(d -> "true".equals(card(username).getAttribute("data-enabled")));
        assertThat(listed(username).get("enabled").asBoolean()).isTrue();
        assertThat(consoleErrors()).as("console errors besides the refusals this test asked for")
                .allMatch(e -> e.contains("Failed to load resource: the server responded with a status of 4"));

        screenshots("admin-users", "/admin/users");
    }

    @Test
    void theLastAdminCannotBeDisabledAndThePageSaysWhyInKhmer() {
        String only = "pg-only-admin-" + suffix;
        createUser(only, "only-admin-password", "ADMIN", null, null);
        List<String> others = jdbc.queryForList(
                "SELECT username FROM app_user WHERE role = 'ADMIN' AND enabled AND username <> ?", String.class, only);
        others.forEach(u -> jdbc.update("UPDATE app_user SET enabled = false WHERE username = ?", u));
        try {
            login(only, "only-admin-password");
            open("/admin/users?lang=km");
            card(only).findElement(By.cssSelector("[data-action=disable]")).click();
            WebElement notice = card(only).findElement(By.cssSelector("[data-result]"));
            stable().until(d -> notice.isDisplayed());
            assertThat(notice.getText())
                    .isEqualTo("មិនអាចបិទ ឬប្ដូរតួនាទីអ្នកគ្រប់គ្រងចុងក្រោយបានទេ។ សូមបង្កើតអ្នកគ្រប់គ្រងម្នាក់ទៀតជាមុនសិន។");
            assertThat(notice.getAttribute("class")).contains("refused");
            OpenState.screenshots(browser(), this::fullPage, "admin-users-last-admin-km");
            assertThat(card(only).getAttribute("data-enabled")).isEqualTo("true");
            assertThat(jdbc.queryForObject("SELECT enabled FROM app_user WHERE username = ?", Boolean.class, only))
                    .isTrue();
        } finally {
            others.forEach(u -> jdbc.update("UPDATE app_user SET enabled = true WHERE username = ?", u));
        }
    }

    @Test
    void aUserWhoIsNotAnAdminGetsThe403PageOnTheAdminPages() {
        Ledger group = Ledger.register(api, "CEDAC", "2024-01-01", null);
        createUser("pg-leader-" + suffix, "leader-password-1", "LEADER", List.of(group.groupId), null);
        login("pg-leader-" + suffix, "leader-password-1");
        for (String page : List.of("/admin/users?lang=km", "/groups/new")) {
            open(page);
            assertThat(browser().findElement(By.tagName("h1")).getText()).as(page)
                    .isEqualTo("ទំព័រនេះមិនមែនសម្រាប់អ្នកទេ");
        }
        open("/");
        assertThat(browser().findElements(By.cssSelector(".top-nav a[href='/admin/users']"))).isEmpty();
        assertThat(browser().findElements(By.cssSelector("a[href='/groups/new']"))).isEmpty();
    }
}
