package org.fundbook.pages.admin;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Map;
import java.util.function.Supplier;
import org.fundbook.support.BrowserTest;
import org.openqa.selenium.chrome.ChromeDriver;

/** Screenshots of a page as a test left it (panels open, a refusal shown), at 360 and 1280 px, not reloaded. */
final class OpenState {

    private OpenState() {
    }

    static void screenshots(ChromeDriver browser, Supplier<byte[]> fullPage, String name) {
        try {
            Files.createDirectories(BrowserTest.SCREENSHOTS);
            for (int width : new int[] {360, 1280}) {
                browser.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", width,
                        "height", width < 600 ? 780 : 900, "deviceScaleFactor", 1, "mobile", width < 600));
                Thread.sleep(200);
                Files.write(BrowserTest.SCREENSHOTS.resolve(name + "-" + width + ".png"), fullPage.get());
            }
            browser.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
