package org.kila.gateway.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.kila.gateway.admin.auth.Role;
import org.kila.survey.Surveys;
import org.kila.survey.render.ChannelProfile;

/** Designing, saving, launching, pausing and closing surveys through the API, and what the USSD endpoint then serves. */
class SurveyApiIT {
  @RegisterExtension
  static final RunningGateway gateway = new RunningGateway();

  @Test
  void everyRoleSeesTheSurveysWithVersionsLiveVersionCodesAndCounts() {
    ApiClient.Answer answer = gateway.as(Role.VIEWER).get("/api/surveys");
    assertEquals(200, answer.status(), answer.body());
    JsonObject youth = find(answer.array(), "youth-voice-ke");
    assertEquals(1, youth.getInteger("liveVersion"));
    assertEquals(new JsonArray().add("en").add("sw"), youth.getJsonArray("languages"));
    assertEquals(new JsonArray().add("*384*12#"), youth.getJsonObject("triggers").getJsonArray("ussd"));
    assertEquals("launched", youth.getJsonArray("versions").getJsonObject(0).getString("status"));
    assertEquals("Youth Voice Kenya: taking part in county decisions", youth.getJsonObject("title").getString("en"));
    assertEquals(0, youth.getInteger("started"), "zero is shown: it describes nobody");
  }

  @Test
  void validationGivesTheCommandLineValidatorsProblems() {
    JsonObject broken = TestSurveys.clinicPoll("broken", "*384*90#");
    broken.getJsonArray("questions").getJsonObject(2).put("type", "yes_maybe");
    broken.remove("title");
    ApiClient designer = gateway.as(Role.DESIGNER);
    ApiClient.Answer answer = designer.post("/api/surveys/validate", broken);
    assertEquals(200, answer.status());
    JsonArray expected = Problems.json(Surveys.load(broken.encode(), ChannelProfile.ussd(160)).problems());
    assertTrue(expected.size() >= 2, expected.encode());
    assertEquals(expected, answer.json().getJsonArray("problems"));
    assertEquals(new JsonArray(), answer.json().getJsonArray("warnings"));

    ApiClient.Answer notJson = designer.post("/api/surveys/validate", "{\"id\": ");
    assertEquals(200, notJson.status(), "a half-typed definition is a problem to show, not a failed request");
    assertTrue(notJson.json().getJsonArray("problems").getJsonObject(0).getString("message").startsWith("not valid JSON at line 1"),
        notJson.body());

    ApiClient.Answer valid = designer.post("/api/surveys/validate", TestSurveys.clinicPoll("fine", "*384*91#"));
    assertEquals(new JsonArray(), valid.json().getJsonArray("problems"));
  }

  @Test
  void aSurveyThatDoesNotValidateIsRefusedWith422AndNotSaved() {
    JsonObject broken = TestSurveys.clinicPoll("never-saved", "*384*92#");
    broken.getJsonArray("questions").getJsonObject(0).getJsonArray("choices").remove(2);
    ApiClient.Answer answer = gateway.as(Role.DESIGNER).post("/api/surveys", broken);
    assertEquals(422, answer.status());
    assertEquals("The survey does not validate, so it was not saved: fix the problems listed.", answer.error());
    assertEquals(Problems.json(Surveys.load(broken.encode(), ChannelProfile.ussd(160)).problems()),
        answer.json().getJsonArray("problems"));
    assertEquals(404, gateway.admin().get("/api/surveys/never-saved").status());
  }

  @Test
  void malformedJsonGets400AndAnUnknownSurvey404() {
    ApiClient designer = gateway.as(Role.DESIGNER);
    ApiClient.Answer malformed = designer.post("/api/surveys", "{\"id\": \"x\",");
    assertEquals(400, malformed.status());
    assertEquals("The request body is not a survey definition (a JSON object).", malformed.error());
    assertTrue(malformed.json().getJsonArray("problems").getJsonObject(0).getString("message").startsWith("not valid JSON"));
    assertEquals(400, designer.post("/api/surveys", "[1, 2]").status());

    ApiClient.Answer unknown = designer.get("/api/surveys/no-such-survey");
    assertEquals(404, unknown.status());
    assertEquals(new JsonObject().put("error", "There is no survey 'no-such-survey'."), unknown.json());
    assertEquals("Survey 'youth-voice-ke' has no version 9.", designer.get("/api/surveys/youth-voice-ke/versions/9").error());
    assertEquals(400, designer.get("/api/surveys/youth-voice-ke/versions/nine").status());
    assertEquals(404, designer.put("/api/surveys/no-such-survey/draft", TestSurveys.clinicPoll("no-such-survey", "*384*93#")).status());
    ApiClient.Answer route = designer.get("/api/no/such/route");
    assertEquals(404, route.status());
    assertEquals("There is no GET /api/no/such/route in the Kila API.", route.error());
  }

