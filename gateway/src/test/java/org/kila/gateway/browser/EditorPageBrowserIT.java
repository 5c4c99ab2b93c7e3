package org.kila.gateway.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.LoadState;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The survey editor and phone simulator against an API answered in the browser: problems land at their
 * field and go when fixed, the JSON tab follows the form, the simulator shows the screen with its counts,
 * and state-changing requests carry the CSRF token. The same flows run against a real gateway end to end.
 */
class EditorPageBrowserIT {
  private static final String MISSING_VALUE =
      "{\"problems\": [{\"path\": \"questions[0].choices[0].value\", \"message\": \"\\\"\\\" is not a valid choice value\"}],"
          + " \"warnings\": []}";
  private static final String NO_PROBLEMS = "{\"problems\": [], \"warnings\": []}";
  private static final String SCREEN = "{\"state\": {\"at\": 0}, \"screen\": \"Are you in school?\\n1. Yes\\n2. No\","
      + " \"done\": false, \"chars\": 31, \"limit\": 160, \"encoding\": \"GSM-7\", \"segments\": 1, \"events\": []}";

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
  void aProblemShowsAtItsFieldAndGoesWhenFixedAndTheSimulatorRunsTheDraft() {
    Page page = browser.newPage(BrowserSupport.DESKTOP);
    List<String> csrfHeaders = new CopyOnWriteArrayList<>();
    page.onRequest(request -> {
      if (request.url().contains("/api/") && !request.method().equals("GET")) {
        csrfHeaders.add(String.valueOf(request.headers().get("x-csrf-token")));
      }
    });
    FakeApi api = new FakeApi(page).signedIn("designer");
    api.answer("POST", "**/api/surveys/validate", 200,
        body -> body.contains("\"choices\":[{\"value\":\"\"") ? MISSING_VALUE : NO_PROBLEMS);
    api.answer("POST", "**/api/simulate", 200, SCREEN);
    AtomicLong bytes = new AtomicLong();
    page.onRequestFinished(r -> bytes.addAndGet(r.sizes().responseBodySize + r.sizes().responseHeadersSize));

    page.navigate(server.adminUrl() + "#/surveys/new");
    Locator value = page.locator("[data-path='questions[0].choices[0].value']");
    Locator problem = page.locator("[data-problem-for='questions[0].choices[0].value']");
    problem.waitFor();
    assertEquals("\"\" is not a valid choice value", problem.textContent());
    assertEquals("true", value.getAttribute("aria-invalid"));
    assertTrue(value.getAttribute("aria-describedby").contains(problem.getAttribute("id")),
        "the problem is read out with its input");
    assertTrue(page.locator("#problem-list").textContent().contains("Question 1 “q1” › choice 1 › value"),
        "the summary names the place in plain words: " + page.locator("#problem-list").textContent());
    page.waitForLoadState(LoadState.NETWORKIDLE);
    BrowserSupport.screenshot(page, "editor-problem", BrowserSupport.DESKTOP);

    page.locator("[data-path='questions[0].choices[0].label.en']").fill("Yes, in school");
    assertEquals("yes_in_school", value.inputValue(), "the stored value follows the first label until typed");
    page.locator("#check-status:has-text('No problems found')").waitFor();
    assertEquals(0, problem.count(), "the problem is gone once fixed");
    assertFalse(value.getAttribute("aria-invalid") != null);

    page.locator("#tab-json").click();
    String json = page.locator("#survey-json").inputValue();
    assertTrue(json.contains("\"value\": \"yes_in_school\""), json);
    page.locator("#survey-json").fill(json.replace("\"id\": \"\"", "\"id\": \"youth-voice-ke\""));
    page.locator("#tab-form").click();
    assertEquals("youth-voice-ke", page.locator("#survey-id").inputValue(), "the form follows the JSON tab");

    page.locator("#sim-restart").click();
    page.locator("#sim-screen:has-text('Are you in school?')").waitFor();
    assertEquals("31 / 160 characters · GSM-7", page.locator("#sim-meter").textContent());
    page.locator("#sim-channel-sms").check();
    page.locator("#sim-meter:has-text('1 SMS')").waitFor();

    assertFalse(csrfHeaders.isEmpty());
    assertTrue(csrfHeaders.stream().allMatch("csrf-123"::equals), "every POST carries the CSRF token: " + csrfHeaders);
    assertTrue(bytes.get() < 300 * 1024, "sign-in plus editor moved " + bytes.get() + " bytes");
    System.out.printf("Admin page editor load: %d bytes%n", bytes.get());
    BrowserSupport.screenshot(page, "editor-simulator", BrowserSupport.DESKTOP);
    Accessibility.assertNoViolations(page, "the survey editor");
    page.context().close();
  }

