package org.kila.gateway.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.LoadState;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
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
 * The whole round trip a programme officer makes, in the real admin page against a real gateway and
 * database (no API answered in the browser): sign in, build a two-language survey with a stratifier and a
 * quota, fix the missing translation the validator points at, give it its own SMS follow-ups (quiet hours,
 * fixing the time zone the validator does not know), try it in the phone simulator, launch it,
 * let residents answer it by dialling the USSD code, and see the counts, the tally by gender (small
 * groups hidden) and the quota fill change. Screenshots of each step land in target/screenshots/roundtrip-*.
 */
class AdminRoundTripBrowserIT {
  private static final String EMAIL = "officer@example.org";
  private static final String PASSWORD = "a long enough passphrase";
  private static final String SURVEY = "clinic-visits-ke";
  private static final String CODE = "*384*77#";

  @RegisterExtension
  @Order(1)
  static final TestDatabase db = new TestDatabase();

  // The default suppression threshold (5) stays: the test answers enough times for cells to show.
  @RegisterExtension
  @Order(2)
  static final TestGateway gateway = new TestGateway(db, Map.of(
      "KILA_ADMIN_EMAIL", EMAIL, "KILA_ADMIN_PASSWORD", PASSWORD));

  private static BrowserSupport browser;
  private static int shot;

  @BeforeAll
  static void start() {
    browser = BrowserSupport.launch();
  }

  @AfterAll
  static void stop() {
    if (browser != null) browser.close();
  }

  @Test
  void anOfficerBuildsLaunchesAndReadsASurveyThatResidentsAnsweredByUssd() {
    Page page = browser.newPage(BrowserSupport.DESKTOP);
    signIn(page);
    buildSurvey(page);
    fixTheMissingTranslation(page);
    setSmsFollowUps(page);
    saveDraft(page);
    tryInTheSimulator(page);
    launch(page);
    seeResultsBeforeAnyAnswer(page);

    // Residents dial the code: 7 women (6 yes, 1 no), 5 men and 5 who prefer not to say (all yes). The one
    // "no" is a group of fewer than 5, so it is hidden, and so is what would give it away.
    int n = 0;
    for (int i = 0; i < 6; i++) answerByUssd(++n, "1", "1");
    answerByUssd(++n, "1", "2");
    for (int i = 0; i < 5; i++) answerByUssd(++n, "2", "1");
    for (int i = 0; i < 5; i++) answerByUssd(++n, "3", "1");

    seeResultsAfterTheAnswers(page);
    page.context().close();
  }

  private static void signIn(Page page) {
    HttpResponse<String> bare = gateway.get("/admin");
    assertEquals(302, bare.statusCode(), "the address without its slash leads to the page");
    assertEquals("/admin/", bare.headers().firstValue("Location").orElse(""));
    page.navigate(gateway.url("/admin/"));
    page.locator("#signin-email").fill(EMAIL);
    page.locator("#signin-password").fill(PASSWORD);
    screenshot(page, "signin");
    page.locator("#signin-submit").click();
    page.locator("#new-survey").waitFor();
    page.locator("[data-survey=youth-voice-ke]").waitFor(); // the bundled surveys are listed
    screenshot(page, "surveys");
  }

  private static void buildSurvey(Page page) {
    page.locator("#new-survey").click();
    page.locator("#survey-id").fill(SURVEY);
    field(page, "title.en").fill("Clinic visits");

    page.locator("#language-code").fill("sw");
    page.locator("#language-code").press("Tab");
    assertEquals("Kiswahili", page.locator("#language-name").inputValue(), "a known code brings its name");
    page.locator("#add-language").click();
    field(page, "title.sw").fill("Kutembelea kliniki");

    page.locator("#add-ussd-code").click();
    page.locator("#ussd-code-0").fill(CODE);

    field(page, "questions[0].id").fill("gender");
    field(page, "questions[0].id").press("Tab");
    field(page, "questions[0].text.en").fill("Are you");
    field(page, "questions[0].text.sw").fill("Wewe ni");
    page.locator("[data-path='questions[0]'] [data-test=add-choice]").click();
    String[][] choices = {{"Female", "Mwanamke"}, {"Male", "Mwanaume"}, {"Prefer not to say", "Sipendi kusema"}};
    for (int i = 0; i < choices.length; i++) {
      field(page, "questions[0].choices[" + i + "].label.en").fill(choices[i][0]);
      field(page, "questions[0].choices[" + i + "].label.sw").fill(choices[i][1]);
    }
    assertEquals("prefer_not_to_say", field(page, "questions[0].choices[2].value").inputValue());
    field(page, "questions[0].choices[2].preferNotToSay").check();
    field(page, "questions[0].stratifier.enabled").check();
    assertEquals("gender", field(page, "questions[0].stratifier.profileKey").inputValue(),
        "the profile key starts as the question id");

    page.locator("#add-question").click();
    field(page, "questions[1].id").fill("clinic");
    field(page, "questions[1].id").press("Tab");
    field(page, "questions[1].type").selectOption("yes_no");
    field(page, "questions[1].text.en").fill("Did you visit a clinic this year?");
    // The Kiswahili text of this question is left empty on purpose: the validator must point at it.

    page.locator("#add-quota").click();
    field(page, "quotas[0].id").fill("gender_quota");
    page.locator("[data-key='quotas[0].targets.all']").click();
    int[] targets = {10, 10, 5};
    for (int i = 0; i < targets.length; i++) {
      field(page, "quotas[0].targets[" + i + "].count").fill(Integer.toString(targets[i]));
    }
    assertEquals("female", field(page, "quotas[0].targets[0].stratum.gender").inputValue());
  }

