package org.kila.gateway.admin.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.kila.survey.Surveys;
import org.kila.survey.engine.CompiledSurvey;
import org.kila.survey.model.Question;
import org.kila.survey.render.ChannelProfile;

/** The published tally built from raw query rows, on the bundled youth survey. */
class TallyReportTest {
  static final CompiledSurvey YOUTH = load("youth-voice-ke.json");

  @Test
  void aBandedNumberIsCountedInItsBandAndTheBandsAreTheAnswers() {
    List<TallyRow> rows = List.of(row("19", null, 4), row("24", null, 3), row("31", null, 9), row("30-35", null, 2));
    JsonObject tally = report("age", "", rows).json();
    assertEquals(List.of("18-24", "25-29", "30-35"), answers(tally));
    assertEquals(7, count(tally, "18-24"), "19 and 24 are both in 18-24: 4 + 3");
    assertEquals(0, count(tally, "25-29"));
    assertEquals(11, count(tally, "30-35"), "a band carried over from the profile counts as itself");
    assertEquals(18, tally.getInteger("total"));
  }

  @Test
  void choicesComeInTheSurveysOrderWithLabelsInTheAskedLanguage() {
    JsonObject tally = report("location_type", "", List.of(row("urban", null, 8)), "sw").json();
    assertEquals(List.of("rural", "urban", "informal_settlement"), answers(tally));
    assertEquals("Unaishi wapi?", tally.getJsonObject("question").getString("text"));
    assertEquals("Kijijini", tally.getJsonObject("question").getJsonArray("choices").getJsonObject(0).getString("label"));
    assertEquals(100.0, tally.getJsonArray("cells").getJsonObject(1).getDouble("percent"));
    assertEquals(0.0, tally.getJsonArray("cells").getJsonObject(0).getDouble("percent"));
  }

  @Test
  void anUnknownStratumValueComesLastAsNull() {
    List<TallyRow> rows = List.of(row("yes", null, 6), row("yes", "female", 7), row("no", "male", 9));
    JsonObject tally = report("attended_forum", "gender", rows).json();
    List<Object> strata = tally.getJsonArray("margins").stream()
        .map(m -> ((JsonObject) m).getJsonObject("stratum").getValue("gender")).toList();
    assertEquals(java.util.Arrays.asList("female", "male", null), strata);
  }

  @Test
  void aSingleSmallCellHidesAnotherInItsRowAndColumnSoNeitherCanBeWorkedOut() {
    List<TallyRow> rows = List.of(row("yes", "female", 20), row("no", "female", 2), row("yes", "male", 15),
        row("no", "male", 30));
    JsonObject tally = report("attended_forum", "gender", rows).json();
    JsonObject noFemale = cell(tally, "no", "female");
    assertNull(noFemale.getValue("count"));
    assertEquals("primary", noFemale.getString("suppressed"));
    int hiddenInNoRow = 0;
    for (Object o : tally.getJsonArray("cells")) {
      JsonObject c = (JsonObject) o;
      if (c.getString("answer").equals("no") && c.getValue("count") == null) {
        hiddenInNoRow++;
      }
    }
    assertTrue(hiddenInNoRow >= 2 || tally.getJsonArray("answers").getJsonObject(1).getValue("count") == null,
        "the row of 'no' hides a second entry: " + tally);
    assertEquals(tally.getInteger("hidden"), countNulls(tally));
    assertEquals(5, tally.getInteger("threshold"));
  }

  @Test
  void nothingAnsweredIsAllZerosAndNothingHidden() {
    JsonObject tally = report("priority", "gender,disability", List.of()).json();
    assertEquals(0, tally.getInteger("total"));
    assertEquals(0, tally.getInteger("hidden"));
    assertTrue(tally.getJsonArray("cells").stream().allMatch(c -> ((JsonObject) c).getInteger("count") == 0));
  }

  @Test
  void freeTextKeepsTheFiftyCommonestAnswersAndCountsTheRestTogether() {
    List<TallyRow> rows = new ArrayList<>();
    rows.add(row("Jobs please", null, 40));
    for (int i = 0; i < 60; i++) {
      rows.add(row("answer " + i, null, 1));
    }
    JsonObject tally = report("message_to_leaders", "", rows).json();
    List<String> answers = answers(tally);
    assertEquals(AnswerCategories.MOST, answers.size());
    assertNull(answers.get(answers.size() - 1), "the other answers, together");
    assertEquals(40, count(tally, "Jobs please"));
    JsonObject rest = tally.getJsonArray("cells").getJsonObject(answers.size() - 1);
    assertNull(rest.getValue("count"), "the 12 others are hidden: with them shown, the 48 hidden answers "
        + "could only be 1 each (100 - 40 - 12 = 48)");
    assertEquals("secondary", rest.getString("suppressed"));
    assertEquals(100, tally.getInteger("total"));
  }

  private static int countNulls(JsonObject tally) {
    int n = 0;
    for (String list : List.of("cells", "margins", "answers")) {
      for (Object o : tally.getJsonArray(list)) {
        if (((JsonObject) o).getValue("count") == null) {
          n++;
        }
      }
    }
    return n + (tally.getValue("total") == null ? 1 : 0);
  }

  private static TallyReport report(String question, String by, List<TallyRow> rows) {
    return report(question, by, rows, null);
  }

  private static TallyReport report(String question, String by, List<TallyRow> rows, String language) {
    Question q = YOUTH.definition().question(question).orElseThrow();
    return new TallyReport(YOUTH.definition(), q, Strata.parse(by, YOUTH.definition()), rows, 5, language);
  }

  private static TallyRow row(String answer, String stratum, int count) {
    return new TallyRow(answer, stratum, null, null, count, count);
  }

  private static List<String> answers(JsonObject tally) {
    return tally.getJsonArray("answers").stream().map(a -> ((JsonObject) a).getString("answer")).toList();
  }

  private static int count(JsonObject tally, String answer) {
    return tally.getJsonArray("answers").stream().map(JsonObject.class::cast)
        .filter(a -> answer.equals(a.getString("answer"))).findFirst().orElseThrow().getInteger("count");
  }

  private static JsonObject cell(JsonObject tally, String answer, String gender) {
    JsonArray cells = tally.getJsonArray("cells");
    return cells.stream().map(JsonObject.class::cast)
        .filter(c -> answer.equals(c.getString("answer")) && gender.equals(c.getJsonObject("stratum").getString("gender")))
        .findFirst().orElseThrow();
  }

  static CompiledSurvey load(String name) {
    try (InputStream in = TallyReportTest.class.getClassLoader().getResourceAsStream("org/kila/survey/examples/" + name)) {
      Surveys.Loaded loaded = Surveys.load(new String(in.readAllBytes(), StandardCharsets.UTF_8), ChannelProfile.ussdDefault());
      return loaded.survey();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
