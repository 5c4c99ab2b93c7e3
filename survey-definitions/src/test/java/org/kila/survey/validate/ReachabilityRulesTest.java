package org.kila.survey.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.kila.survey.Surveys;
import org.kila.survey.render.ChannelProfile;

/** Cases of skip logic the broken fixture does not spell out: multiple choice, and surveys too big to try out. */
class ReachabilityRulesTest {

  private static List<String> problems(String questions) {
    String json = "{\"id\": \"reach\", \"version\": 1, \"title\": \"T\", \"languages\": [{\"code\": \"en\", \"name\": \"English\"}],"
        + " \"questions\": [" + questions + "]}";
    return Surveys.load(json, ChannelProfile.ussdDefault()).problems().stream().map(Problem::toString).toList();
  }

  private static final String CROPS = """
      {"id": "crops", "type": "multiple_choice", "text": "Which crops?",
       "choices": [{"value": "maize", "label": "Maize"}, {"value": "beans", "label": "Beans"}, {"value": "tea", "label": "Tea"}]}
      """;

  @Test
  void aMultipleChoiceAnswerCanHoldSeveralValuesAtOnce() {
    assertEquals(List.of(), problems(CROPS + """
        , {"id": "mixed", "type": "yes_no", "text": "Intercropped?",
           "showIf": {"all": [{"question": "crops", "anyOf": ["maize"]}, {"question": "crops", "anyOf": ["beans"]}]}}
        """));
  }

  @Test
  void butNotBothHoldAValueAndNotHoldIt() {
    assertEquals(List.of("questions[1].showIf: this question can never be shown: no answers to the questions before"
            + " it make this condition hold"),
        problems(CROPS + """
            , {"id": "odd", "type": "yes_no", "text": "Odd?",
               "showIf": {"all": [{"question": "crops", "anyOf": ["tea"]}, {"not": {"question": "crops", "anyOf": ["tea"]}}]}}
            """));
  }

  @Test
  void anUnansweredQuestionMakesNotHold() {
    // "skipped" is asked only to farmers; a non-farmer has no answer to it, so "not yes" holds for them.
    assertEquals(List.of(), problems("""
        {"id": "farms", "type": "yes_no", "text": "Farm?"},
        {"id": "irrigates", "type": "yes_no", "text": "Irrigate?", "showIf": {"question": "farms", "anyOf": ["yes"]}},
        {"id": "why_not", "type": "yes_no", "text": "Rain only?",
         "showIf": {"all": [{"question": "farms", "anyOf": ["no"]}, {"not": {"question": "irrigates", "anyOf": ["yes"]}}]}}
        """));
  }

  @Test
  void aCarriedOverAgeBandIsNoNumberSoARangeOnItCanFail() {
    String outsideTheRange = """
        , {"id": "older", "type": "yes_no", "text": "Older?", "showIf": {"not": {"question": "age", "min": 18, "max": 35}}}
        """;
    String banded = """
        {"id": "age", "type": "number", "text": "Age?", "min": 18, "max": 35,
         "stratifier": {"profileKey": "age_band", "bands": [{"min": 18, "max": 35, "value": "18-35"}]}}
        """;
    String plain = """
        {"id": "age", "type": "number", "text": "Age?", "min": 18, "max": 35}
        """;

    assertEquals(List.of(), problems(banded + outsideTheRange),
        "a respondent whose age band came from their profile has no age in years: the range fails, so not holds");
    assertEquals(List.of("questions[1].showIf: this question can never be shown: no answers to the questions before"
        + " it make this condition hold"), problems(plain + outsideTheRange));
  }

  @Test
  void aSurveyWithTooManyCombinationsToTryIsNotFlagged() {
    // 20 yes/no questions all feeding one condition: 2^20 combinations, past the search's limit. The
    // last question is in fact unreachable, but a missed warning is better than a long validation.
    List<String> questions = new ArrayList<>();
    List<String> tests = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      questions.add("{\"id\": \"q" + i + "\", \"type\": \"yes_no\", \"text\": \"Q" + i + "?\"}");
      tests.add("{\"question\": \"q" + i + "\", \"anyOf\": [\"yes\"]}");
    }
    questions.add("{\"id\": \"last\", \"type\": \"yes_no\", \"text\": \"Last?\", \"showIf\": {\"all\": ["
        + String.join(", ", tests) + ", {\"not\": {\"question\": \"q0\", \"anyOf\": [\"yes\"]}}]}}");

    assertEquals(List.of(), problems(String.join(", ", questions)));
  }
}
