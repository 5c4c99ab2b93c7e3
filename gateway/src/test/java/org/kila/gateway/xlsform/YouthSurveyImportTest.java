package org.kila.gateway.xlsform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.kila.gateway.xlsform.XlsFormFixture.row;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.kila.survey.Surveys;
import org.kila.survey.render.ChannelProfile;

/**
 * A two-language youth survey as an NGO would write it in Kobo: every supported question type and
 * relevant form, and the things Kila cannot ask (a repeat, a geopoint, a calculate, an unsupported
 * relevant), checked field by field and row by row.
 */
class YouthSurveyImportTest {
  static final XlsFormFixture YOUTH_SURVEY = new XlsFormFixture()
      .sheet("survey",
          row("type", "name", "label::English (en)", "label::Kiswahili (sw)", "hint::English (en)", "required",
              "relevant", "constraint", "constraint_message", "appearance"),
          row("start", "start"),
          row("select_one yes_no", "consent", "Do you agree to take part?", "Unakubali kushiriki?", null, "yes"),
          row("select_one gender", "gender", "Your gender?", "Jinsia yako?", null, "yes", "${consent} = 'yes'"),
          row("integer", "age", "How old are you?", "Una miaka mingapi?", null, "yes", "${consent} = 'yes'",
              ". >= 10 and . <= 35", "Age 10 to 35"),
          row("begin_group", "school", "School", "Shule", null, null, "${age} < 25"),
          row("select_one yes_no", "in_school", "Are you in school?", "Uko shuleni?", null, "yes"),
          row("select_multiple subjects", "subjects", "Favourite subjects?", "Masomo unayopenda?", "Pick all",
              "yes", "selected(${in_school}, 'yes')", null, null, "minimal"),
          row("end_group"),
          row("select_multiple barriers", "barriers", "What stops you?", "Nini kinakuzuia?", null, null,
              "${in_school} != 'yes'"),
          row("text", "barrier_other", "Other barrier?", "Kizuizi kingine?", null, null,
              "selected(${barriers}, 'other')", "string-length(.) <= 100"),
          row("select_one yes_no", "works", "Do you work?", "Unafanya kazi?", null, "yes",
              "${age} >= 18 and (${gender} = 'female' or ${gender} = 'male')"),
          row("integer", "hours", "Hours of work a week?", "Saa za kazi kwa wiki?", null, null,
              "not(${works} = 'no') and ${age} > 17", ".>=0"),
          row("geopoint", "location", "Where are you?", "Uko wapi?"),
          row("begin_repeat", "household", "Household members", "Wanakaya"),
          row("text", "member_name", "Name", "Jina"),
          row("integer", "member_age", "Age", "Umri"),
          row("end_repeat"),
          row("text", "comments", "Any comments?", "Maoni yoyote?", null, null, "count-selected(${barriers}) > 1"),
          row("calculate", "score"))
      .sheet("choices",
          row("list_name", "name", "label::English (en)", "label::Kiswahili (sw)"),
          row("yes_no", "yes", "Yes", "Ndiyo"),
          row("yes_no", "no", "No", "Hapana"),
          row("gender", "female", "Female", "Mwanamke"),
          row("gender", "male", "Male", "Mwanaume"),
          row("gender", "other", "Other", "Nyingine"),
          row("gender", "prefer_not_to_say", "Prefer not to say", "Sipendi kusema"),
          row("subjects", "maths", "Maths", "Hisabati"),
          row("subjects", "science", "Science", "Sayansi"),
          row("barriers", "fees", "School fees", "Karo"),
          row("barriers", "distance", "Too far", "Mbali"),
          row("barriers", "other", "Other", "Nyingine"))
      .sheet("settings",
          row("form_title", "form_id", "version", "default_language"),
          row("Youth Voices 2025", "Youth_Voices_2025", 2025110301, "English (en)"));

  private static XlsFormImport imported;
  private static JsonNode survey;

  @BeforeAll
  static void importIt() throws XlsFormException {
    imported = XlsFormImporter.read(YOUTH_SURVEY.stream());
    survey = imported.definition();
  }

