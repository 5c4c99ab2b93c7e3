package org.kila.gateway.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.kila.gateway.admin.auth.Role;

/** The three downloads over HTTP: streamed responses (with a date range), the codebook and the suppressed tallies. */
class ExportApiIT {
  @RegisterExtension
  static final RunningGateway gateway = new RunningGateway();

  static final String SURVEY = "exported";
  static final String EDITED = "edited";
  static final Instant DAY1 = Instant.parse("2026-11-01T08:00:00Z");
  static final Instant DAY2 = Instant.parse("2026-11-02T23:59:00Z");
  static final Instant DAY3 = Instant.parse("2026-11-03T00:00:00Z");

  @BeforeAll
  static void seed() {
    assertEquals(201, gateway.admin().post("/api/surveys", TestSurveys.clinicPoll(SURVEY, "*384*60#")).status());
    SeededSessions sessions = new SeededSessions(gateway.jdbi());
    Map<String, String> woman = Map.of("gender", "female", "location", "rural");
    sessions.add(1500, SURVEY, 1, "completed", "ussd", DAY1, null,
        Map.of("gender", "female", "location", "rural", "satisfied", "yes", "services", "water health"), woman);
    sessions.add(1000, SURVEY, 1, "completed", "ussd", DAY2, null,
        Map.of("gender", "female", "location", "rural", "satisfied", "no", "services", "health"), woman);
    sessions.add(3, SURVEY, 1, "dropped", "ussd", DAY3, "satisfied", Map.of("gender", "male", "location", "urban"),
        Map.of("gender", "male", "location", "urban"));

    TestSurveys.launchTwoVersions(gateway.admin(), EDITED, "*384*61#");
    sessions.add(6, EDITED, 1, "completed", "ussd", DAY1, null,
        Map.of("gender", "female", "location", "rural", "satisfied", "yes"), Map.of("gender", "female", "location", "rural"));
    sessions.add(7, EDITED, 2, "completed", "sms", DAY2, null,
        Map.of("gender", "male", "location", "urban", "satisfied", "no", "waited", "yes"),
        Map.of("gender", "male", "location", "urban"));
  }

  @Test
  void eachDownloadTakesOneVersionInItsOwnColumns() {
    ApiClient designer = gateway.as(Role.DESIGNER);
    ApiClient.Answer second = designer.get("/api/surveys/edited/export/responses.csv?version=2");
    assertEquals(200, second.status(), second.body());
    assertEquals("attachment; filename=\"edited-v2-responses.csv\"", second.header("Content-Disposition").orElseThrow());
    List<String> lines = second.body().lines().toList();
    assertTrue(lines.get(0).endsWith(",satisfied,services,comment,waited"), "version 2's questions: " + lines.get(0));
    assertEquals(1 + 7, lines.size(), "version 2's sessions only");
    assertTrue(lines.subList(1, lines.size()).stream().allMatch(l -> l.split(",")[2].equals("2")), lines.toString());

    List<String> first = designer.get("/api/surveys/edited/export/responses.csv?version=1").body().lines().toList();
    assertTrue(first.get(0).endsWith(",satisfied,services,comment"), "version 1 did not ask 'waited': " + first.get(0));
    assertEquals(1 + 6, first.size());
    List<String> all = designer.get("/api/surveys/edited/export/responses.csv").body().lines().toList();
    assertEquals(1 + 13, all.size(), "every version together");
    assertTrue(all.get(0).endsWith(",waited"), "in the newest version's columns");

    assertFalse(designer.get("/api/surveys/edited/export/codebook.csv?version=1").body().contains("waited"));
    assertTrue(designer.get("/api/surveys/edited/export/codebook.csv?version=2").body()
        .contains("waited,yes_no,,,,,,Did you wait more than an hour?"));

    List<String> tallies = designer.get("/api/surveys/edited/export/tallies.csv?version=2").body().lines().toList();
    assertTrue(tallies.contains("satisfied,total,,7,,,5"), tallies.toString());
    assertTrue(tallies.contains("waited,answer total,yes,7,,100.0,5"), tallies.toString());
    List<String> tallies1 = designer.get("/api/surveys/edited/export/tallies.csv?version=1").body().lines().toList();
    assertTrue(tallies1.contains("satisfied,total,,6,,,5"), tallies1.toString());
    assertFalse(tallies1.stream().anyMatch(l -> l.startsWith("waited,")), tallies1.toString());
    assertTrue(designer.get("/api/surveys/edited/export/tallies.csv").body().lines().toList().contains("satisfied,total,,13,,,5"));

    assertTrue(gateway.admin().get("/api/audit?limit=1000").array().stream().map(JsonObject.class::cast)
        .anyMatch(e -> EDITED.equals(e.getString("target")) && "responses of version 2, all dates".equals(e.getString("detail"))),
        "the download is audited with its version");
  }

