package org.kila.gateway.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.kila.gateway.admin.auth.Role;
import org.kila.gateway.sms.FakeTwilioServer;

/** A designer uploads a list of numbers on the admin page and they are invited to the youth survey by SMS. */
class InvitationApiIT {
  static final FakeTwilioServer TWILIO = new FakeTwilioServer();
  static final String PATH = "/api/surveys/youth-voice-ke/invitations";

  @RegisterExtension
  static final RunningGateway gateway = new RunningGateway(Map.of(
      "KILA_TWILIO_ACCOUNT_SID", FakeTwilioServer.ACCOUNT_SID,
      "KILA_TWILIO_AUTH_TOKEN", FakeTwilioServer.AUTH_TOKEN,
      "KILA_TWILIO_FROM", "+15005550006",
      "KILA_TWILIO_BASE_URL", TWILIO.baseUrl().toString()));

  @AfterAll
  static void stopTwilio() {
    TWILIO.close();
  }

  @Test
  void aDesignersListIsQueuedAndTheRowThatIsNoNumberIsReportedWithItsLine() {
    byte[] csv = """
        phone,language
        +254711500001,sw
        not a number,en
        +254711500003,
        """.getBytes(StandardCharsets.UTF_8);
    long before = invitationsQueued();
    ApiClient.Answer answer = gateway.as(Role.DESIGNER).upload(PATH, "file", "numbers.csv", csv);
    assertEquals(200, answer.status(), answer.body());
    assertEquals(new JsonObject().put("queued", 2)
        .put("skipped", new JsonArray().add(new JsonObject().put("row", 3).put("reason", "'phone' is not a phone number we can read")))
        .putNull("brokenAt"), answer.json());
    assertEquals(before + 2, invitationsQueued());
    JsonObject audited = gateway.admin().get("/api/audit?limit=1000").array().stream().map(JsonObject.class::cast)
        .filter(e -> e.getString("action").equals("invite")).findFirst().orElseThrow(() -> new AssertionError("no invite in the audit log"));
    assertEquals("designer@kila.test", audited.getString("actor"));
    assertEquals("youth-voice-ke", audited.getString("target"));
    assertEquals("queued 2, skipped 1", audited.getString("detail"));
  }

  @Test
  void aFileWithoutAPhoneColumnIsRefusedWholeAndAnUnknownSurveyIs404() {
    ApiClient designer = gateway.as(Role.DESIGNER);
    ApiClient.Answer refused = designer.upload(PATH, "file", "numbers.csv", "number\n+254711500011\n".getBytes(StandardCharsets.UTF_8));
    assertEquals(422, refused.status(), refused.body());
    assertTrue(refused.error().startsWith("Nothing was queued: the file needs a 'phone' column"), refused.error());
    ApiClient.Answer unknown = designer.upload("/api/surveys/no-such-survey/invitations", "file", "numbers.csv",
        "phone\n+254711500012\n".getBytes(StandardCharsets.UTF_8));
    assertEquals(404, unknown.status(), unknown.body());
  }

  @Test
  void anExcelCsvWithAByteOrderMarkIsRead() {
    byte[] csv = "\uFEFFphone\r\n+254711500021\r\n".getBytes(StandardCharsets.UTF_8);
    ApiClient.Answer answer = gateway.as(Role.DESIGNER).upload(PATH, "file", "numbers.csv", csv);
    assertEquals(200, answer.status(), answer.body());
    assertEquals(1, answer.json().getInteger("queued"));
  }

  @Test
  void theListMustComeAsTheFieldFile() {
    ApiClient.Answer answer = gateway.as(Role.DESIGNER).upload(PATH, "numbers", "numbers.csv",
        "phone\n+254711500031\n".getBytes(StandardCharsets.UTF_8));
    assertEquals(400, answer.status());
    assertEquals("Send the list of numbers as the multipart form field \"file\".", answer.error());
  }

  @Test
  void invitingIsForDesignersWithTheirCsrfToken() {
    byte[] csv = "phone\n+254711500041\n".getBytes(StandardCharsets.UTF_8);
    long before = invitationsQueued();
    ApiClient.Answer viewer = gateway.as(Role.VIEWER).upload(PATH, "file", "numbers.csv", csv);
    assertEquals(403, viewer.status());
    assertEquals("Your role (viewer) may not do this: it needs the designer or admin role.", viewer.error());
    ApiClient designer = gateway.as(Role.DESIGNER);
    designer.forgetCsrfToken();
    ApiClient.Answer noToken = designer.upload(PATH, "file", "numbers.csv", csv);
    assertEquals(403, noToken.status());
    assertEquals("Missing or wrong CSRF token.", noToken.error());
    assertEquals(before, invitationsQueued(), "nothing queued for a refused request");
  }

  private static long invitationsQueued() {
    return gateway.jdbi().withHandle(h -> h.createQuery(
        "SELECT count(*) FROM sms_outbox WHERE kind = 'invitation' AND survey_id = 'youth-voice-ke'").mapTo(Long.class).one());
  }
}