  private static String json(JsonNode node) {
    return node.toString().replace('"', '\'');
  }

  private static JsonNode question(String id) {
    for (JsonNode q : survey.get("questions")) {
      if (q.get("id").asText().equals(id)) {
        return q;
      }
    }
    throw new AssertionError("no question " + id + " in " + survey.get("questions"));
  }

  @Test
  void theSettingsSheetGivesIdVersionAndTitleInEveryLanguage() {
    assertEquals("youth-voices-2025", survey.get("id").asText());
    assertEquals(2025110301, survey.get("version").asInt());
    assertEquals("{'en':'Youth Voices 2025','sw':'Youth Voices 2025'}", json(survey.get("title")));
    assertEquals("[{'code':'en','name':'English'},{'code':'sw','name':'Kiswahili'}]", json(survey.get("languages")));
    assertEquals("{'ussd':[],'sms':[]}", json(survey.get("triggers")));
    assertEquals("[]", json(survey.get("quotas")));
  }

  @Test
  void theQuestionsKilaCanAskComeOverInOrder() {
    List<String> ids = survey.get("questions").findValuesAsText("id");
    assertEquals(List.of("consent", "gender", "age", "in_school", "subjects", "barriers", "barrier_other", "works",
        "hours", "comments"), ids);
  }

  @Test
  void aYesNoListBecomesAYesNoQuestion() {
    assertEquals("{'id':'consent','type':'yes_no','text':{'en':'Do you agree to take part?','sw':'Unakubali kushiriki?'}}",
        json(question("consent")));
  }

  @Test
  void selectOneBecomesSingleChoiceWithPreferNotToSay() {
    assertEquals("{'id':'gender','type':'single_choice','text':{'en':'Your gender?','sw':'Jinsia yako?'},'choices':["
        + "{'value':'female','label':{'en':'Female','sw':'Mwanamke'},'preferNotToSay':false},"
        + "{'value':'male','label':{'en':'Male','sw':'Mwanaume'},'preferNotToSay':false},"
        + "{'value':'other','label':{'en':'Other','sw':'Nyingine'},'preferNotToSay':false},"
        + "{'value':'prefer_not_to_say','label':{'en':'Prefer not to say','sw':'Sipendi kusema'},'preferNotToSay':true}],"
        + "'showIf':{'question':'consent','anyOf':['yes']}}", json(question("gender")));
  }

  @Test
  void integerTakesItsRangeFromTheConstraint() {
    assertEquals("{'id':'age','type':'number','text':{'en':'How old are you?','sw':'Una miaka mingapi?'},"
        + "'min':10,'max':35,'showIf':{'question':'consent','anyOf':['yes']}}", json(question("age")));
  }

  @Test
  void aGroupsRelevantAppliesToEachQuestionInIt() {
    assertEquals("{'question':'age','max':24}", json(question("in_school").get("showIf")));
    assertEquals("{'all':[{'question':'age','max':24},{'question':'in_school','anyOf':['yes']}]}",
        json(question("subjects").get("showIf")));
    assertEquals("multiple_choice", question("subjects").get("type").asText());
    assertEquals("[{'value':'maths','label':{'en':'Maths','sw':'Hisabati'},'preferNotToSay':false},"
        + "{'value':'science','label':{'en':'Science','sw':'Sayansi'},'preferNotToSay':false}]",
        json(question("subjects").get("choices")));
  }

  @Test
  void notEqualsSelectedAndCombinationsConvert() {
    assertEquals("{'not':{'question':'in_school','anyOf':['yes']}}", json(question("barriers").get("showIf")));
    assertEquals("{'question':'barriers','anyOf':['other']}", json(question("barrier_other").get("showIf")));
    assertEquals("{'all':[{'question':'age','min':18},{'question':'gender','anyOf':['female','male']}]}",
        json(question("works").get("showIf")));
    assertEquals("{'all':[{'not':{'question':'works','anyOf':['no']}},{'question':'age','min':18}]}",
        json(question("hours").get("showIf")));
  }