  @Test
  void anOversizedBodyGets413WithAClearError() {
    JsonObject huge = TestSurveys.clinicPoll("huge", "*384*94#").put("padding", "x".repeat(RunningGateway.MAX_BODY));
    ApiClient.Answer answer = gateway.as(Role.DESIGNER).post("/api/surveys", huge);
    assertEquals(413, answer.status());
    assertEquals(new JsonObject().put("error", "The request is larger than the 65536 bytes allowed."), answer.json());
  }

  @Test
  void creatingTwiceGets409AndEveryCreationIsAudited() {
    ApiClient designer = gateway.as(Role.DESIGNER);
    JsonObject poll = TestSurveys.clinicPoll("created-once", "*384*95#").put("version", 7);
    ApiClient.Answer created = designer.post("/api/surveys", poll);
    assertEquals(201, created.status(), created.body());
    assertEquals(new JsonObject().put("id", "created-once").put("version", 1).put("status", "draft")
        .put("problems", new JsonArray()), created.json());
    assertEquals(1, designer.get("/api/surveys/created-once/versions/1").json().getJsonObject("definition").getInteger("version"),
        "the server sets the version, whatever the designer wrote");
    ApiClient.Answer again = designer.post("/api/surveys", poll);
    assertEquals(409, again.status());
    assertEquals("A survey with the id 'created-once' exists already: choose another id, or open that survey to change it.",
        again.error());
    JsonObject entry = audit("create", "created-once v1");
    assertEquals("designer@kila.test", entry.getString("actor"));
  }

  @Test
  void aDraftIsReplacedButALaunchedVersionIsNeverEdited() {
    ApiClient designer = gateway.as(Role.DESIGNER);
    JsonObject poll = TestSurveys.clinicPoll("drafts", "*384*96#");
    assertEquals(201, designer.post("/api/surveys", poll).status());
    poll.put("title", TestSurveys.en("Clinic poll, second try"));
    ApiClient.Answer replaced = designer.put("/api/surveys/drafts/draft", poll);
    assertEquals(new JsonObject().put("id", "drafts").put("version", 1).put("status", "draft"), replaced.json());
    assertEquals("Clinic poll, second try", designer.get("/api/surveys/drafts").json().getJsonObject("latest")
        .getJsonObject("definition").getJsonObject("title").getString("en"));

    assertEquals(200, designer.post("/api/surveys/drafts/versions/1/launch", null).status());
    poll.put("title", TestSurveys.en("Clinic poll, third try"));
    ApiClient.Answer next = designer.put("/api/surveys/drafts/draft", poll);
    assertEquals(new JsonObject().put("id", "drafts").put("version", 2).put("status", "draft"), next.json());
    JsonObject survey = designer.get("/api/surveys/drafts").json();
    assertEquals(2, survey.getJsonObject("latest").getInteger("version"));
    assertEquals(2, survey.getJsonObject("latest").getJsonObject("definition").getInteger("version"));
    assertEquals("Clinic poll, second try", designer.get("/api/surveys/drafts/versions/1").json()
        .getJsonObject("definition").getJsonObject("title").getString("en"), "the launched version is unchanged");
    assertEquals(List.of("launched", "draft"), survey.getJsonArray("versions").stream()
        .map(v -> ((JsonObject) v).getString("status")).toList());
    assertEquals("new version", audit("edit", "drafts v2").getString("detail"));

    ApiClient.Answer renamed = designer.put("/api/surveys/drafts/draft", poll.copy().put("id", "other-id"));
    assertEquals(422, renamed.status());
    assertEquals(new JsonObject().put("path", "id").put("message", "must stay 'drafts' (to start a different survey, create a new one)"),
        renamed.json().getJsonArray("problems").getJsonObject(0));
  }

