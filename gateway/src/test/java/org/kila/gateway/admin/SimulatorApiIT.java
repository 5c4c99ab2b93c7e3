package org.kila.gateway.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.kila.gateway.admin.auth.Role;

/** The phone simulator over HTTP: the real engine and renderer, USSD and SMS, nothing stored. */
class SimulatorApiIT {
  @RegisterExtension
  static final RunningGateway gateway = new RunningGateway();

  @Test
  void aDraftRunsOverUssdStepByStepWithScreenSizes() {
    ApiClient designer = gateway.as(Role.DESIGNER);
    JsonObject poll = TestSurveys.clinicPoll("simulated", "*384*70#");
    JsonObject first = designer.post("/api/simulate", new JsonObject().put("definition", poll).put("channel", "ussd")
        .putNull("state").putNull("input")).json();
    String screen = first.getString("screen");
    assertTrue(screen.startsWith("Your gender?"), screen);
    assertFalse(first.getBoolean("done"));
    assertEquals(screen.length(), first.getInteger("chars"), "plain GSM-7 text: one septet a character");
    assertEquals(160, first.getInteger("limit"));
    assertEquals("GSM-7", first.getString("encoding"));
    assertEquals(1, first.getInteger("segments"));

    JsonObject second = designer.post("/api/simulate", new JsonObject().put("definition", poll).put("channel", "ussd")
        .put("state", first.getJsonObject("state")).put("input", "1")).json();
    assertTrue(second.getString("screen").startsWith("Where do you live?"), second.getString("screen"));
    JsonArray events = second.getJsonArray("events");
    assertTrue(events.contains(new JsonObject().put("type", "AnswerRecorded").put("questionId", "gender")
        .put("value", "female").put("carriedOver", false)), events.encode());
    assertTrue(events.contains(new JsonObject().put("type", "StratifierCaptured").put("profileKey", "gender")
        .put("value", "female").put("questionId", "gender")), events.encode());

    long sessions = gateway.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM survey_session").mapTo(Long.class).one());
    assertEquals(0, sessions, "the simulator stores nothing");
  }

  @Test
  void overSmsAScreenIsOneMessageWithItsSegmentsAndUcs2Counts() {
    JsonObject poll = TestSurveys.clinicPoll("sms-simulated", "*384*71#");
    poll.getJsonArray("questions").getJsonObject(0).put("text", TestSurveys.en("Jinsia yako ni ipi? ✓"));
    JsonObject first = gateway.as(Role.DESIGNER).post("/api/simulate",
        new JsonObject().put("definition", poll).put("channel", "sms")).json();
    assertEquals("UCS-2", first.getString("encoding"), "the tick is not in GSM-7");
    assertEquals(201, first.getInteger("limit"), "three UCS-2 segments of 67");
    assertEquals(first.getString("screen").length(), first.getInteger("chars"));
    assertEquals(first.getString("screen").length() <= 70 ? 1 : 2, first.getInteger("segments"));
  }

  @Test
  void aDefinitionThatDoesNotValidateGets422WithItsProblems() {
    JsonObject broken = TestSurveys.clinicPoll("broken-sim", "*384*72#");
    broken.getJsonArray("questions").getJsonObject(0).remove("text");
    ApiClient.Answer answer = gateway.as(Role.DESIGNER).post("/api/simulate", new JsonObject().put("definition", broken));
    assertEquals(422, answer.status());
    assertEquals("The survey does not validate yet: fix its problems to try it.", answer.error());
    assertEquals("questions[0].text", answer.json().getJsonArray("problems").getJsonObject(0).getString("path"));
  }

  @Test
  void badRequestsAreNamed() {
    ApiClient designer = gateway.as(Role.DESIGNER);
    assertEquals("The field \"definition\" must be a survey definition (a JSON object).",
        designer.post("/api/simulate", new JsonObject().put("definition", "text")).error());
    assertEquals("The field \"channel\" must be \"ussd\" or \"sms\", not \"fax\".", designer.post("/api/simulate",
        new JsonObject().put("definition", TestSurveys.clinicPoll("bad-request", "*384*73#")).put("channel", "fax")).error());
    assertEquals("The field \"state\" is not a state the simulator gave.", designer.post("/api/simulate",
        new JsonObject().put("definition", TestSurveys.clinicPoll("bad-request", "*384*73#")).put("state", new JsonObject().put("stage", 7))
            .put("input", "1")).error());
  }

  @Test
  void viewersCannotUseTheSimulator() {
    ApiClient.Answer answer = gateway.as(Role.VIEWER).post("/api/simulate",
        new JsonObject().put("definition", TestSurveys.clinicPoll("viewer-try", "*384*74#")));
    assertEquals(403, answer.status());
  }
}
