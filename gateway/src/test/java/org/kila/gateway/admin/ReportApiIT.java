package org.kila.gateway.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.kila.gateway.admin.auth.Role;

/**
 * Tallies, participation and data quality over HTTP, on sessions whose every count the test knows: small
 * counts come out null with the reason, and every count that is shown is the true one.
 */
class ReportApiIT {
  @RegisterExtension
  static final RunningGateway gateway = new RunningGateway();

  static final String SURVEY = "poll";
  static final String VERSIONED = "versioned";
  static final Instant DAY1 = Instant.parse("2026-11-20T10:00:00Z");
  static final Instant DAY2 = Instant.parse("2026-11-21T10:00:00Z");

  @BeforeAll
  static void seed() {
    assertEquals(201, gateway.admin().post("/api/surveys", TestSurveys.clinicPoll(SURVEY, "*384*50#")).status());
    SeededSessions sessions = new SeededSessions(gateway.jdbi());
    sessions.add(12, SURVEY, 1, "completed", "ussd", DAY1, null,
        Map.of("gender", "female", "location", "rural", "satisfied", "yes", "services", "water health", "comment", "Kind nurses"),
        Map.of("gender", "female", "location", "rural"));
    sessions.add(7, SURVEY, 1, "completed", "ussd", DAY1, null,
        Map.of("gender", "male", "location", "urban", "satisfied", "no", "services", "health"),
        Map.of("gender", "male", "location", "urban"));
    sessions.add(3, SURVEY, 1, "completed", "sms", DAY2, null,
        Map.of("gender", "female", "location", "urban", "satisfied", "yes", "services", "school"),
        Map.of("gender", "female", "location", "urban"));
    sessions.add(6, SURVEY, 1, "completed", "ussd", DAY2, null,
        Map.of("gender", "male", "location", "rural", "satisfied", "yes", "services", "water"),
        Map.of("gender", "male", "location", "rural"));
    sessions.add(2, SURVEY, 1, "dropped", "ussd", DAY2, "satisfied",
        Map.of("gender", "female", "location", "rural"), Map.of("gender", "female", "location", "rural"));
    sessions.add(1, SURVEY, 1, "declined", "ussd", DAY2, null, Map.of(), Map.of());
    gateway.jdbi().useHandle(h -> h.execute("""
        INSERT INTO quota_count (survey_id, quota_id, stratum_key, completed)
        VALUES ('poll', 'by_gender', 'gender=female', 15), ('poll', 'by_gender', 'gender=male', 13)"""));

    // A survey edited after launch: version 1 answered by 11 people, version 2 (one question more) by 16.
    TestSurveys.launchTwoVersions(gateway.admin(), VERSIONED, "*384*51#");
    sessions.add(8, VERSIONED, 1, "completed", "ussd", DAY1, null,
        Map.of("gender", "female", "location", "rural", "satisfied", "yes"), Map.of("gender", "female", "location", "rural"));
    sessions.add(3, VERSIONED, 1, "completed", "ussd", DAY1, null,
        Map.of("gender", "male", "location", "urban", "satisfied", "no"), Map.of("gender", "male", "location", "urban"));
    sessions.add(6, VERSIONED, 2, "completed", "sms", DAY2, null,
        Map.of("gender", "female", "location", "urban", "satisfied", "no", "waited", "yes"),
        Map.of("gender", "female", "location", "urban"));
    sessions.add(5, VERSIONED, 2, "completed", "ussd", DAY2, null,
        Map.of("gender", "male", "location", "rural", "satisfied", "yes", "waited", "no"),
        Map.of("gender", "male", "location", "rural"));
    sessions.add(5, VERSIONED, 2, "dropped", "ussd", DAY2, "waited",
        Map.of("gender", "male", "location", "rural", "satisfied", "yes"), Map.of("gender", "male", "location", "rural"));
    gateway.jdbi().useHandle(h -> h.execute("""
        INSERT INTO quota_count (survey_id, quota_id, stratum_key, completed)
        VALUES ('versioned', 'by_gender', 'gender=female', 14), ('versioned', 'by_gender', 'gender=male', 8)"""));
  }