  @Test
  void textTakesItsLengthFromTheConstraintOrOneSms() {
    assertEquals(100, question("barrier_other").get("maxLength").asInt());
    assertEquals("text", question("barrier_other").get("type").asText());
    assertEquals(160, question("comments").get("maxLength").asInt());
  }

  @Test
  void anIntegerWithOnlyALowerBoundGetsTheDefaultMaximumAndANote() {
    assertEquals(0, question("hours").get("min").asLong());
    assertEquals(999_999, question("hours").get("max").asLong());
    assertTrue(imported.notes().contains("survey row 13 (hours): the constraint sets no maximum; Kila needs a range,"
        + " so answers from 0 to 999999 are accepted."), imported.notes().toString());
  }

  @Test
  void anUnsupportedRelevantKeepsTheQuestionWithoutItAndIsReported() {
    assertFalse(question("comments").has("showIf"));
  }

  @Test
  void everyRowNotConvertedIsReportedWithItsSpreadsheetRowNumber() {
    assertEquals(List.of(
        new Skipped("survey", 2, "type \"start\" skipped: it is form metadata, and Kila records when and over which"
            + " channel each answer came by itself"),
        new Skipped("survey", 14, "type \"geopoint\" skipped: it needs a smartphone, and a basic phone cannot answer it"),
        new Skipped("survey", 15, "begin_repeat \"household\" skipped with every row in it: Kila asks each question once"),
        new Skipped("survey", 16, "row skipped with repeat \"household\" (row 15)"),
        new Skipped("survey", 17, "row skipped with repeat \"household\" (row 15)"),
        new Skipped("survey", 18, "end_repeat skipped with repeat \"household\" (row 15)"),
        new Skipped("survey", 19, "relevant expression not converted: count-selected(${barriers}) > 1"
            + " (count-selected() is not supported); the question is asked without this condition"),
        new Skipped("survey", 20, "type \"calculate\" skipped: Kila does not compute values")), imported.skipped());
  }

  @Test
  void theNotesSayWhatWasIgnoredOrAssumed() {
    List<String> notes = imported.notes();
    assertTrue(notes.contains("form_id \"Youth_Voices_2025\" became the survey id \"youth-voices-2025\" (lowercase"
        + " letters, digits and hyphens)."), notes.toString());
    assertTrue(notes.contains("select_one yes_no became Kila yes/no questions, whose answers read as messages.yes and"
        + " messages.no in each language."), notes.toString());
    assertTrue(notes.contains("Groups were flattened (their questions are asked one after another and group labels are"
        + " not shown): \"school\" (row 6)."), notes.toString());
    assertTrue(notes.contains("Kila waits for an answer to every question it shows; these were not required in the"
        + " spreadsheet: barriers, barrier_other, hours, comments. A \"prefer not to say\" choice gives respondents a"
        + " way past a question."), notes.toString());
    assertTrue(notes.contains("Hints are not shown (a basic-phone screen has room for the question only): ignored on"
        + " rows 8."), notes.toString());
    assertTrue(notes.contains("Constraint messages are not used: Kila repeats the question after its own short hint"
        + " (messages.invalidHint). Ignored on rows 5."), notes.toString());
    assertTrue(notes.contains("Survey columns not used by Kila, ignored: appearance."), notes.toString());
    assertTrue(notes.contains("No USSD code or SMS keyword yet: add the survey's triggers before launching it."),
        notes.toString());
  }

  @Test
  void theConvertedSurveyLoadsWithNoProblems() {
    Surveys.Loaded loaded = Surveys.load(XlsFormImporter.toJson(imported), ChannelProfile.ussdDefault());
    assertEquals(List.of(), loaded.problems());
    assertTrue(loaded.ok());
  }

  @Test
  void theReportListsSkippedRowsThenNotes() {
    List<String> report = imported.report();
    assertEquals("survey row 14: type \"geopoint\" skipped: it needs a smartphone, and a basic phone cannot answer it",
        report.get(1));
    assertTrue(report.get(report.size() - 1).startsWith("note: "));
  }
}