  @Test
  void theCommandLineExportTakesAVersionAsTheDownloadDoes() {
    ApiClient designer = gateway.as(Role.DESIGNER);
    for (String version : List.of("1", "2")) {
      Run run = export("--version", version, EDITED);
      assertEquals(0, run.exit(), run.err());
      assertEquals(designer.get("/api/surveys/edited/export/responses.csv?version=" + version).body(), run.out(),
          "the same rows and columns as the download of version " + version);
    }
    Run all = export(EDITED);
    assertEquals(0, all.exit(), all.err());
    assertEquals(designer.get("/api/surveys/edited/export/responses.csv").body(), all.out());
    assertEquals(1 + 13, all.out().lines().count());

    Run unknown = export(EDITED, "--version", "5");
    assertEquals(1, unknown.exit());
    assertEquals("export: survey 'edited' has no version 5 (it has 1, 2)\n", unknown.err());
    assertEquals("", unknown.out(), "nothing written");
    for (String bad : List.of("two", "0", "-1", "99999999999")) {
      Run refused = export("--version", bad, EDITED);
      assertEquals(2, refused.exit(), bad);
      assertEquals("", refused.out());
      assertEquals("export: --version takes a version number from 1, not '" + bad + "'\n", refused.err());
    }
    Run missing = export(EDITED, "--version");
    assertEquals(2, missing.exit(), "a --version without its number");
    assertTrue(missing.err().startsWith("Usage: kila export [--config FILE] [--version N] SURVEY_ID"), missing.err());
  }

  record Run(int exit, String out, String err) {}

  private static Run export(String... args) {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
    int exit = org.kila.gateway.cli.ExportCommandAccess.export(gateway.gateway().database(), List.of(args),
        new java.io.PrintStream(out, true, java.nio.charset.StandardCharsets.UTF_8),
        new java.io.PrintStream(err, true, java.nio.charset.StandardCharsets.UTF_8));
    return new Run(exit, out.toString(java.nio.charset.StandardCharsets.UTF_8), err.toString(java.nio.charset.StandardCharsets.UTF_8));
  }

  @Test
  void aBadOrUnknownVersionIsRefusedBeforeAnyDownloadStarts() {
    ApiClient designer = gateway.as(Role.DESIGNER);
    for (String file : List.of("responses.csv", "codebook.csv", "tallies.csv")) {
      ApiClient.Answer bad = designer.get("/api/surveys/edited/export/" + file + "?version=two");
      assertEquals(400, bad.status(), file);
      assertEquals(new JsonObject().put("error", "A version is a whole number from 1, not 'two'."), bad.json());
      ApiClient.Answer unknown = designer.get("/api/surveys/edited/export/" + file + "?version=5");
      assertEquals(404, unknown.status(), file);
      assertEquals(new JsonObject().put("error", "Survey 'edited' has no version 5."), unknown.json());
    }
  }

  @Test
  void theResponsesStreamInChunksOneRowPerSessionAsTheCommandLineExportWritesThem() {
    ApiClient.Answer answer = gateway.as(Role.DESIGNER).get("/api/surveys/exported/export/responses.csv");
    assertEquals(200, answer.status(), answer.body());
    assertTrue(answer.header("Content-Length").isEmpty(), "streamed in chunks, never buffered whole to be sized");
    assertEquals("text/csv; charset=utf-8", answer.header("Content-Type").orElseThrow());
    assertEquals("attachment; filename=\"exported-responses.csv\"", answer.header("Content-Disposition").orElseThrow());
    List<String> lines = answer.body().lines().toList();
    assertEquals("session_id,respondent_id,survey_version,channel,aggregator,status,started_at,ended_at,"
        + "stratum_gender,stratum_location,gender,location,satisfied,services,comment", lines.get(0));
    assertEquals(1 + 2503, lines.size(), "every session once, across three pages of 1000");
    Set<String> ids = new HashSet<>();
    lines.subList(1, lines.size()).forEach(l -> ids.add(l.substring(0, 36)));
    assertEquals(2503, ids.size(), "no session twice at a page boundary");
    assertTrue(lines.get(1).contains(",female,rural,female,rural,yes,water health,"), lines.get(1));
    assertTrue(lines.get(lines.size() - 1).contains(",dropped,2026-11-03T00:00:00Z,,male,urban,male,urban,,,"),
        lines.get(lines.size() - 1));
  }

  @Test
  void aDateRangeKeepsTheSessionsStartedOnThoseDaysInUtc() {
    ApiClient designer = gateway.as(Role.DESIGNER);
    List<String> day2 = designer.get("/api/surveys/exported/export/responses.csv?from=2026-11-02&to=2026-11-02").body()
        .lines().toList();
    assertEquals(1 + 1000, day2.size());
    assertTrue(day2.subList(1, day2.size()).stream().allMatch(l -> l.contains(",2026-11-02T23:59:00Z,")));
    assertEquals(1 + 3, designer.get("/api/surveys/exported/export/responses.csv?from=2026-11-03").body().lines().count());
    assertEquals(1 + 1500, designer.get("/api/surveys/exported/export/responses.csv?to=2026-11-01").body().lines().count());

    ApiClient.Answer bad = designer.get("/api/surveys/exported/export/responses.csv?from=1st+November");
    assertEquals(400, bad.status());
    assertEquals("from must be a date such as 2026-11-30, not '1st November'.", bad.error());
    assertEquals("The range ends (2026-11-01) before it starts (2026-11-02).",
        designer.get("/api/surveys/exported/export/responses.csv?from=2026-11-02&to=2026-11-01").error());
  }