  @Test
  void launchingServesTheSurveyOnItsCodeAtOnce() {
    ApiClient designer = gateway.as(Role.DESIGNER);
    assertEquals(201, designer.post("/api/surveys", TestSurveys.clinicPoll("launch-me", "*384*97#")).status());
    assertEquals("END This code is not in use. Please check the number you dialled.", dial("launch-1", "*384*97#"));

    ApiClient.Answer launched = designer.post("/api/surveys/launch-me/versions/1/launch", null);
    assertEquals(200, launched.status(), launched.body());
    assertEquals(new JsonObject().put("status", "launched"), launched.json());
    String screen = dial("launch-2", "*384*97#");
    assertTrue(screen.startsWith("CON Your gender?"), screen);
    assertTrue(screen.contains("Female"), screen);
    assertEquals("draft -> launched", audit("launch", "launch-me v1").getString("detail"));
    JsonObject listed = find(designer.get("/api/surveys").array(), "launch-me");
    assertEquals(1, listed.getInteger("liveVersion"));
  }

  @Test
  void aCodeAnotherSurveyUsesGets409NamingThatSurvey() {
    ApiClient designer = gateway.as(Role.DESIGNER);
    assertEquals(201, designer.post("/api/surveys", TestSurveys.clinicPoll("copycat", "*384*12#")).status());
    ApiClient.Answer answer = designer.post("/api/surveys/copycat/versions/1/launch", null);
    assertEquals(409, answer.status());
    assertEquals("USSD code *384*12# is already used by survey 'youth-voice-ke' version 1: close that survey or choose another",
        answer.error());
    assertEquals("draft", designer.get("/api/surveys/copycat/versions/1").json().getString("status"), "nothing changed");
    assertTrue(dial("copycat-1", "*384*12#").startsWith("CON "), "the code still starts the survey that holds it");
  }

  @Test
  void aPausedSurveyTellsNewRespondentsItIsPausedAndAClosedOneThatItHasClosedUntilItsCodeIsTaken() {
    ApiClient designer = gateway.as(Role.DESIGNER);
    assertEquals(201, designer.post("/api/surveys", TestSurveys.clinicPoll("pausing", "*384*98#")).status());
    assertEquals(200, designer.post("/api/surveys/pausing/versions/1/launch", null).status());
    assertEquals(new JsonObject().put("status", "paused"), designer.post("/api/surveys/pausing/versions/1/pause", null).json());
    assertEquals("END This survey is paused for now. Please try again later.", dial("pause-1", "*384*98#"));

    assertEquals(201, designer.post("/api/surveys", TestSurveys.clinicPoll("waiting", "*384*98#")).status());
    assertEquals(409, designer.post("/api/surveys/waiting/versions/1/launch", null).status(), "a paused survey keeps its code");

    assertEquals(200, designer.post("/api/surveys/pausing/versions/1/launch", null).status());
    assertTrue(dial("pause-2", "*384*98#").startsWith("CON Your gender?"), "launched again");

    assertEquals(new JsonObject().put("status", "closed"), designer.post("/api/surveys/pausing/versions/1/close", null).json());
    assertEquals("END This survey has closed and takes no more answers. Thank you for your time.", dial("pause-3", "*384*98#"),
        "a respondent who dials a closed survey's code is told so, not that the code is unknown");
    assertEquals(200, designer.post("/api/surveys/waiting/versions/1/launch", null).status(), "the code is free again");
    assertTrue(dial("pause-4", "*384*98#").startsWith("CON "));
    ApiClient.Answer relaunch = designer.post("/api/surveys/pausing/versions/1/launch", null);
    assertEquals(409, relaunch.status());
    assertTrue(relaunch.error().startsWith("Version 1 is closed and cannot be launched again"), relaunch.error());
    assertEquals(new JsonObject().put("status", "closed"), designer.post("/api/surveys/waiting/versions/1/close", null).json());
    assertEquals("END This survey has closed and takes no more answers. Thank you for your time.", dial("pause-5", "*384*98#"));
    assertEquals("launched -> paused", audit("pause", "pausing v1").getString("detail"));
    assertEquals("launched -> closed", audit("close", "pausing v1").getString("detail"));
  }

