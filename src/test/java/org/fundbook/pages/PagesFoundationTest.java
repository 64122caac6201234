package org.fundbook.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.fundbook.support.Api;
import org.fundbook.support.BrowserTest;
import org.fundbook.support.Ledger;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/** What every page stands on: form login and logout, Khmer first with a remembered switch, 403 pages, CSP. */
class PagesFoundationTest extends BrowserTest {

    @Test
    void aPageAsksForALoginInKhmerAndTheSwitchIsRemembered() {
        browser().manage().deleteAllCookies();
        open("/");
        assertThat(browser().getCurrentUrl()).endsWith("/login");
        assertThat(browser().findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("km");
        assertThat(browser().findElement(By.tagName("h1")).getText()).isEqualTo("ចូល");

        browser().findElement(By.cssSelector("[data-lang=en]")).click();
        assertThat(browser().findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("en");
        open("/login");
        assertThat(browser().findElement(By.tagName("h1")).getText()).isEqualTo("Log in");

        browser().findElement(By.cssSelector("[data-lang=km]")).click();
        open("/login");
        assertThat(browser().findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("km");
        assertThat(consoleErrors()).isEmpty();
        screenshots("login", "/login");
    }

    @Test
    void aWrongPasswordIsSaidInTheUsersLanguageAndLogsNobodyIn() {
        createUser("pages-wrong", "right-password-1", "ACCOUNTANT", null, List.of("Svay Rieng"));
        browser().manage().deleteAllCookies();
        open("/login");
        browser().findElement(By.id("username")).sendKeys("pages-wrong");
        browser().findElement(By.id("password")).sendKeys("wrong-password");
        browser().findElement(By.cssSelector("[data-action=login]")).click();
        waitFor().until(d -> d.getCurrentUrl().contains("/login?error"));
        assertThat(browser().findElement(By.cssSelector("[role=alert]")).getText())
                .isEqualTo("ឈ្មោះអ្នកប្រើ ឬពាក្យសម្ងាត់ខុស។ សូមព្យាយាមម្ដងទៀត។");
        open("/");
        assertThat(browser().getCurrentUrl()).endsWith("/login");
    }

    @Test
    void loginListsTheCallersGroupsAndLogoutEndsTheSession() {
        Ledger mine = Ledger.register(api, "CEDAC", "2024-01-01", null);
        Ledger other = Ledger.register(api, "CEDAC", "2024-01-01", null);
        createUser("pages-cashier", "cashier-password-1", "CASHIER", List.of(mine.groupId), null);

        login("pages-cashier", "cashier-password-1");
        assertThat(browser().findElements(By.cssSelector("[data-group-id]")))
                .extracting(e -> e.getAttribute("data-group-id")).containsExactly(mine.groupId);
        assertThat(browser().findElements(By.cssSelector("[data-group-id='" + other.groupId + "']"))).isEmpty();
        screenshots("home", "/");

        browser().findElement(By.cssSelector("[data-action=logout]")).click();
        waitFor().until(d -> d.getCurrentUrl().contains("/login?logout"));
        open("/");
        assertThat(browser().getCurrentUrl()).endsWith("/login");
    }

    @Test
    void aCashierSentToAnotherGroupsPagesGetsA403Page() {
        Ledger mine = Ledger.register(api, "CEDAC", "2024-01-01", null);
        Ledger other = Ledger.register(api, "CEDAC", "2024-01-01", null);
        createUser("pages-outsider", "cashier-password-1", "CASHIER", List.of(mine.groupId), null);
        login("pages-outsider", "cashier-password-1");

        for (String page : List.of("/groups/" + other.groupId + "/meeting", "/groups/" + other.groupId,
                "/groups/" + mine.groupId + "/closing", "/groups/" + mine.groupId + "/audit", "/reports/allocations",
                "/admin/users")) {
            open(page);
            assertThat(browser().findElement(By.tagName("h1")).getText()).as(page)
                    .isEqualTo("ទំព័រនេះមិនមែនសម្រាប់អ្នកទេ");
        }
        screenshots("denied", "/groups/" + other.groupId + "/meeting");
    }

    @Test
    void pagesCarryAStrictContentSecurityPolicyAndTheApiStaysStateless() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create(base() + "/login")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).isEqualTo(200);
        String csp = login.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertThat(csp).contains("script-src 'self'").doesNotContain("unsafe-inline").doesNotContain("unsafe-eval");
        assertThat(login.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(login.body()).contains("name=\"_csrf\"");

        Api.Response api = this.api.get("/api/v1/groups");
        assertThat(api.status()).isEqualTo(200);
        assertThat(api.raw().headers().allValues("Set-Cookie")).isEmpty();
    }

    @Test
    void aPageSessionIsKeptInPostgresSoAnotherNodeKnowsTheLogin() throws Exception {
        Ledger mine = Ledger.register(api, "CEDAC", "2024-01-01", null);
        createUser("pages-two-nodes", "cashier-password-1", "CASHIER", List.of(mine.groupId), null);
        login("pages-two-nodes", "cashier-password-1");
        String session = browser().manage().getCookieNamed("SESSION").getValue();
        assertThat(browser().manage().getCookieNamed("SESSION").isHttpOnly()).isTrue();
        assertThat(browser().manage().getCookieNamed("SESSION").getSameSite()).isEqualTo("Lax");
        String stored = jdbc.queryForList("""
                SELECT a.attribute_bytes FROM spring_session_attributes a
                JOIN spring_session s ON s.primary_id = a.session_primary_id WHERE s.principal_name = ?""",
                byte[].class, "pages-two-nodes").stream()
                .map(b -> new String(b, java.nio.charset.StandardCharsets.ISO_8859_1))
                .reduce("", String::concat);
        assertThat(stored).as("the session's stored attributes").contains("pages-two-nodes")
                .doesNotContain("{bcrypt}").doesNotContain("$2a$");

        try (var node = startAnotherNode()) {
            int otherPort = ((org.springframework.boot.web.context.WebServerApplicationContext) node)
                    .getWebServer().getPort();
            HttpResponse<String> home = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://localhost:" + otherPort + "/")).header("Cookie", "SESSION=" + session)
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(home.statusCode()).isEqualTo(200);
            assertThat(home.body()).contains("data-group-id=\"" + mine.groupId + "\"");
        }
    }

    @Test
    void anAddressNothingServesIsAPageForAPersonAndProblemDetailsForTheApi() {
        loginAsAdmin();
        open("/no-such-page");
        assertThat(browser().findElement(By.tagName("h1")).getText()).isEqualTo("រកទំព័រមិនឃើញ");

        Api.Response api = this.api.get("/api/v1/no-such-resource");
        assertThat(api.status()).isEqualTo(404);
        assertThat(api.header("Content-Type")).startsWith("application/problem+json");
        assertThat(api.code()).isEqualTo("NOT_FOUND");
    }
}