  private static void fixTheMissingTranslation(Page page) {
    Locator problem = page.locator("[data-problem-for='questions[1].text.sw']");
    problem.waitFor();
    assertTrue(problem.textContent().toLowerCase().contains("sw"), "the problem names the language: " + problem.textContent());
    assertEquals("true", field(page, "questions[1].text.sw").getAttribute("aria-invalid"));
    problem.scrollIntoViewIfNeeded();
    screenshot(page, "editor-problem");

    field(page, "questions[1].text.sw").fill("Ulitembelea kliniki mwaka huu?");
    page.locator("#check-status:has-text('No problems found')").waitFor();
    assertEquals(0, problem.count(), "the problem is gone once the translation is there");
    screenshot(page, "editor-no-problems");
  }

  /** No texts after 19:00, two reminders, never a nudge; finishing by SMS is left to the gateway. */
  private static void setSmsFollowUps(Page page) {
    field(page, "sms.quietHours").fill("19:00-07:00");
    field(page, "sms.timeZone").fill("Africa/Nairobbi");
    Locator problem = page.locator("[data-problem-for='sms.timeZone']");
    problem.waitFor();
    assertEquals("\"Africa/Nairobbi\" is not a time zone (did you mean \"Africa/Nairobi\"?)", problem.textContent());
    assertEquals("true", field(page, "sms.timeZone").getAttribute("aria-invalid"));
    assertTrue(page.locator("#problem-list").textContent().contains("SMS follow-ups › time zone"),
        "the summary names the place in plain words: " + page.locator("#problem-list").textContent());
    problem.scrollIntoViewIfNeeded();
    screenshot(page, "sms-problem");

    field(page, "sms.timeZone").fill("Africa/Nairobi");
    field(page, "sms.reminders").fill("2");
    field(page, "sms.nudge").selectOption("false");
    page.locator("#check-status:has-text('No problems found')").waitFor();
    assertEquals(0, problem.count(), "the problem is gone once the time zone is one");
    page.locator("#tab-json").click();
    String json = page.locator("#survey-json").inputValue();
    assertTrue(json.contains("\"quietHours\": \"19:00-07:00\"") && json.contains("\"nudge\": false"),
        "the JSON tab follows the form: " + json);
    page.locator("#tab-form").click();
  }

  private static void saveDraft(Page page) {
    page.locator("#save-draft").click();
    page.locator("#version-1-launch").waitFor();
    assertTrue(page.url().endsWith("#/surveys/" + SURVEY + "/edit"), page.url());
    assertEquals(SURVEY, page.locator("#survey-id").inputValue(), "the saved draft opens again");
    assertEquals("Ulitembelea kliniki mwaka huu?", field(page, "questions[1].text.sw").inputValue());
    assertEquals("19:00-07:00", field(page, "sms.quietHours").inputValue());
    assertEquals("Africa/Nairobi", field(page, "sms.timeZone").inputValue());
    assertEquals("2", field(page, "sms.reminders").inputValue());
    assertEquals("false", field(page, "sms.nudge").inputValue());
    assertEquals("", field(page, "sms.finishBySms").inputValue(), "left to the gateway");
    String definition = db.jdbi().withHandle(h -> h.createQuery(
        "SELECT definition::text FROM survey_version WHERE survey_id = :id AND version = 1").bind("id", SURVEY)
        .mapTo(String.class).one());
    JsonObject stored = new JsonObject(definition);
    assertEquals(new JsonObject().put("quietHours", "19:00-07:00").put("timeZone", "Africa/Nairobi").put("reminders", 2)
        .put("nudge", false), stored.getJsonObject("sms"), "only what was set is saved: the rest stays the gateway's");
    screenshot(page, "saved");
  }

  private static void tryInTheSimulator(Page page) {
    page.locator("#sim-restart").click();
    Locator screen = page.locator("#sim-screen");
    page.locator("#sim-screen:has-text('2. Kiswahili')").waitFor();
    assertTrue(screen.textContent().contains("1. English"), screen.textContent());
    page.locator("#sim-input").fill("2");
    page.locator("#sim-send").click();
    page.locator("#sim-screen:has-text('Wewe ni')").waitFor();
    assertTrue(screen.textContent().contains("1. Mwanamke"), "the gender question in Kiswahili: " + screen.textContent());
    page.locator("#sim-input").fill("1");
    page.locator("#sim-send").click();
    page.locator("#sim-screen:has-text('Ulitembelea kliniki')").waitFor();
    String meter = page.locator("#sim-meter").textContent();
    assertTrue(meter.matches("\\d+ / 160 characters · GSM-7"), "the character counter: " + meter);
    screenshot(page, "simulator");
  }

