package org.kila.gateway.browser;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * Opens pages in the machine's own headless Chromium (Debian's package) through Playwright, for the admin
 * page's browser tests. Playwright is told never to download a browser of its own; without Chromium the
 * tests are skipped, or fail when {@code KILA_TEST_REQUIRE_BROWSER=true} (as CI sets it), so a missing
 * browser can never pass for a green run there.
 */
public final class BrowserSupport implements AutoCloseable {
  /** A laptop screen and a phone screen, the two sizes every page is looked at in. */
  public record Screen(String name, int width, int height) {}

  public static final Screen DESKTOP = new Screen("desktop", 1280, 800);
  public static final Screen PHONE = new Screen("phone", 390, 844);

  private static final Path SCREENSHOTS = Path.of("target", "screenshots");
  private static final List<String> CHROMIUM_ARGS = List.of(
      "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--no-first-run");

  private final Playwright playwright;
  private final Browser browser;

  private BrowserSupport(Playwright playwright, Browser browser) {
    this.playwright = playwright;
    this.browser = browser;
  }

  /** Starts Chromium, or skips (or fails, when a browser is required) the calling test when there is none. */
  public static BrowserSupport launch() {
    Path chromium = chromium();
    if (!Files.isExecutable(chromium)) {
      String message = "No Chromium at " + chromium + ": install Debian's chromium package (apt-get install chromium)"
          + " or point KILA_TEST_CHROMIUM at a Chromium binary.";
      if ("true".equalsIgnoreCase(System.getenv("KILA_TEST_REQUIRE_BROWSER"))) {
        Assertions.fail(message + " KILA_TEST_REQUIRE_BROWSER=true, so browser tests must not be skipped.");
      }
      Assumptions.abort(message + " Skipping the browser tests.");
    }
    // Without this variable Playwright tries to download its own browser build, which fails offline.
    Playwright playwright = Playwright.create(new Playwright.CreateOptions()
        .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
    try {
      Browser browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
          .setExecutablePath(chromium)
          .setHeadless(true)
          .setArgs(CHROMIUM_ARGS));
      return new BrowserSupport(playwright, browser);
    } catch (RuntimeException e) {
      playwright.close();
      throw e;
    }
  }

  private static Path chromium() {
    String configured = System.getenv("KILA_TEST_CHROMIUM");
    return Path.of(configured == null || configured.isBlank() ? "/usr/bin/chromium" : configured);
  }

  /** A fresh page (own cookies and storage) of the given screen size. */
  public Page newPage(Screen screen) {
    BrowserContext context = browser.newContext(new Browser.NewContextOptions()
        .setViewportSize(screen.width(), screen.height())
        .setLocale("en-GB"));
    return context.newPage();
  }

  /** Saves a full-page screenshot as target/screenshots/{name}-{screen}.png for a person to look at. */
  public static Path screenshot(Page page, String name, Screen screen) {
    Path file = SCREENSHOTS.resolve(name + "-" + screen.name() + ".png");
    page.screenshot(new Page.ScreenshotOptions().setPath(file).setFullPage(true));
    return file;
  }

  @Override
  public void close() {
    browser.close();
    playwright.close();
  }
}