  @Test
  void participationCountsOneVersionOrAllOfThem() {
    ApiClient viewer = gateway.as(Role.VIEWER);
    JsonObject first = viewer.get("/api/surveys/versioned/participation?version=1").json().getJsonObject("totals");
    assertEquals(11, first.getInteger("started"));
    assertEquals(11, first.getInteger("completed"));
    assertEquals(0, first.getInteger("dropped"));
    JsonObject second = viewer.get("/api/surveys/versioned/participation?version=2").json().getJsonObject("totals");
    assertEquals(16, second.getInteger("started"));
    assertEquals(11, second.getInteger("completed"));
    assertEquals(5, second.getInteger("dropped"));
    JsonObject all = viewer.get("/api/surveys/versioned/participation").json().getJsonObject("totals");
    assertEquals(27, all.getInteger("started"));
    assertEquals(22, all.getInteger("completed"));
    assertEquals(5, all.getInteger("dropped"));
    assertEquals(all, viewer.get("/api/surveys/versioned/participation?version=").json().getJsonObject("totals"),
        "an empty version is every version");
  }

  @Test
  void aTallyOfOneVersionCountsItsAnswersOnlyWithSmallCellsStillHidden() {
    ApiClient viewer = gateway.as(Role.VIEWER);
    JsonObject second = viewer.get("/api/surveys/versioned/tally?question=satisfied&version=2").json();
    assertEquals(16, second.getInteger("total"), "the 11 who completed version 2 and the 5 who stopped after answering");
    assertEquals(10, answerTotal(second, "yes"));
    assertEquals(6, answerTotal(second, "no"));
    JsonObject all = viewer.get("/api/surveys/versioned/tally?question=satisfied").json();
    assertEquals(27, all.getInteger("total"));
    assertEquals(18, answerTotal(all, "yes"));

    JsonObject first = viewer.get("/api/surveys/versioned/tally?question=satisfied&version=1").json();
    JsonObject no = first.getJsonArray("answers").stream().map(JsonObject.class::cast)
        .filter(a -> a.getString("answer").equals("no")).findFirst().orElseThrow();
    assertNull(no.getValue("count"), "3 said no in version 1: hidden, though 9 did over both versions");
    assertEquals("primary", no.getString("suppressed"));
    JsonObject yes = first.getJsonArray("answers").stream().map(JsonObject.class::cast)
        .filter(a -> a.getString("answer").equals("yes")).findFirst().orElseThrow();
    assertTrue(first.getValue("total") == null || yes.getValue("count") == null,
        "the total and the yes together would give the 3 away: " + first);
    assertNoSmallCount(first);

    JsonObject waited = viewer.get("/api/surveys/versioned/tally?question=waited&version=2").json();
    assertEquals(6, answerTotal(waited, "yes"));
    assertEquals(5, answerTotal(waited, "no"));
    ApiClient.Answer notAsked = viewer.get("/api/surveys/versioned/tally?question=waited&version=1");
    assertEquals(404, notAsked.status());
    assertEquals("Survey 'versioned' has no question 'waited'.", notAsked.error(), "version 1 did not ask it");
  }

  @Test
  void qualityOfOneVersionCountsItsSessionsOnly() {
    ApiClient viewer = gateway.as(Role.VIEWER);
    assertEquals(new JsonArray(), viewer.get("/api/surveys/versioned/quality?version=1").json().getJsonArray("droppedByQuestion"));
    JsonObject dropped = viewer.get("/api/surveys/versioned/quality?version=2").json().getJsonArray("droppedByQuestion")
        .getJsonObject(0);
    assertEquals("waited", dropped.getString("questionId"));
    assertEquals(5, dropped.getInteger("dropped"));
  }

