package org.kila.gateway.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.kila.gateway.cli.ExportCommandAccess;
import org.kila.gateway.testing.TestDatabase;
import org.kila.gateway.testing.TestGateway;
import org.kila.gateway.testing.UssdPhone;
import org.kila.gateway.testing.UssdPhone.Via;

/**
 * Residents answering the bundled surveys on basic phones through both USSD aggregators, against a real
 * gateway and database: every screen within budget, retries stored once, drops resumed, the export
 * showing exactly the sessions run, and no phone number anywhere in the database.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class UssdSurveyIT {
  @RegisterExtension
  @org.junit.jupiter.api.Order(1)
  static final TestDatabase db = new TestDatabase();

  @RegisterExtension
  @org.junit.jupiter.api.Order(2)
  static final TestGateway gateway = new TestGateway(db);

  static final String YOUTH = "*384*12#";
  static final String CLINIC = "*384*13#";
  static final List<String> PHONES_USED = new ArrayList<>();

  static String phone(int n) {
    String local = String.format("0712%06d", n);
    synchronized (PHONES_USED) {
      PHONES_USED.add(local);
    }
    return local;
  }

  @Test
  @Order(1)
  void aRespondentCompletesTheYouthSurveyThroughAfricasTalking() {
    UssdPhone phone = new UssdPhone(gateway, Via.AFRICAS_TALKING, phone(1), YOUTH, "at-one").dial();
    assertTrue(phone.screen().contains("1. English") && phone.screen().contains("2. Kiswahili"), phone.screen());
    phone.answer("2");
    assertTrue(phone.screen().contains("1. Ndiyo"), "consent in Kiswahili:\n" + phone.screen());
    new Respondent(1).finish(phone.answer("1"), 40);
    assertTrue(phone.ended());
    List<CSVRecord> rows = exportRows("youth-voice-ke");
    assertEquals(1, rows.size(), "one session exported: " + rows);
    Map<String, String> row = rows.get(0).toMap();
    assertEquals("completed", row.get("status"), String.join("\n---\n", phone.screens()));
    assertEquals("ussd", row.get("channel"));
    assertEquals("africastalking", row.get("aggregator"));
    assertFalse(row.get("gender").isEmpty(), "gender answered: " + row);
    assertFalse(row.get("stratum_age_band").isEmpty(), "age band derived: " + row);
    assertEquals(Respondent.TYPED_MESSAGE, row.get("message_to_leaders"), "a typed '*' stays in the answer");
  }

  @Test
  @Order(2)
  void anAggregatorRetryGetsTheSameReplyAndStoresNothingTwice() {
    UssdPhone phone = new UssdPhone(gateway, Via.AFRICAS_TALKING, phone(2), YOUTH, "at-retry").dial();
    phone.answer("1").answer("1");
    String genderScreen = phone.screen();
    long answersBefore = answerCount();
    assertEquals(genderScreen, phone.retryLastHop());
    assertEquals(answersBefore, answerCount(), "a retried hop writes nothing");
    phone.answer("1");
    assertTrue(phone.screen().contains("How old"), phone.screen());
  }

  @Test
  @Order(3)
  void aDroppedRespondentDialsAgainAndContinuesWhereTheyWere() {
    UssdPhone first = new UssdPhone(gateway, Via.AFRICAS_TALKING, phone(3), YOUTH, "at-drop-1").dial();
    first.answer("1").answer("1").answer("2").answer("30");
    String atQuestion = first.screen();
    assertTrue(atQuestion.contains("difficulty"), atQuestion);
    HttpResponse<String> ended = gateway.post("/ussd/africastalking/events", "application/x-www-form-urlencoded",
        "sessionId=at-drop-1&serviceCode=%2A384%2A12%23&phoneNumber=" + phoneNumber(3)
            + "&networkCode=63902&status=Incomplete&hopsCount=5&durationInMillis=40000&lastAppResponse=x");
    assertEquals(200, ended.statusCode(), ended.body());

    UssdPhone again = new UssdPhone(gateway, Via.AFRICAS_TALKING, phoneNumber(3), YOUTH, "at-drop-2").dial();
    String questionOnly = atQuestion.lines().skip(0).findFirst().orElseThrow();
    assertTrue(again.screen().contains(questionOnly), "resumed at the same question:\n" + again.screen());
    new Respondent(3).finish(again, 40);
    List<CSVRecord> rows = exportRows("youth-voice-ke").stream()
        .filter(r -> r.get("session_id") != null).toList();
    long sessionsOfThisPhone = rows.stream().filter(r -> r.get("age").equals("30")).count();
    assertEquals(1, sessionsOfThisPhone, "one session, continued, not two");
  }

  @Test
  @Order(4)
  void manyConcurrentRespondentsOnBothAggregatorsComplete() throws Exception {
    int before = (int) exportRows("youth-voice-ke").size() + (int) exportRows("wg-service-feedback").size();
    ExecutorService pool = Executors.newFixedThreadPool(16);
    List<Future<UssdPhone>> runs = new ArrayList<>();
    int sessions = 60;
    for (int i = 0; i < sessions; i++) {
      int n = 100 + i;
      Via via = i % 2 == 0 ? Via.AFRICAS_TALKING : Via.HUBTEL;
      String code = i % 3 == 0 ? CLINIC : YOUTH;
      String phoneNumber = via == Via.HUBTEL ? "+2547" + String.format("%08d", n) : phone(n);
      if (via == Via.HUBTEL) {
        synchronized (PHONES_USED) {
          PHONES_USED.add(phoneNumber);
        }
      }
      runs.add(pool.submit(() -> {
        UssdPhone phone = new UssdPhone(gateway, via, phoneNumber, code, "many-" + n).dial();
        new Respondent(n).finish(phone, 60);
        return phone;
      }));
    }
    for (Future<UssdPhone> run : runs) {
      assertTrue(run.get().ended());
    }
    pool.shutdown();
    List<CSVRecord> rows = new ArrayList<>(exportRows("youth-voice-ke"));
    rows.addAll(exportRows("wg-service-feedback"));
    assertEquals(before + sessions, rows.size(), "export shows exactly the sessions run");
    long many = rows.stream().filter(r -> r.get("status").equals("completed")).count();
    assertTrue(many >= sessions, "every one of the " + sessions + " sessions completed: " + many);
  }

  @Test
  @Order(5)
  void unknownCodesAndBadWebhooksGetClearAnswers() {
    UssdPhone phone = new UssdPhone(gateway, Via.AFRICAS_TALKING, phone(5), "*999#", "at-unknown").dial();
    assertTrue(phone.ended() && phone.screen().contains("not in use"), phone.screen());

    HttpResponse<String> missing = gateway.post("/ussd/africastalking", "application/x-www-form-urlencoded",
        "serviceCode=%2A384%2A12%23&phoneNumber=0712000000&text=");
    assertEquals(400, missing.statusCode());
    assertTrue(missing.body().contains("sessionId"), missing.body());

    HttpResponse<String> huge = gateway.post("/ussd/africastalking", "application/x-www-form-urlencoded",
        "sessionId=x&text=" + "1".repeat(20_000));
    assertEquals(413, huge.statusCode());

    HttpResponse<String> notJson = gateway.post("/ussd/hubtel", "application/json", "{\"Type\":");
    assertEquals(400, notJson.statusCode());
  }

  @Test
  @Order(6)
  void noPhoneNumberIsStoredInClearAnywhere() {
    List<String> tables = db.jdbi().withHandle(h -> h.createQuery(
        "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()"
            + " AND table_type = 'BASE TABLE'").mapTo(String.class).list());
    String dump = db.jdbi().withHandle(h -> tables.stream()
        .map(t -> String.join("\n", h.createQuery("SELECT t::text FROM \"" + t + "\" t").mapTo(String.class).list()))
        .collect(Collectors.joining("\n")));
    assertTrue(dump.contains("youth-voice-ke"), "the dump holds the data");
    List<String> numbers;
    synchronized (PHONES_USED) {
      numbers = List.copyOf(PHONES_USED);
    }
    for (String number : numbers) {
      String digits = number.replaceAll("\\D", "");
      String national = digits.startsWith("0") ? digits.substring(1) : digits.substring(3);
      assertFalse(dump.contains(national), "phone number " + number + " found in the database");
    }
  }

  @Test
  @Order(7)
  void someoneWhoFinishedIsThankedAgainAndNotCountedTwice() {
    int sessionsBefore = exportRows("youth-voice-ke").size();
    UssdPhone again = new UssdPhone(gateway, Via.AFRICAS_TALKING, phoneNumber(1), YOUTH, "at-one-again").dial();
    assertTrue(again.ended(), again.screen());
    assertTrue(again.screen().contains("Asante"), "thanked again in their language:\n" + again.screen());
    assertEquals(sessionsBefore, exportRows("youth-voice-ke").size());
  }

  static String phoneNumber(int n) {
    return String.format("0712%06d", n);
  }

  private static long answerCount() {
    return db.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM answer").mapTo(Long.class).one());
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
