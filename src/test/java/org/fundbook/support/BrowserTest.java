package org.fundbook.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Page tests in a real browser: Debian's headless Chromium driven by its {@code chromedriver} (nothing is
 * downloaded: both are given by path, so Selenium Manager never runs). One browser is shared by every page test
 * of the run, as the one Spring context is, and reaches the service through a {@link Gate} that a test can close
 * to take the server away. Without {@code /usr/bin/chromium} and {@code /usr/bin/chromedriver} (or the paths in
 * {@code FUNDBOOK_CHROMIUM}, {@code FUNDBOOK_CHROMEDRIVER}) page tests are skipped, saying so.
 */
public abstract class BrowserTest extends IntegrationTest {

    private static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("FUNDBOOK_CHROMIUM",
            "/usr/bin/chromium"));
    private static final Path DRIVER = Path.of(System.getenv().getOrDefault("FUNDBOOK_CHROMEDRIVER",
            "/usr/bin/chromedriver"));
    public static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private static Gate gate;
    private static ChromeDriver browser;
    private static Path profile;

    protected ChromeDriver browser() {
        return browser;
    }

    protected Gate gate() {
        return gate;
    }

    @BeforeEach
    void openBrowser() throws IOException {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER),
                "Page tests skipped: no headless Chromium here. Install Debian's chromium and chromium-driver "
                        + "(apt-get install -y chromium chromium-driver fonts-khmeros) to run them.");
        synchronized (BrowserTest.class) {
            if (gate == null) {
                gate = new Gate(port);
                profile = Files.createTempDirectory("fundbook-chromium");
                Runtime.getRuntime().addShutdownHook(new Thread(BrowserTest::quit));
            }
            gate.open();
            if (browser == null) {
                browser = start();
            }
        }
        consoleErrors();   // what earlier tests left in the browser's log is theirs
    }

    /** The service's address as the browser sees it (through the gate). */
    protected String base() {
        return "http://localhost:" + gate.port();
    }

    /** Closes the browser and starts it again on the same profile: what a phone keeps, it keeps. */
    protected void reopenBrowser() {
        synchronized (BrowserTest.class) {
            browser.quit();
            browser = start();
        }
    }

    private static ChromeDriver start() {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=1280,900", "--user-data-dir=" + profile, "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-default-apps", "--no-default-browser-check", "--disable-features=Translate");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(DRIVER.toFile()).usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
        return driver;
    }

    private static void quit() {
        if (browser != null) {
            browser.quit();
            browser = null;
        }
        if (gate != null) {
            gate.close();
        }
    }

    protected void open(String path) {
        browser.get(base() + path);
    }

    /** Logs in with the form, leaving whoever was logged in before; a login that fails says where it stayed. */
    protected void login(String username, String password) {
        open("/login");
        browser.manage().deleteCookieNamed("SESSION");
        open("/login");
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.cssSelector("[data-action=login]")).click();
        try {
            new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> !d.getCurrentUrl().contains("/login"));
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("login as " + username + " stayed at " + browser.getCurrentUrl() + ": "
                    + browser.findElement(By.tagName("body")).getText(), e);
        }
    }

    protected void loginAsAdmin() {
        login("admin", ADMIN_PASSWORD);
    }

    /** Waits up to 15 s; an element a page's script drew again meanwhile is looked for again, not an error. */
    protected WebDriverWait waitFor() {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(15));
        wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
        return wait;
    }

    protected WebElement waitForElement(String css) {
        return waitFor().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(css)));
    }

    protected Object script(String js, Object... args) {
        return ((JavascriptExecutor) browser).executeScript(js, args);
    }

    protected Object asyncScript(String js, Object... args) {
        return ((JavascriptExecutor) browser).executeAsyncScript(js, args);
    }

    /** Console errors (CSP violations, failed scripts) the browser logged since the last call. */
    protected List<String> consoleErrors() {
        return browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage).toList();
    }

    /**
     * The page at {@code path} in both languages at a phone's width (360 px) and a desktop's (1280 px), the whole
     * page each time, as {@code target/screenshots/{name}-{km|en}-{width}.png}. Leaves the page in Khmer at
     * desktop width.
     */
    protected void screenshots(String name, String path) {
        try {
            Files.createDirectories(SCREENSHOTS);
            for (String lang : List.of("en", "km")) {
                for (int width : new int[] {360, 1280}) {
                    browser.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", width,
                            "height", width < 600 ? 780 : 900, "deviceScaleFactor", 1, "mobile", width < 600));
                    open(path + (path.contains("?") ? "&" : "?") + "lang=" + lang);
                    waitFor().until(d -> "complete".equals(script("return document.readyState")));
                    settle();
                    Files.write(SCREENSHOTS.resolve(name + "-" + lang + "-" + width + ".png"), fullPage());
                }
            }
            browser.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Lets a page's scripts finish what they draw after loading (the meeting sheet reads its roster). */
    protected void settle() {
        try {
            Thread.sleep(400);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    protected byte[] fullPage() {
        @SuppressWarnings("unchecked")
        Map<String, Object> metrics = (Map<String, Object>) browser.executeCdpCommand("Page.getLayoutMetrics",
                Map.of());
        @SuppressWarnings("unchecked")
        Map<String, Number> size = (Map<String, Number>) metrics.get("cssContentSize");
        Map<String, Object> shot = browser.executeCdpCommand("Page.captureScreenshot", Map.of("format", "png",
                "captureBeyondViewport", true, "clip", Map.of("x", 0, "y", 0,
                        "width", size.get("width").doubleValue(), "height",
                        Math.min(size.get("height").doubleValue(), 8000), "scale", 1)));
        byte[] png = Base64.getDecoder().decode((String) shot.get("data"));
        assertThat(png.length).isGreaterThan(1000);
        return png;
    }
}
