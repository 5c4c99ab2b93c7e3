package org.kila.gateway.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.LoadState;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The admin page's sign-in screen, served from the classpath as the gateway serves it, in Chromium. */
class SignInPageBrowserIT {
  private static final long MOST_BYTES_ON_FIRST_LOAD = 300 * 1024;

  private static AdminPageServer server;
  private static BrowserSupport browser;

  @BeforeAll
  static void start() throws Exception {
    browser = BrowserSupport.launch();
    server = AdminPageServer.start();
  }

  @AfterAll
  static void stop() throws Exception {
    if (server != null) server.close();
    if (browser != null) browser.close();
  }

  @Test
  void signInFormIsLabelledReachableByKeyboardAndPassesWcagChecks() {
    for (BrowserSupport.Screen screen : List.of(BrowserSupport.DESKTOP, BrowserSupport.PHONE)) {
      Page page = browser.newPage(screen);
      new FakeApi(page).signedOut();
      page.navigate(server.adminUrl());
      page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Sign in to Kila")).waitFor();

      assertEquals("signin-email", page.getByLabel("Email").getAttribute("id"), "the Email label names the email input");
      assertEquals("signin-password", page.getByLabel("Password").getAttribute("id"));
      assertEquals(1, page.getByRole(AriaRole.MAIN).count(), "one main landmark");
      assertEquals(1, page.getByRole(AriaRole.BANNER).count(), "one header landmark");

      assertEquals("signin-email", focusedId(page), "the email field has focus when the page opens");
      page.keyboard().press("Tab");
      assertEquals("signin-password", focusedId(page));
      page.keyboard().press("Tab");
      assertEquals("signin-submit", focusedId(page));
      page.keyboard().press("Shift+Tab");
      page.keyboard().press("Shift+Tab");
      page.keyboard().press("Shift+Tab");
      assertEquals("Kila", page.evaluate("document.activeElement.textContent"), "before the form: the home link");
      page.keyboard().press("Shift+Tab");
      assertEquals("skip-link", focusedId(page), "the first stop is the skip link");
      assertTrue((Boolean) page.evaluate("getComputedStyle(document.activeElement).outlineStyle !== 'none'"),
          "the focused control shows a visible outline");

      Accessibility.assertNoViolations(page, "the sign-in page (" + screen.name() + ")");
      BrowserSupport.screenshot(page, "sign-in", screen);
      page.context().close();
    }
  }

  @Test
  void firstLoadTransfersLessThan300Kilobytes() {
    Page page = browser.newPage(BrowserSupport.DESKTOP);
    new FakeApi(page).signedOut();
    AtomicLong bytes = new AtomicLong();
    List<String> loaded = new ArrayList<>();
    page.onRequestFinished(request -> {
      bytes.addAndGet(request.sizes().responseBodySize + request.sizes().responseHeadersSize);
      loaded.add(request.url());
    });
    page.navigate(server.adminUrl());
    page.waitForLoadState(LoadState.NETWORKIDLE);

    assertTrue(loaded.stream().anyMatch(url -> url.endsWith("/js/app.js")), "the page's script loaded: " + loaded);
    assertTrue(bytes.get() < MOST_BYTES_ON_FIRST_LOAD,
        "first load moved " + bytes.get() + " bytes over " + loaded.size() + " requests: " + loaded);
    System.out.printf("Admin page first load: %d bytes in %d requests%n", bytes.get(), loaded.size());
    page.context().close();
  }

  @Test
  void showsTheApisMessagesAsGivenAndTheWaitWhenRateLimited() {
    Page page = browser.newPage(BrowserSupport.PHONE);
    FakeApi api = new FakeApi(page).signedOut();
    api.answer("POST", "**/api/session", 401, "{\"error\": \"Wrong email or password.\"}");
    page.navigate(server.adminUrl());
    page.getByLabel("Email").fill("amina@example.org");
    page.getByLabel("Password").fill("not her password");
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
    assertEquals("Wrong email or password.", page.locator("#signin-message [role=alert]").textContent());

    page.unroute("**/api/session");
    new FakeApi(page).signedOut()
        .answer("POST", "**/api/session", 429, "{\"error\": \"Too many attempts.\"}", Map.of("Retry-After", "42"));
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
    page.locator("#signin-message [role=alert]:has-text('42')").waitFor();
    assertEquals("Too many attempts, try again in 42 seconds", page.locator("#signin-message [role=alert]").textContent());
    BrowserSupport.screenshot(page, "sign-in-rate-limited", BrowserSupport.PHONE);
    page.context().close();
  }

  @Test
  void aSessionThatEndsAnywhereReturnsToSignInWithTheApisMessage() {
    Page page = browser.newPage(BrowserSupport.DESKTOP);
    new FakeApi(page).signedIn("viewer")
        .answer("GET", "**/api/surveys", 401, "{\"error\": \"Your session has ended. Please sign in again.\"}");
    page.navigate(server.adminUrl() + "#/surveys");
    page.locator("#signin-form").waitFor();
    assertEquals("Your session has ended. Please sign in again.", page.locator("#signin-message [role=alert]").textContent());
    assertTrue(page.locator("#main-nav").isHidden(), "the signed-in navigation is gone");
    page.context().close();
  }

  private static String focusedId(Page page) {
    return (String) page.evaluate("document.activeElement && document.activeElement.id");
  }
}
