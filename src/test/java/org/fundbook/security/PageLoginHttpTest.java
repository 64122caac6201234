package org.fundbook.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.fundbook.support.IntegrationTest;
import org.junit.jupiter.api.Test;

/**
 * A form login keeps its session while the browser is still fetching the login page's scripts, styles and
 * service worker with the session's id from before the login (as every browser does). With the session renamed
 * at login, such a request saved its copy when it ended and put the old id back: the next page asked for a login
 * again, in about half of the logins measured.
 */
class PageLoginHttpTest extends IntegrationTest {

    @Test
    void aLoginSurvivesRequestsSentWithTheSessionIdFromBeforeIt() throws Exception {
        String base = "http://localhost:" + port;
        for (int i = 0; i < 20; i++) {
            HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
                    .followRedirects(HttpClient.Redirect.NEVER).build();
            String page = browser.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
            assertThat(token.find()).isTrue();

            List<CompletableFuture<HttpResponse<Void>>> assets = List.of("/sw.js", "/assets/page.js",
                    "/manifest.webmanifest", "/favicon.ico").stream().map(path -> browser.sendAsync(
                    HttpRequest.newBuilder(URI.create(base + path)).build(), HttpResponse.BodyHandlers.discarding()))
                    .toList();
            HttpResponse<Void> login = browser.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("username=admin&password="
                            + URLEncoder.encode(ADMIN_PASSWORD, StandardCharsets.UTF_8) + "&_csrf="
                            + URLEncoder.encode(token.group(1), StandardCharsets.UTF_8)))
                    .build(), HttpResponse.BodyHandlers.discarding());
            assets.forEach(CompletableFuture::join);
            assertThat(login.headers().firstValue("Location")).as("login %d", i).hasValue(base + "/");

            HttpResponse<String> home = browser.send(HttpRequest.newBuilder(URI.create(base + "/"))
                    .header("Accept", "text/html").build(), HttpResponse.BodyHandlers.ofString());
            assertThat(home.statusCode()).as("the page after login %d", i).isEqualTo(200);
        }
    }
}
