package org.kila.gateway.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.LoadState;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The results page as a coordinator (viewer) sees it, against API answers written as the contract gives
 * them: hidden small cells are marked and explained, quota gaps show, and no design or export control
 * appears.
 */
class ResultsPageBrowserIT {
  private static final String SURVEY = """
      {"id": "youth-voice-ke", "versions": [{"version": 1, "status": "launched"}],
       "latest": {"version": 1, "status": "launched", "definition": {
         "id": "youth-voice-ke", "version": 1, "title": {"en": "Youth voice"}, "languages": [{"code": "en", "name": "English"}],
         "questions": [
           {"id": "gender", "type": "single_choice", "text": {"en": "Your gender?"}, "stratifier": {"profileKey": "gender"},
            "choices": [{"value": "female", "label": {"en": "Female"}}, {"value": "male", "label": {"en": "Male"}}]},
           {"id": "school", "type": "yes_no", "text": {"en": "In school?"}},
           {"id": "comment", "type": "text", "text": {"en": "Anything else?"}, "maxLength": 60}]}}}""";
  private static final String PARTICIPATION = """
      {"threshold": 5, "totals": {"started": 40, "completed": 30, "screenedOut": null, "declined": 6, "dropped": 7, "active": 0},
       "byChannel": [{"channel": "ussd", "started": 40, "completed": 30, "screenedOut": null, "declined": 6, "dropped": 7}],
       "byDay": [{"day": "2026-11-23", "started": 25, "completed": 20}, {"day": "2026-11-24", "started": 15, "completed": 10}],
       "dropOff": [{"questionId": "school", "text": "In school?", "dropped": 7}],
       "byStratum": [{"stratum": {"gender": "female"}, "started": 22, "completed": 18}],
       "quotas": [{"quotaId": "by_gender", "stratum": {"gender": "female"}, "target": 20, "completed": 18, "gap": 2},
                  {"quotaId": "by_gender", "stratum": {"gender": "male"}, "target": 20, "completed": 12, "gap": 8}]}""";
  private static final String TALLY = """
      {"question": {"id": "school", "type": "yes_no", "text": "In school?", "choices": [{"value": "yes", "label": "Yes"}, {"value": "no", "label": "No"}]},
       "by": ["gender"], "threshold": 5, "hidden": 2, "total": 30,
       "cells": [{"answer": "yes", "stratum": {"gender": "female"}, "count": 15, "suppressed": null, "percent": 83.3},
                 {"answer": "no", "stratum": {"gender": "female"}, "count": null, "suppressed": "primary", "percent": null},
                 {"answer": "yes", "stratum": {"gender": "male"}, "count": null, "suppressed": "secondary", "percent": null},
                 {"answer": "no", "stratum": {"gender": "male"}, "count": 6, "suppressed": null, "percent": 50.0}],
       "margins": [{"stratum": {"gender": "female"}, "count": 18}, {"stratum": {"gender": "male"}, "count": 12}]}""";
  private static final String QUALITY = """
      {"duplicateWebhooks": 3, "invalidAnswers": 9, "gaveUp": 1, "timeouts": 4, "droppedByQuestion": [], "smsFailed": 0, "smsLate": 0}""";

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
  void aViewerSeesHiddenCellsMarkedAndExplainedAndNoDesignOrExportControls() {
    for (BrowserSupport.Screen screen : List.of(BrowserSupport.DESKTOP, BrowserSupport.PHONE)) {
      Page page = browser.newPage(screen);
      new FakeApi(page).signedIn("viewer")
          .answer("GET", "**/api/surveys/youth-voice-ke", 200, SURVEY)
          .answer("GET", "**/api/surveys/youth-voice-ke/participation**", 200, PARTICIPATION)
          .answer("GET", "**/api/surveys/youth-voice-ke/tally**", 200, TALLY)
          .answer("GET", "**/api/surveys/youth-voice-ke/quality", 200, QUALITY);
      page.navigate(server.adminUrl() + "#/surveys/youth-voice-ke/results");
      page.locator("#tally-table").waitFor();
      page.waitForLoadState(LoadState.NETWORKIDLE);

      assertEquals("2 cells hidden to protect small groups (fewer than 5 people) — secondary suppression hides"
          + " others so totals cannot reveal them.", page.locator("#tally-note").textContent());
      String female = page.locator("#tally-table tr[data-stratum='{\"gender\":\"female\"}']").innerText();
      assertTrue(female.contains("15") && female.contains("83.3%") && female.contains("<5"), female);
      assertTrue(page.locator("#tally-table tr[data-stratum='{\"gender\":\"male\"}']").innerText().contains("hidden"));
      assertEquals("<5", page.locator("[data-test=total-screenedOut] .value").textContent(), "a hidden total reads <5");
      assertTrue(page.locator("[data-quota=by_gender]").innerText().contains("8 to go"), "the quota gap is spelled out");

      assertEquals(0, page.locator("#exports").count(), "no downloads for a viewer");
      assertEquals(0, page.locator("a[href$='/edit']").count(), "no way into the editor for a viewer");
      assertEquals(List.of("gender", "school"), page.locator("#tally-question option").evaluateAll("os => os.map(o => o.value)"),
          "free-text questions are not offered to a viewer");

      Accessibility.assertNoViolations(page, "the results page (" + screen.name() + ")");
      BrowserSupport.screenshot(page, "results", screen);
      page.context().close();
    }
  }
}
