package org.fundbook.pages.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.fundbook.support.BrowserTest;
import org.fundbook.support.Ledger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** Every user changes their own password with the current one; the old one stops working at once. */
class AccountPasswordPageTest extends BrowserTest {

    @AfterEach
    void backToKhmer() {
        open("/login?lang=km");
    }

    private String result() {
        WebElement notice = browser().findElement(By.id("password-result"));
        waitFor().until(d -> notice.isDisplayed() && !notice.getText().isBlank());
        return notice.getText();
    }

    private void fill(String current, String fresh, String again) {
        for (String id : List.of("current-password", "new-password", "confirm-password")) {
            browser().findElement(By.id(id)).clear();
        }
        browser().findElement(By.id("current-password")).sendKeys(current);
        browser().findElement(By.id("new-password")).sendKeys(fresh);
        browser().findElement(By.id("confirm-password")).sendKeys(again);
        browser().findElement(By.cssSelector("[data-action=change-password]")).click();
    }

    @Test
    void aCashierChangesTheirPasswordAndTheOldOneNoLongerLogsIn() {
        Ledger group = Ledger.register(api, "CEDAC", "2024-01-01", null);
        String username = "pg-own-" + UUID.randomUUID().toString().substring(0, 8);
        createUser(username, "old-password-1", "CASHIER", List.of(group.groupId), null);
        login(username, "old-password-1");
        screenshots("account-password", "/account/password");
        open("/account/password?lang=en");

        fill("not-my-password", "new-password-2", "new-password-2");
        assertThat(result()).isEqualTo("The current password is wrong. Type it again. Check: Current password");
        assertThat(browser().findElement(By.id("current-password")).getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(anonymous().as(username, "old-password-1").get("/api/v1/me").status()).isEqualTo(200);

        fill("old-password-1", "new-password-2", "new-password-3");
        assertThat(result()).isEqualTo(
                "The two new passwords are not the same. Type them again. Check: New password again");

        fill("old-password-1", "new-password-2", "new-password-2");
        waitFor().until(d -> d.findElement(By.id("login-again")).isDisplayed());
        assertThat(result()).isEqualTo("Your password is changed. Log in again with the new password.");
        assertThat(consoleErrors()).as("console errors besides the refusals this test asked for")
                .allMatch(e -> e.contains("Failed to load resource: the server responded with a status of 4"));

        // this page session ended with the change
        open("/");
        assertThat(browser().getCurrentUrl()).endsWith("/login");
        assertThat(anonymous().as(username, "old-password-1").get("/api/v1/me").status()).isEqualTo(401);
        assertThat(anonymous().as(username, "new-password-2").get("/api/v1/me").status()).isEqualTo(200);

        // the old password no longer logs in on the page; the new one does
        open("/login");
        browser().findElement(By.id("username")).sendKeys(username);
        browser().findElement(By.id("password")).sendKeys("old-password-1");
        browser().findElement(By.cssSelector("[data-action=login]")).click();
        waitFor().until(d -> d.getCurrentUrl().contains("/login?error"));
        login(username, "new-password-2");
        assertThat(browser().getCurrentUrl()).doesNotContain("/login");
    }
}