  @Test
  void aLaunchedVersionOpensReadOnlyWithEditAsNewVersion() {
    Page page = surveyWithALiveVersion();
    page.navigate(server.adminUrl() + "#/surveys/youth-voice-ke/versions/1");
    page.locator("#edit-new-version").waitFor();
    assertTrue(page.locator("#survey-id").isDisabled(), "a launched version cannot be edited in place");
    assertTrue(page.locator("[data-path='title.en']").isDisabled());
    page.locator("#edit-new-version").click();
    assertEquals("3", page.locator("#survey-version").inputValue(), "edits become the next version");
    assertFalse(page.locator("[data-path='title.en']").isDisabled());
    page.context().close();
  }

  @Test
  void launchIsConfirmedWithItsConsequenceAndARefusalIsShownAsGiven() {
    Page page = surveyWithALiveVersion();
    page.navigate(server.adminUrl() + "#/surveys/youth-voice-ke/edit");
    page.locator("#version-2-launch").click();
    String consequence = page.locator("#confirm-message").textContent();
    assertTrue(consequence.contains("People who dial *384*12# will get version 2."), consequence);
    assertTrue(consequence.contains("Version 1 stops taking answers"), consequence);
    page.locator("#confirm-ok").click();
    page.locator("#version-message [role=alert]").waitFor();
    assertEquals("USSD code *384*12# is already used by survey youth-voice-ug",
        page.locator("#version-message [role=alert]").textContent());
    BrowserSupport.screenshot(page, "editor-launch-refused", BrowserSupport.DESKTOP);
    page.context().close();
  }

  /** Survey youth-voice-ke with version 1 live and version 2 a draft whose launch the API refuses. */
  private static Page surveyWithALiveVersion() {
    Page page = browser.newPage(BrowserSupport.DESKTOP);
    String definition = "{\"id\": \"youth-voice-ke\", \"version\": 1, \"title\": {\"en\": \"Youth voice\"},"
        + " \"languages\": [{\"code\": \"en\", \"name\": \"English\"}], \"triggers\": {\"ussd\": [\"*384*12#\"], \"sms\": []},"
        + " \"questions\": [{\"id\": \"school\", \"type\": \"yes_no\", \"text\": {\"en\": \"In school?\"}}]}";
    new FakeApi(page).signedIn("designer")
        .answer("GET", "**/api/surveys/youth-voice-ke", 200, "{\"id\": \"youth-voice-ke\", \"versions\": [{\"version\": 1,"
            + " \"status\": \"launched\"}, {\"version\": 2, \"status\": \"draft\"}], \"latest\": {\"version\": 2,"
            + " \"status\": \"draft\", \"definition\": " + definition.replace("\"version\": 1", "\"version\": 2") + "}}")
        .answer("GET", "**/api/surveys/youth-voice-ke/versions/1", 200,
            "{\"version\": 1, \"status\": \"launched\", \"definition\": " + definition + "}")
        .answer("POST", "**/api/surveys/validate", 200, NO_PROBLEMS)
        .answer("POST", "**/api/surveys/youth-voice-ke/versions/2/launch", 409,
            "{\"error\": \"USSD code *384*12# is already used by survey youth-voice-ug\"}");
    return page;
  }

  @Test
  void theEditorFitsAPhoneScreen() {
    Page page = browser.newPage(BrowserSupport.PHONE);
    new FakeApi(page).signedIn("designer")
        .answer("POST", "**/api/surveys/validate", 200, MISSING_VALUE);
    page.navigate(server.adminUrl() + "#/surveys/new");
    page.locator("[data-problem-for='questions[0].choices[0].value']").waitFor();
    assertTrue((Boolean) page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"),
        "nothing sticks out sideways on a phone");
    BrowserSupport.screenshot(page, "editor", BrowserSupport.PHONE);
    page.context().close();
  }
}