  @Test
  void quotasCountEveryVersionWhicheverIsChosenBecauseOneQuotaRunsAcrossThem() {
    ApiClient viewer = gateway.as(Role.VIEWER);
    JsonArray all = viewer.get("/api/surveys/versioned/participation").json().getJsonArray("quotas");
    assertEquals(14, all.getJsonObject(0).getInteger("completed"));
    assertEquals(all, viewer.get("/api/surveys/versioned/participation?version=1").json().getJsonArray("quotas"));
    assertEquals(all, viewer.get("/api/surveys/versioned/participation?version=2").json().getJsonArray("quotas"));
  }

  @Test
  void aBadOrUnknownVersionIsRefusedByEveryReport() {
    ApiClient viewer = gateway.as(Role.VIEWER);
    for (String path : List.of("participation?", "quality?", "tally?question=satisfied&")) {
      ApiClient.Answer word = viewer.get("/api/surveys/versioned/" + path + "version=latest");
      assertEquals(400, word.status(), path);
      assertEquals("A version is a whole number from 1, not 'latest'.", word.error());
      assertEquals(400, viewer.get("/api/surveys/versioned/" + path + "version=0").status(), path);
      assertEquals(400, viewer.get("/api/surveys/versioned/" + path + "version=-2").status(), path);
      ApiClient.Answer unknown = viewer.get("/api/surveys/versioned/" + path + "version=3");
      assertEquals(404, unknown.status(), path);
      assertEquals("Survey 'versioned' has no version 3.", unknown.error());
    }
  }

  @Test
  void aTallyWithoutBreakdownShowsEveryAnswerWithPercentages() {
    JsonObject tally = gateway.as(Role.VIEWER).get("/api/surveys/poll/tally?question=satisfied").json();
    assertEquals(new JsonObject().put("id", "satisfied").put("type", "yes_no").put("text", "Were you satisfied?")
        .put("choices", new JsonArray()
            .add(new JsonObject().put("value", "yes").put("label", "Yes"))
            .add(new JsonObject().put("value", "no").put("label", "No"))), tally.getJsonObject("question"));
    assertEquals(5, tally.getInteger("threshold"));
    assertEquals(0, tally.getInteger("hidden"));
    assertEquals(28, tally.getInteger("total"));
    assertEquals(cell("yes", new JsonObject(), 21, null, 75.0), tally.getJsonArray("cells").getJsonObject(0));
    assertEquals(cell("no", new JsonObject(), 7, null, 25.0), tally.getJsonArray("cells").getJsonObject(1));
  }

  @Test
  void aCellUnderFiveComesOutNullMarkedSuppressedAndItsTotalsCannotRevealIt() {
    JsonObject tally = gateway.as(Role.VIEWER).get("/api/surveys/poll/tally?question=satisfied&by=gender,location").json();
    assertEquals(new JsonArray().add("gender").add("location"), tally.getJsonArray("by"));
    JsonObject femaleUrbanYes = find(tally.getJsonArray("cells"), "yes", stratum("female", "urban")).orElseThrow();
    assertNull(femaleUrbanYes.getValue("count"), "3 people: under the threshold of 5");
    assertEquals("primary", femaleUrbanYes.getString("suppressed"));
    assertNull(femaleUrbanYes.getValue("percent"));
    JsonObject femaleUrban = margin(tally, stratum("female", "urban"));
    assertNull(femaleUrban.getValue("count"), "its stratum's total is 3 too");
    assertTrue(tally.getInteger("hidden") >= 4, "with the secondary cells that keep the totals from revealing it: " + tally);
    assertTrue(tally.getJsonArray("cells").stream().map(JsonObject.class::cast)
        .anyMatch(c -> "secondary".equals(c.getString("suppressed"))), tally.encode());

    // What is shown is true; what is hidden cannot be worked out from the row of the answer "yes".
    Map<String, Integer> truth = Map.of("female|rural", 12, "female|urban", 3, "male|rural", 6, "male|urban", 0);
    int shownYes = 0;
    int hiddenYes = 0;
    for (Object o : tally.getJsonArray("cells")) {
      JsonObject c = (JsonObject) o;
      if (!c.getString("answer").equals("yes")) {
        continue;
      }
      String key = c.getJsonObject("stratum").getString("gender") + "|" + c.getJsonObject("stratum").getString("location");
      if (c.getValue("count") == null) {
        hiddenYes++;
      } else {
        assertEquals(truth.get(key), c.getInteger("count"), key);
        shownYes += c.getInteger("count");
      }
    }
    assertTrue(hiddenYes >= 2, "one hidden cell in a row with its total shown would be the total minus the rest");
    assertEquals(21, answerTotal(tally, "yes"));
    assertTrue(21 - shownYes >= 3 + 1, "the hidden yes-cells add up to more than the small one alone");
    assertNoSmallCount(tally);
  }