  @Test
  void pausingOrClosingADraftIsRefused() {
    ApiClient designer = gateway.as(Role.DESIGNER);
    assertEquals(201, designer.post("/api/surveys", TestSurveys.clinicPoll("just-a-draft", "*384*99#")).status());
    assertEquals("Only a launched version can be paused; version 1 is draft.",
        designer.post("/api/surveys/just-a-draft/versions/1/pause", null).error());
    assertEquals(409, designer.post("/api/surveys/just-a-draft/versions/1/close", null).status());
    assertEquals(404, designer.post("/api/surveys/just-a-draft/versions/2/launch", null).status());
  }

  @Test
  void aViewerMayReadSurveysButNotDesignOrLaunchThem() {
    ApiClient viewer = gateway.as(Role.VIEWER);
    assertEquals(200, viewer.get("/api/surveys/youth-voice-ke").status());
    assertEquals(200, viewer.get("/api/surveys/youth-voice-ke/versions/1").status());
    JsonObject poll = TestSurveys.clinicPoll("viewer-made", "*384*100#");
    for (ApiClient.Answer refused : List.of(
        viewer.post("/api/surveys/validate", poll),
        viewer.post("/api/surveys", poll),
        viewer.put("/api/surveys/youth-voice-ke/draft", poll),
        viewer.post("/api/surveys/youth-voice-ke/versions/1/launch", null),
        viewer.post("/api/surveys/youth-voice-ke/versions/1/pause", null),
        viewer.post("/api/surveys/youth-voice-ke/versions/1/close", null))) {
      assertEquals(403, refused.status(), refused.body());
      assertEquals("Your role (viewer) may not do this: it needs the designer or admin role.", refused.error());
    }
    assertEquals("launched", viewer.get("/api/surveys/youth-voice-ke/versions/1").json().getString("status"));
  }

  @Test
  void designingWithoutTheCsrfTokenGets403() {
    ApiClient designer = gateway.as(Role.DESIGNER);
    designer.forgetCsrfToken();
    ApiClient.Answer answer = designer.post("/api/surveys", TestSurveys.clinicPoll("no-token", "*384*101#"));
    assertEquals(403, answer.status());
    assertEquals("Missing or wrong CSRF token.", answer.error());
    assertEquals(403, designer.post("/api/surveys/youth-voice-ke/versions/1/pause", null).status());
    assertEquals(404, gateway.admin().get("/api/surveys/no-token").status());
  }

  @Test
  void theSurveyAndItsVersionsComeWithTheirDefinitions() {
    JsonObject survey = gateway.as(Role.VIEWER).get("/api/surveys/youth-voice-ke").json();
    assertEquals("youth-voice-ke", survey.getString("id"));
    JsonObject latest = survey.getJsonObject("latest");
    assertEquals(1, latest.getInteger("version"));
    assertEquals("launched", latest.getString("status"));
    assertEquals("gender", latest.getJsonObject("definition").getJsonArray("questions").getJsonObject(0).getString("id"));
    assertNull(survey.getJsonArray("versions").getJsonObject(0).getValue("definition"), "the list of versions is light");
  }

  /** One USSD hop through Africa's Talking's webhook: a new session dialling {@code code}. */
  static String dial(String sessionId, String code) {
    String form = "sessionId=" + sessionId + "&phoneNumber=%2B2547" + String.format("%08d", Math.floorMod(sessionId.hashCode(), 100_000_000))
        + "&networkCode=63902&serviceCode=" + URLEncoder.encode(code, StandardCharsets.UTF_8) + "&text=";
    return gateway.client().postForm("/ussd/africastalking", form).body();
  }

  private static JsonObject find(JsonArray surveys, String id) {
    return surveys.stream().map(JsonObject.class::cast).filter(s -> s.getString("id").equals(id)).findFirst()
        .orElseThrow(() -> new AssertionError("no survey " + id + " in " + surveys.encode()));
  }

  private static JsonObject audit(String action, String target) {
    return gateway.admin().get("/api/audit?limit=1000").array().stream().map(JsonObject.class::cast)
        .filter(e -> e.getString("action").equals(action) && target.equals(e.getString("target"))).findFirst()
        .orElseThrow(() -> new AssertionError("no audit entry " + action + " " + target));
  }
}
