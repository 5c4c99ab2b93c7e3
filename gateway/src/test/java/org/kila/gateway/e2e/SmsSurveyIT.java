package org.kila.gateway.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.kila.gateway.cli.ExportCommandAccess;
import org.kila.gateway.sms.FakeTwilioServer;
import org.kila.gateway.testing.TestDatabase;
import org.kila.gateway.testing.TestGateway;
import org.kila.gateway.testing.TwilioPhone;

/**
 * Residents answering the bundled youth survey by SMS through Twilio, against a real gateway and
 * database: every text a signed webhook, every reply sent through the fake Twilio API by the outbox. The
 * gateway sees 127.0.0.1 while Twilio signs for the public URL, as behind a proxy. A coordinator pauses,
 * launches again and closes a survey through the admin API while residents text it.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SmsSurveyIT {
  static final String PUBLIC_URL = "https://kila.example.org";
  static final FakeTwilioServer TWILIO = new FakeTwilioServer();
  static final String AT_SECRET = "k7Qw-2mZp9Lx4vRt8NbY";
  static final String ADMIN = "coordinator@kila.test";
  static final String PASSWORD = "a long coordinator password";

  @RegisterExtension
  @org.junit.jupiter.api.Order(1)
  static final TestDatabase db = new TestDatabase();

  @RegisterExtension
  @org.junit.jupiter.api.Order(2)
  static final TestGateway gateway = new TestGateway(db, Map.ofEntries(
      Map.entry("KILA_PUBLIC_URL", PUBLIC_URL),
      Map.entry("KILA_TWILIO_ACCOUNT_SID", FakeTwilioServer.ACCOUNT_SID),
      Map.entry("KILA_TWILIO_AUTH_TOKEN", FakeTwilioServer.AUTH_TOKEN),
      Map.entry("KILA_TWILIO_FROM", TwilioPhone.SHORT_CODE),
      Map.entry("KILA_TWILIO_BASE_URL", TWILIO.baseUrl().toString()),
      Map.entry("KILA_SMS_RATE_PER_SECOND", "50"),
      // A coordinator, to pause and close a survey through the admin API.
      Map.entry("KILA_ADMIN_EMAIL", ADMIN),
      Map.entry("KILA_ADMIN_PASSWORD", PASSWORD),
      // Africa's Talking too, its API pointed at a closed port: its texts are queued and retried, never
      // sent anywhere.
      Map.entry("KILA_AT_USERNAME", "sandbox"),
      Map.entry("KILA_AT_API_KEY", "test-key"),
      Map.entry("KILA_AT_SMS_SECRET", AT_SECRET),
      Map.entry("KILA_AT_BASE_URL", "http://127.0.0.1:9")));

  @AfterAll
  static void stopTwilio() {
    TWILIO.close();
  }

  static TwilioPhone phone(String number) {
    return new TwilioPhone(gateway, TWILIO, PUBLIC_URL, number);
  }

  @Test
  @Order(1)
  void aRespondentAnswersTheWholeSurveyBySms() {
    TwilioPhone phone = phone("+254711300001");
    String reply = phone.text("Sauti");
    assertTrue(reply.contains("1. English") && reply.contains("2. Kiswahili"), reply);
    Respondent respondent = new Respondent(7);
    for (int i = 0; i < 40 && latestTexterStatus().equals("active"); i++) {
      reply = phone.text(respondent.answerTo(reply, i));
    }
    assertEquals("completed", latestTexterStatus(), "the survey ended: last reply " + reply);
    assertTrue(reply.startsWith("Thank you") || reply.contains("Asante"), "the closing message: " + reply);

    List<CSVRecord> rows = exportRows("youth-voice-ke");
    assertEquals(1, rows.size(), rows.toString());
    Map<String, String> row = rows.get(0).toMap();
    assertEquals("completed", row.get("status"));
    assertEquals("sms", row.get("channel"));
    assertEquals("twilio", row.get("aggregator"));
    assertEquals(Respondent.TYPED_MESSAGE, row.get("message_to_leaders"), "a typed answer is kept as typed");
    assertTrue(phone.replies().stream().allMatch(r -> r.from().equals(TwilioPhone.SHORT_CODE)));
  }

  @Test
  @Order(2)
  void aSecondDeliveryOfTheSameTextIsAnsweredOnce() throws Exception {
    TwilioPhone phone = phone("+254711300002");
    String sid = TwilioPhone.newMessageId();
    assertEquals(200, phone.deliver(sid, "SAUTI").statusCode());
    HttpResponse<String> again = phone.deliver(sid, "SAUTI");
    assertEquals(200, again.statusCode());
    assertTrue(again.body().contains("<Response/>"), again.body());
    Thread.sleep(1500);
    assertEquals(1, phone.replies().size(), "one reply for one text delivered twice");
  }

  @Test
  @Order(3)
  void aForgedOrUnsignedWebhookIsRefusedAndRecordsNothing() {
    TwilioPhone phone = phone("+254711300003");
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("MessageSid", TwilioPhone.newMessageId());
    fields.put("AccountSid", FakeTwilioServer.ACCOUNT_SID);
    fields.put("From", phone.number());
    fields.put("To", TwilioPhone.SHORT_CODE);
    fields.put("Body", "SAUTI");
    long before = inboundCount();
    assertEquals(403, phone.post("/sms/twilio", fields, "not-our-token").statusCode());
    assertEquals(403, gateway.post("/sms/twilio", "application/x-www-form-urlencoded", "MessageSid=SM1&From=%2B254711300003&To=x&Body=SAUTI")
        .statusCode());
    assertEquals(before, inboundCount(), "nothing recorded");
    assertEquals(0, phone.replies().size());
  }

  @Test
  @Order(4)
  void stopIsAcknowledgedOnceAndThenNothingIsSent() throws Exception {
    TwilioPhone phone = phone("+254711300004");
    phone.text("SAUTI");
    String ack = phone.text("STOP");
    assertTrue(ack.startsWith("You will get no more messages"), ack);
    assertEquals(200, phone.deliver(TwilioPhone.newMessageId(), "SAUTI").statusCode());
    Thread.sleep(1500);
    assertEquals(2, phone.replies().size(), "nothing after the acknowledgement");
  }

  @Test
  @Order(5)
  void aStatusCallbackMovesTheTextForwardOnly() {
    TwilioPhone phone = phone("+254711300005");
    phone.text("SAUTI");
    FakeTwilioServer.Received sent = phone.replies().get(0);
    URI callback = URI.create(sent.statusCallback());
    assertEquals(PUBLIC_URL + "/sms/twilio/status", callback.getScheme() + "://" + callback.getHost() + callback.getPath());
    String path = callback.getRawPath() + "?" + callback.getRawQuery();
    assertEquals(200, phone.post(path, statusFields(sent.sid(), "delivered"), FakeTwilioServer.AUTH_TOKEN).statusCode());
    assertEquals(200, phone.post(path, statusFields(sent.sid(), "sent"), FakeTwilioServer.AUTH_TOKEN).statusCode());
    assertEquals("delivered", outboxStatus(sent.sid()), "a late 'sent' does not undo 'delivered'");
    assertEquals(403, phone.post(path, statusFields(sent.sid(), "failed"), "not-our-token").statusCode());
    assertEquals("delivered", outboxStatus(sent.sid()));
  }

  @Test
  @Order(6)
  void africasTalkingTextsAreTakenOnlyOnTheSecretPath() {
    String form = "date=2026-11-23+09%3A14%3A02&from=%2B254711300006&id=at-msg-1&linkId=l1&text=SAUTI&to=21525&networkCode=63902";
    assertEquals(403, gateway.post("/sms/africastalking/not-the-secret-at-all", "application/x-www-form-urlencoded", form).statusCode());
    assertEquals(404, gateway.post("/sms/africastalking", "application/x-www-form-urlencoded", form).statusCode());
    HttpResponse<String> taken = gateway.post("/sms/africastalking/" + AT_SECRET, "application/x-www-form-urlencoded", form);
    assertEquals(200, taken.statusCode(), taken.body());
    long queued = db.jdbi().withHandle(h -> h.createQuery(
        "SELECT count(*) FROM sms_outbox WHERE provider = 'africastalking' AND kind = 'prompt'").mapTo(Long.class).one());
    assertEquals(1, queued, "the survey's first screen is queued for Africa's Talking");
    String metrics = gateway.get("/metrics").body();
    assertTrue(!metrics.contains(AT_SECRET), "the secret never shows in the metrics");
  }

  @Test
  @Order(7)
  void theMetricsCountTheTexts() {
    String metrics = gateway.get("/metrics").body();
    for (String name : List.of("kila_sms_inbound_total{provider=\"twilio\"}", "kila_sms_outbound_total{status=\"sent\"}",
        "kila_sms_outbound_total{status=\"delivered\"}", "kila_sms_segments_total", "kila_sms_opt_outs_total{source=\"keyword\"}",
        "kila_sms_outbox_depth", "kila_sms_outbox_oldest_due_seconds")) {
      assertTrue(metrics.contains(name), "/metrics lacks " + name);
    }
  }

  @Test
  @Order(8)
  void aPausedSurveyTellsTextersItIsPausedStoresNothingAndGoesOnWhenLaunchedAgain() throws Exception {
    AdminSession coordinator = AdminSession.signIn();
    JsonObject survey = new JsonObject(example("youth-voice-ke.json")).put("id", "sms-pause")
        .put("triggers", new JsonObject().put("ussd", new JsonArray()).put("sms", new JsonArray().add("PUMZIKA")));
    assertEquals(201, coordinator.post("/api/surveys", survey).statusCode());
    assertEquals(200, coordinator.post("/api/surveys/sms-pause/versions/1/launch", null).statusCode());

    TwilioPhone midway = phone("+254711300008");
    assertTrue(midway.text("Pumzika").contains("2. Kiswahili"));
    midway.text("2");
    assertTrue(midway.text("1").contains("Jinsia"), "consent given, the first question in Kiswahili");
    long answers = answersTo("sms-pause");

    HttpResponse<String> paused = coordinator.post("/api/surveys/sms-pause/versions/1/pause", null);
    assertEquals("paused", new JsonObject(paused.body()).getString("status"));
    assertEquals("Utafiti huu umesitishwa kwa sasa. Tafadhali tuma PUMZIKA tena baadaye kushiriki.", midway.text("1"),
        "a reply mid-survey is told, in the language of the conversation");
    TwilioPhone newcomer = phone("+254711300009");
    assertEquals("This survey is paused for now. Please send PUMZIKA again later to take part.", newcomer.text("PUMZIKA"),
        "the keyword is told, in the survey's first language");
    assertEquals(answers, answersTo("sms-pause"), "nothing stored as an answer");
    assertEquals(1, sessionsOf("sms-pause"), "and nothing started");
    assertTrue(gateway.get("/metrics").body().contains("kila_sms_texts_total{outcome=\"paused\",provider=\"twilio\"} 2.0"),
        "both texts are counted as such");

    assertEquals(200, coordinator.post("/api/surveys/sms-pause/versions/1/launch", null).statusCode());
    assertTrue(midway.text("1").contains("umri"), "launched again: the answer is taken and the next question follows");
    assertEquals(answers + 1, answersTo("sms-pause"));

    assertEquals(200, coordinator.post("/api/surveys/sms-pause/versions/1/close", null).statusCode());
    assertEquals("This survey has closed and takes no more answers. Thank you for your time.",
        phone("+254711300010").text("pumzika"));
  }

  /** The admin API as a script uses it: signed in, with the CSRF token on every POST. */
  private record AdminSession(String cookie, String csrfToken) {
    static AdminSession signIn() {
      HttpResponse<String> answer = gateway.post("/api/session", "application/json",
          new JsonObject().put("email", ADMIN).put("password", PASSWORD).encode());
      assertEquals(200, answer.statusCode(), answer.body());
      String cookie = answer.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("kila_session="))
          .map(c -> c.substring(0, c.indexOf(';'))).findFirst().orElseThrow();
      return new AdminSession(cookie, new JsonObject(answer.body()).getString("csrfToken"));
    }

    HttpResponse<String> post(String path, JsonObject body) {
      return gateway.send(HttpRequest.newBuilder(URI.create(gateway.url(path))).timeout(Duration.ofSeconds(20))
          .header("Content-Type", "application/json").header("Cookie", cookie).header("X-CSRF-Token", csrfToken)
          .POST(body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body.encode()))
          .build());
    }
  }

  private static String example(String name) throws java.io.IOException {
    try (java.io.InputStream in = SmsSurveyIT.class.getClassLoader().getResourceAsStream("org/kila/survey/examples/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static long answersTo(String surveyId) {
    return db.jdbi().withHandle(h -> h.createQuery(
        "SELECT count(*) FROM answer a JOIN survey_session s ON s.id = a.session_id WHERE s.survey_id = :id")
        .bind("id", surveyId).mapTo(Long.class).one());
  }

  private static long sessionsOf(String surveyId) {
    return db.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM survey_session WHERE survey_id = :id")
        .bind("id", surveyId).mapTo(Long.class).one());
  }

  private static Map<String, String> statusFields(String sid, String status) {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("SmsSid", sid);
    fields.put("SmsStatus", status);
    fields.put("MessageStatus", status);
    fields.put("To", "+254711300005");
    fields.put("MessageSid", sid);
    fields.put("AccountSid", FakeTwilioServer.ACCOUNT_SID);
    fields.put("From", TwilioPhone.SHORT_CODE);
    fields.put("ApiVersion", "2010-04-01");
    return fields;
  }

  /** The session status of whoever texted last (the gateway keeps no number in clear to look them up by). */
  private static String latestTexterStatus() {
    return db.jdbi().withHandle(h -> h.createQuery("""
        SELECT s.status FROM survey_session s JOIN sms_conversation c ON c.session_id = s.id
         WHERE c.respondent_id = s.respondent_id AND s.respondent_id IN (
           SELECT respondent_id FROM sms_inbound ORDER BY received_at DESC LIMIT 1)""").mapTo(String.class).findOne().orElse("none"));
  }

  private static long inboundCount() {
    return db.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM sms_inbound").mapTo(Long.class).one());
  }

  private static String outboxStatus(String providerMessageId) {
    return db.jdbi().withHandle(h -> h.createQuery("SELECT status FROM sms_outbox WHERE provider_message_id = :id")
        .bind("id", providerMessageId).mapTo(String.class).one());
  }

  private static List<CSVRecord> exportRows(String surveyId) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = ExportCommandAccess.export(gateway.gateway().database(), surveyId,
        new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
    try {
      return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
          .parse(new java.io.StringReader(out.toString(StandardCharsets.UTF_8))).getRecords();
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
  }
}
