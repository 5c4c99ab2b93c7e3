package org.kila.gateway.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.LoadState;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.kila.gateway.testing.TestDatabase;
import org.kila.gateway.testing.TestGateway;
import org.kila.gateway.testing.UssdPhone;
import org.kila.gateway.testing.UssdPhone.Via;

/**
 * A survey edited after launch, in the real admin page against a real gateway: an officer launches
 * version 1, residents answer it by USSD, the officer edits the launched survey into version 2 and
 * launches that, more residents answer, and the results page shows the counts of all versions together,
 * of version 1 alone and of version 2 alone, with every panel and download following the version picked.
 * Screenshots land in target/screenshots/versions-*.
 */
class ResultsVersionsBrowserIT {
  private static final String EMAIL = "officer@example.org";
  private static final String PASSWORD = "a long enough passphrase";
  private static final String SURVEY = "clinic-waits";
  private static final String CODE = "*384*78#";
  private static final String DEFINITION = """
      {"id": "clinic-waits", "version": 1, "title": {"en": "Clinic waits"},
       "languages": [{"code": "en", "name": "English"}],
       "triggers": {"ussd": ["*384*78#"], "sms": []},
       "questions": [
         {"id": "gender", "type": "single_choice", "text": {"en": "Are you"},
          "choices": [{"value": "female", "label": {"en": "Female"}}, {"value": "male", "label": {"en": "Male"}}],
          "stratifier": {"profileKey": "gender"}},
         {"id": "waited", "type": "yes_no", "text": {"en": "Did you wait more than an hour?"}}]}""";

  @RegisterExtension
  @Order(1)
  static final TestDatabase db = new TestDatabase();

  @RegisterExtension
  @Order(2)
  static final TestGateway gateway = new TestGateway(db, Map.of(
      "KILA_ADMIN_EMAIL", EMAIL, "KILA_ADMIN_PASSWORD", PASSWORD));

  private static BrowserSupport browser;
  private static int shot;
  private static int residents;

  @BeforeAll
  static void start() {
    browser = BrowserSupport.launch();
  }

  @AfterAll
  static void stop() {
    if (browser != null) browser.close();
  }

  @Test
  void theResultsOfEachVersionAndOfAllTogetherAreOnePickAway() {
    Page page = browser.newPage(BrowserSupport.DESKTOP);
    signIn(page);
    createAndLaunchVersion1(page);
    // Version 1: 6 women, 5 of whom waited more than an hour.
    for (int i = 0; i < 5; i++) answerByUssd("1", "1");
    answerByUssd("1", "2");
    editIntoVersion2AndLaunchIt(page);
    // Version 2: 7 men, none of whom waited that long.
    for (int i = 0; i < 7; i++) answerByUssd("2", "2");

    openResults(page);
    assertEquals("", page.locator("#results-version").inputValue(), "all versions by default");
    assertEquals(List.of("All versions", "Version 2 (live)", "Version 1 (closed)"),
        page.locator("#results-version option").allTextContents());
    assertEquals("13", total(page, "completed"));
    tally(page, "by gender");
    assertEquals("13", page.locator("#tally-total").textContent());
    assertEquals("6", row(page, "female").locator("td.total").textContent());
    assertEquals("7", row(page, "male").locator("td.total").textContent());
    assertTrue(page.locator("#export-responses").getAttribute("href").endsWith("/export/responses.csv"),
        "no version in the links: " + page.locator("#export-responses").getAttribute("href"));
    screenshot(page, "all");

    pick(page, "1");
    assertEquals("6", total(page, "completed"));
    assertEquals("6", total(page, "started"));
    page.locator("#tally-question").selectOption("waited");
    tally(page, "by gender");
    assertTrue(page.locator("#tally-table caption").textContent().startsWith("Did you wait more than an hour?"),
        "version 1's wording: " + page.locator("#tally-table caption").textContent());
    assertEquals(0, row(page, "male").count(), "no man answered version 1");
    assertTrue(row(page, "female").locator("td").nth(1).textContent().startsWith("<5"),
        "the one woman who did not wait is hidden: " + row(page, "female").textContent());
    assertEquals("<5", page.locator("#tally-total").textContent(),
        "and so is the total of 6, which with the 5 who waited would give her away");
    assertTrue(page.locator("#tally-note").textContent().contains("hidden to protect small groups"),
        page.locator("#tally-note").textContent());
    assertTrue(page.locator("#export-tallies").getAttribute("href").contains("version=1"));
    assertTrue(page.locator("#export-codebook").getAttribute("href").endsWith("codebook.csv?version=1"));
    assertEquals("clinic-waits-v1-responses.csv", page.locator("#export-responses").getAttribute("download"));
    assertTrue(page.url().endsWith("#/surveys/" + SURVEY + "/results?version=1"), page.url());

    pick(page, "2");
    assertEquals("7", total(page, "completed"));
    page.locator("#tally-question").selectOption("waited");
    tally(page, "by gender");
    assertTrue(page.locator("#tally-table caption").textContent().startsWith("Did you wait more than two hours?"),
        "version 2's wording: " + page.locator("#tally-table caption").textContent());
    assertEquals("7", row(page, "male").locator("td.total").textContent());
    assertEquals("7", row(page, "male").locator("td").nth(1).locator(".cell > span").first().textContent(),
        "all 7 men said no");
    assertTrue(page.locator("#export-responses").getAttribute("href").contains("version=2"));
    Accessibility.assertNoViolations(page, "the results page with a version picked");
    screenshot(page, "version-2");

    page.reload();
    page.locator("[data-test=total-completed]").waitFor();
    assertEquals("2", page.locator("#results-version").inputValue(), "the address keeps the version picked");
    assertEquals("7", total(page, "completed"));
    pick(page, "");
    assertEquals("13", total(page, "completed"));
    page.context().close();
  }