  @Test
  void aMultipleChoiceTallyCountsPeopleInItsTotals() {
    JsonObject tally = gateway.as(Role.VIEWER).get("/api/surveys/poll/tally?question=services").json();
    assertEquals(28, tally.getInteger("total"), "28 people answered, whatever they chose");
    assertEquals(18, answerTotal(tally, "water"));
    assertEquals(19, answerTotal(tally, "health"));
    JsonObject school = tally.getJsonArray("answers").stream().map(JsonObject.class::cast)
        .filter(a -> a.getString("answer").equals("school")).findFirst().orElseThrow();
    assertNull(school.getValue("count"));
    assertEquals("primary", school.getString("suppressed"));
    assertEquals(64.3, tally.getJsonArray("answers").getJsonObject(0).getDouble("percent"), "18 of 28 people");
  }

  @Test
  void freeTextIsForDesignersOnly() {
    ApiClient.Answer viewer = gateway.as(Role.VIEWER).get("/api/surveys/poll/tally?question=comment");
    assertEquals(403, viewer.status());
    assertEquals(new JsonObject().put("error", "Free-text answers are for designers and admins only."), viewer.json());
    JsonObject tally = gateway.as(Role.DESIGNER).get("/api/surveys/poll/tally?question=comment").json();
    assertEquals(12, find(tally.getJsonArray("cells"), "Kind nurses", new JsonObject()).orElseThrow().getInteger("count"));
  }

  @Test
  void aBadTallyRequestSaysWhatIsWrong() {
    ApiClient viewer = gateway.as(Role.VIEWER);
    assertEquals(new JsonObject().put("error", "Say which question to tally: ?question=<question id>."),
        viewer.get("/api/surveys/poll/tally").json());
    assertEquals("Survey 'poll' has no question 'age'.", viewer.get("/api/surveys/poll/tally?question=age").error());
    assertEquals(404, viewer.get("/api/surveys/nope/tally?question=age").status());
    ApiClient.Answer notStratifier = viewer.get("/api/surveys/poll/tally?question=satisfied&by=satisfied");
    assertEquals(400, notStratifier.status());
    assertEquals("'satisfied' is not a stratifier of this survey. It has: gender, location.", notStratifier.error());
    assertEquals("A report can be broken down by at most 3 stratifiers at once, not 4.",
        viewer.get("/api/surveys/poll/tally?question=satisfied&by=a,b,c,d").error());
  }