  private static void launch(Page page) {
    page.locator("#version-1-launch").click();
    String consequence = page.locator("#confirm-message").textContent();
    assertTrue(consequence.contains("People who dial " + CODE + " will get version 1."), consequence);
    screenshot(page, "launch-confirm");
    page.locator("#confirm-ok").click();
    page.locator("#version-1-pause").waitFor();
    assertEquals("", page.locator("#version-message").textContent(), "no refusal");
    screenshot(page, "launched");
  }

  private static void seeResultsBeforeAnyAnswer(Page page) {
    openResults(page);
    assertEquals("0", total(page, "completed"));
    Locator quota = page.locator("#quota-fill [data-quota=gender_quota]");
    assertTrue(quota.textContent().contains("0 of 10"), quota.textContent());
    screenshot(page, "results-before");
  }

  /** One resident dials the code, picks English, answers gender then the yes/no question. */
  private static void answerByUssd(int n, String gender, String clinic) {
    UssdPhone phone = new UssdPhone(gateway, Via.AFRICAS_TALKING, String.format("0712%06d", 770_000 + n), CODE, "rt-" + n)
        .dial();
    assertTrue(phone.screen().contains("1. English") && phone.screen().contains("2. Kiswahili"), phone.screen());
    phone.answer("1");
    assertTrue(phone.screen().contains("Are you") && phone.screen().contains("3. Prefer not to say"), phone.screen());
    phone.answer(gender);
    assertTrue(phone.screen().contains("Did you visit a clinic this year?"), phone.screen());
    phone.answer(clinic);
    assertTrue(phone.ended(), "the survey ends after the last question:\n" + phone.screen());
  }

  private static void seeResultsAfterTheAnswers(Page page) {
    openResults(page);
    assertEquals("17", total(page, "completed"));
    assertEquals("17", total(page, "started"));

    String fill = page.locator("#quota-fill [data-quota=gender_quota]").textContent();
    assertTrue(fill.contains("female7 of 10 · 3 to go"), "women: " + fill);
    assertTrue(fill.contains("male5 of 10 · 5 to go"), "men: " + fill);
    assertTrue(fill.contains("prefer_not_to_say5 of 5 · target met"), "prefer not to say: " + fill);

    page.locator("#tally-question").selectOption("clinic");
    page.locator("#tally-by-1").selectOption("gender");
    page.locator("#tally-show").click();
    page.locator("#tally-table caption:has-text('by gender')").waitFor();
    Locator men = row(page, "male");
    assertEquals("5", men.locator("td").nth(0).locator(".cell > span").first().textContent(), "five men said yes");
    assertEquals("5", men.locator("td.total").textContent());
    Locator women = row(page, "female");
    assertTrue(women.locator("td").nth(1).textContent().startsWith("<5"), "one woman said no, shown as <5: " + women.textContent());
    assertTrue(women.locator("td").nth(0).textContent().startsWith("hidden"),
        "the women's yes would give the no away (7 - 6), so it is hidden too: " + women.textContent());
    assertEquals("7", women.locator("td.total").textContent());
    assertEquals("5", row(page, "prefer_not_to_say").locator("td").nth(0).locator(".cell > span").first().textContent());
    assertEquals("17", page.locator("#tally-total").textContent());
    // Hidden: the women's no and yes, the no total over everyone (1), and the yes total that gives it away (17 - 16).
    assertTrue(page.locator("#tally-note").textContent().startsWith("4 cells hidden to protect small groups"),
        page.locator("#tally-note").textContent());
    page.waitForLoadState(LoadState.NETWORKIDLE);
    screenshot(page, "results-after");
  }

  private static Locator row(Page page, String gender) {
    return page.locator("#tally-table tr[data-stratum='{\"gender\":\"" + gender + "\"}']");
  }

  /** Back to the surveys list, then the survey's Results link, as a person finds them. */
  private static void openResults(Page page) {
    page.locator("#main-nav [data-nav=surveys]").click();
    page.locator("[data-survey=" + SURVEY + "] [data-test=survey-results]").click();
    page.locator("[data-test=total-completed]").waitFor();
    page.locator("#quota-fill").waitFor();
  }

  private static String total(Page page, String key) {
    return page.locator("[data-test=total-" + key + "] .value").textContent();
  }

  private static Locator field(Page page, String path) {
    return page.locator("#survey-form [data-path='" + path + "']");
  }

  private static void screenshot(Page page, String step) {
    BrowserSupport.screenshot(page, String.format("roundtrip-%02d-%s", ++shot, step), BrowserSupport.DESKTOP);
  }
}