  private static void signIn(Page page) {
    page.navigate(gateway.url("/admin/"));
    page.locator("#signin-email").fill(EMAIL);
    page.locator("#signin-password").fill(PASSWORD);
    page.locator("#signin-submit").click();
    page.locator("#new-survey").waitFor();
  }

  /** Writes the survey in the editor's JSON tab, saves it as a draft and launches it. */
  private static void createAndLaunchVersion1(Page page) {
    page.locator("#new-survey").click();
    page.locator("#tab-json").click();
    page.locator("#survey-json").fill(DEFINITION);
    page.locator("#check-status:has-text('No problems found')").waitFor();
    page.locator("#save-draft").click();
    page.locator("#version-1-launch").click();
    page.locator("#confirm-ok").click();
    page.locator("#version-1-pause").waitFor();
  }

  /** A launched version cannot change: "Edit as new version", reword a question, save and launch version 2. */
  private static void editIntoVersion2AndLaunchIt(Page page) {
    page.locator("#edit-new-version").click();
    page.locator("#tab-form").click();
    page.locator("#survey-form [data-path='questions[1].text.en']").fill("Did you wait more than two hours?");
    page.locator("#save-draft").click();
    page.locator("#save-message:has-text('Saved as draft version 2.')").waitFor();
    page.locator("#version-2-launch").click();
    String consequence = page.locator("#confirm-message").textContent();
    assertTrue(consequence.contains("Version 1 stops taking answers and is closed."), consequence);
    page.locator("#confirm-ok").click();
    page.locator("#version-2-pause").waitFor();
  }

  /** One resident dials the code and answers gender, then whether they waited. */
  private static void answerByUssd(String gender, String waited) {
    int n = ++residents;
    UssdPhone phone = new UssdPhone(gateway, Via.AFRICAS_TALKING, String.format("0712%06d", 780_000 + n), CODE, "rv-" + n)
        .dial();
    assertTrue(phone.screen().contains("Are you"), phone.screen());
    phone.answer(gender);
    assertTrue(phone.screen().contains("Did you wait"), phone.screen());
    phone.answer(waited);
    assertTrue(phone.ended(), "the survey ends after the last question:\n" + phone.screen());
  }

  private static void openResults(Page page) {
    page.locator("#main-nav [data-nav=surveys]").click();
    page.locator("[data-survey=" + SURVEY + "] [data-test=survey-results]").click();
    page.locator("[data-test=total-completed]").waitFor();
  }

  /** Picks a version ("" for all) and waits until the panels show it. */
  private static void pick(Page page, String version) {
    page.locator("#results-version").selectOption(version);
    page.locator("#results-body[aria-busy]").waitFor(new Locator.WaitForOptions()
        .setState(com.microsoft.playwright.options.WaitForSelectorState.DETACHED));
    page.locator("[data-test=total-completed]").waitFor();
    page.waitForLoadState(LoadState.NETWORKIDLE);
  }

  /** Shows the tally of the chosen question by gender and waits for it. */
  private static void tally(Page page, String caption) {
    page.locator("#tally-by-1").selectOption("gender");
    page.locator("#tally-show").click();
    page.locator("#tally-table caption:has-text('" + caption + "')").waitFor();
    page.waitForLoadState(LoadState.NETWORKIDLE);
  }

  private static Locator row(Page page, String gender) {
    return page.locator("#tally-table tr[data-stratum='{\"gender\":\"" + gender + "\"}']");
  }

  private static String total(Page page, String key) {
    return page.locator("[data-test=total-" + key + "] .value").textContent();
  }

  private static void screenshot(Page page, String step) {
    BrowserSupport.screenshot(page, String.format("versions-%02d-%s", ++shot, step), BrowserSupport.DESKTOP);
  }
}