  @Test
  void participationCountsOutcomesPerChannelDayAndStratumWithSmallCountsHidden() {
    JsonObject p = gateway.as(Role.VIEWER).get("/api/surveys/poll/participation?by=gender").json();
    assertEquals(5, p.getInteger("threshold"));
    JsonObject totals = p.getJsonObject("totals");
    assertEquals(31, totals.getInteger("started"));
    assertEquals(28, totals.getInteger("completed"));
    assertEquals(0, totals.getInteger("screenedOut"));
    assertEquals(0, totals.getInteger("active"));
    assertNull(totals.getValue("declined"), "1 person declined: hidden");
    assertNull(totals.getValue("dropped"), "2 people dropped: hidden");

    JsonArray channels = p.getJsonArray("byChannel");
    assertEquals(List.of("ussd", "sms"), channels.stream().map(c -> ((JsonObject) c).getString("channel")).toList());
    assertNull(channels.getJsonObject(1).getValue("completed"), "3 by SMS");
    assertNull(channels.getJsonObject(0).getValue("completed"),
        "25 by USSD is hidden too: with the 28 in the totals it would give away the 3 by SMS");
    assertNull(channels.getJsonObject(0).getValue("started"), "and 28 started by USSD: 31 - 28 would be the 3 by SMS");

    JsonArray days = p.getJsonArray("byDay");
    assertEquals(new JsonObject().put("day", "2026-11-20").put("started", 19).put("completed", 19), days.getJsonObject(0));
    assertEquals("2026-11-21", days.getJsonObject(1).getString("day"));
    assertEquals(12, days.getJsonObject(1).getInteger("started"));
    assertNull(days.getJsonObject(1).getValue("completed"), "9 of 12 would tell that 3 did not complete that day");

    JsonArray dropOff = p.getJsonArray("dropOff");
    assertEquals(1, dropOff.size());
    assertEquals("satisfied", dropOff.getJsonObject(0).getString("questionId"));
    assertEquals("Were you satisfied?", dropOff.getJsonObject(0).getString("text"));
    assertNull(dropOff.getJsonObject(0).getValue("dropped"));

    JsonObject female = stratumRow(p, new JsonObject().put("gender", "female"));
    assertEquals(17, female.getInteger("started"));
    assertNull(female.getValue("dropped"), "2 women stopped part way");
    assertNull(female.getValue("completed"), "15 of 17 would tell that 2 did not complete");
    assertEquals(new JsonObject().put("stratum", new JsonObject().put("gender", "male")).putNull("started")
        .putNull("completed").put("screenedOut", 0).put("declined", 0).put("dropped", 0).put("active", 0),
        stratumRow(p, new JsonObject().put("gender", "male")),
        "13 men completed, but with the 28 completions in all that would give the women's 15, and so their 2");
    JsonObject unknown = stratumRow(p, new JsonObject().putNull("gender"));
    assertNull(unknown.getValue("started"), "the one who declined never said: 1, hidden");
    assertNoSmallCount(p);
  }

  @Test
  void quotasShowTheirTargetsCompletedAndGap() {
    JsonArray quotas = gateway.as(Role.VIEWER).get("/api/surveys/poll/participation").json().getJsonArray("quotas");
    assertEquals(new JsonObject().put("quotaId", "by_gender").put("stratum", new JsonObject().put("gender", "female"))
        .put("target", 20).put("completed", 15).putNull("suppressed").put("gap", 5), quotas.getJsonObject(0));
    assertEquals(7, quotas.getJsonObject(1).getInteger("gap"));
  }