  @Test
  void aDownloadLeftHalfWayLeavesTheGatewayWell() throws IOException {
    ApiClient designer = gateway.as(Role.DESIGNER);
    HttpURLConnection c = (HttpURLConnection) URI.create("http://127.0.0.1:" + gateway.gateway().port()
        + "/api/surveys/exported/export/responses.csv").toURL().openConnection();
    c.setRequestProperty("Cookie", "kila_session=" + designer.cookie());
    try (InputStream in = c.getInputStream()) {
      assertEquals("chunked", c.getHeaderField("Transfer-Encoding"));
      assertEquals(1024, in.readNBytes(1024).length);
    }
    c.disconnect();
    assertEquals(200, gateway.client().get("/health").status());
    assertEquals(1 + 2503, designer.get("/api/surveys/exported/export/responses.csv").body().lines().count());
  }

  @Test
  void theCodebookListsQuestionsValuesAndTextsPerLanguage() {
    ApiClient.Answer answer = gateway.as(Role.DESIGNER).get("/api/surveys/exported/export/codebook.csv");
    assertEquals(200, answer.status());
    List<String> lines = answer.body().lines().toList();
    assertEquals("question_id,type,stratifier,value,prefer_not_to_say,min,max,text_en", lines.get(0));
    assertEquals("gender,single_choice,gender,,,,,Your gender?", lines.get(1));
    assertEquals("gender,single_choice,gender,female,,,,Female", lines.get(2));
    assertEquals("gender,single_choice,gender,prefer_not_to_say,yes,,,Prefer not to say", lines.get(4));
    assertTrue(lines.contains("satisfied,yes_no,,yes,,,,Yes"), lines.toString());
    assertTrue(lines.contains("comment,text,,,,,,Anything else?"), lines.toString());
  }

  @Test
  void theTalliesCsvHidesWhatTheTallyApiHides() {
    ApiClient designer = gateway.as(Role.DESIGNER);
    List<String> lines = designer.get("/api/surveys/exported/export/tallies.csv?by=gender").body().lines().toList();
    assertEquals("question_id,row,answer,stratum_gender,count,suppressed,percent,threshold", lines.get(0));
    assertTrue(lines.contains("satisfied,cell,yes,female,1500,,60.0,5"), lines.toString());
    assertTrue(lines.contains("location,cell,urban,male,,primary,,5"), "3 men: hidden, " + lines);
    assertTrue(lines.contains("gender,cell,female,female,,secondary,,5"),
        "the 2500 women are hidden too, or the total of 2503 would give the 3 men away: " + lines);
    assertTrue(lines.contains("gender,total,,,2503,,,5"), lines.toString());
    JsonObject tally = designer.get("/api/surveys/exported/tally?question=location&by=gender").json();
    assertTrue(tally.getJsonArray("cells").stream().map(JsonObject.class::cast)
        .anyMatch(c -> "urban".equals(c.getString("answer")) && c.getValue("count") == null), "the API hides the same cell");
    assertFalse(lines.stream().anyMatch(l -> l.matches(".*,[1-4],(|primary|secondary),[^,]*,5")), "no count from 1 to 4");
  }

  @Test
  void exportsAreForDesignersAndAdminsAndEachIsAudited() {
    ApiClient viewer = gateway.as(Role.VIEWER);
    for (String file : List.of("responses.csv", "codebook.csv", "tallies.csv")) {
      ApiClient.Answer refused = viewer.get("/api/surveys/exported/export/" + file);
      assertEquals(403, refused.status(), file);
      assertEquals("application/json; charset=utf-8", refused.header("Content-Type").orElseThrow());
      assertEquals(401, gateway.client().get("/api/surveys/exported/export/" + file).status());
    }
    gateway.admin().get("/api/surveys/exported/export/responses.csv?from=2026-11-03");
    List<JsonObject> exports = gateway.admin().get("/api/audit?limit=1000").array().stream().map(JsonObject.class::cast)
        .filter(e -> e.getString("action").equals("export")).toList();
    assertTrue(exports.stream().anyMatch(e -> e.getString("actor").equals(RunningGateway.ADMIN)
        && e.getString("target").equals(SURVEY) && e.getString("detail").equals("responses, 2026-11-03 to now")), exports.toString());
    assertFalse(exports.stream().anyMatch(e -> e.getString("actor").equals("viewer@kila.test")), "a refused download is not one");
  }

  @Test
  void anUnknownSurveyGetsAJson404() {
    ApiClient.Answer answer = gateway.as(Role.DESIGNER).get("/api/surveys/nope/export/responses.csv");
    assertEquals(404, answer.status());
    assertEquals(new JsonObject().put("error", "There is no survey 'nope'."), answer.json());
  }
}