  @Test
  void dataQualityCountsEventsAndDroppedSessionsByQuestion() {
    String session = gateway.jdbi().withHandle(h -> h.createQuery(
        "SELECT id::text FROM survey_session WHERE survey_id = 'poll' AND status = 'dropped' LIMIT 1").mapTo(String.class).one());
    gateway.jdbi().useHandle(h -> {
      for (String kind : List.of("invalid_answer", "invalid_answer", "invalid_answer", "duplicate_hop", "timeout")) {
        h.createUpdate("INSERT INTO session_event (session_id, kind, question_id, occurred_at) VALUES (CAST(:s AS uuid), :k, 'satisfied', now())")
            .bind("s", session).bind("k", kind).execute();
      }
    });
    gateway.jdbi().useHandle(h -> h.execute("""
        INSERT INTO sms_outbox (idempotency_key, provider, respondent_id, to_enc, body, segments, encoding, kind, status,
                                next_attempt_at, survey_id, created_at, sent_at, updated_at)
        SELECT 'k' || n, 'twilio', (SELECT respondent_id FROM survey_session WHERE survey_id = 'poll' LIMIT 1), '\\x01',
               'text', 1, 'gsm7', kind, status, now(), 'poll', created, now(), now()
          FROM (VALUES (1, 'prompt', 'failed', now()), (2, 'invitation', 'undelivered', now()),
                       (3, 'prompt', 'delivered', now() - interval '10 minutes'), (4, 'prompt', 'delivered', now()),
                       (5, 'invitation', 'delivered', now() - interval '9 hours')) AS m(n, kind, status, created)"""));
    JsonObject quality = gateway.as(Role.VIEWER).get("/api/surveys/poll/quality").json();
    assertEquals(2, quality.getInteger("smsFailed"), "one failed and one undelivered");
    assertEquals(1, quality.getInteger("smsLate"), "a reply 10 minutes late; an invitation held for the quiet hours is not late");
    assertEquals(3, quality.getInteger("invalidAnswers"));
    assertEquals(1, quality.getInteger("duplicateWebhooks"));
    assertEquals(1, quality.getInteger("timeouts"));
    assertEquals(0, quality.getInteger("gaveUp"));
    JsonObject dropped = quality.getJsonArray("droppedByQuestion").getJsonObject(0);
    assertEquals("satisfied", dropped.getString("questionId"));
    assertNull(dropped.getValue("dropped"), "2 sessions: hidden");
    assertEquals(1, quality.getInteger("hidden"));
  }

  private static JsonObject cell(String answer, JsonObject stratum, Integer count, String suppressed, Double percent) {
    return new JsonObject().put("answer", answer).put("stratum", stratum).put("count", count)
        .put("suppressed", suppressed).put("percent", percent);
  }

  private static JsonObject stratum(String gender, String location) {
    return new JsonObject().put("gender", gender).put("location", location);
  }

  private static Optional<JsonObject> find(JsonArray cells, String answer, JsonObject stratum) {
    return cells.stream().map(JsonObject.class::cast)
        .filter(c -> answer.equals(c.getString("answer")) && stratum.equals(c.getJsonObject("stratum"))).findFirst();
  }

  private static JsonObject margin(JsonObject tally, JsonObject stratum) {
    return tally.getJsonArray("margins").stream().map(JsonObject.class::cast)
        .filter(m -> stratum.equals(m.getJsonObject("stratum"))).findFirst().orElseThrow();
  }

  private static int answerTotal(JsonObject tally, String answer) {
    return tally.getJsonArray("answers").stream().map(JsonObject.class::cast)
        .filter(a -> answer.equals(a.getString("answer"))).findFirst().orElseThrow().getInteger("count");
  }

  private static JsonObject stratumRow(JsonObject participation, JsonObject stratum) {
    return participation.getJsonArray("byStratum").stream().map(JsonObject.class::cast)
        .filter(r -> stratum.equals(r.getJsonObject("stratum"))).findFirst()
        .orElseThrow(() -> new AssertionError("no stratum " + stratum + " in " + participation.getJsonArray("byStratum")));
  }

  /** No published count anywhere in {@code json} is between 1 and 4. */
  private static void assertNoSmallCount(Object json) {
    if (json instanceof JsonObject o) {
      o.forEach(e -> {
        if (List.of("count", "started", "completed", "screenedOut", "declined", "dropped", "active", "total")
            .contains(e.getKey()) && e.getValue() instanceof Integer n) {
          assertTrue(n == 0 || n >= 5, e.getKey() + " = " + n + " in " + o);
        }
        assertNoSmallCount(e.getValue());
      });
    } else if (json instanceof JsonArray a) {
      a.forEach(ReportApiIT::assertNoSmallCount);
    }
  }
}
