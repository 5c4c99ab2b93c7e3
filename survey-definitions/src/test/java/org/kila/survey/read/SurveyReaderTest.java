package org.kila.survey.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.kila.survey.model.Band;
import org.kila.survey.model.Choice;
import org.kila.survey.model.Condition;
import org.kila.survey.model.Language;
import org.kila.survey.model.LocalizedText;
import org.kila.survey.model.Question;
import org.kila.survey.model.QuestionType;
import org.kila.survey.model.Quota;
import org.kila.survey.model.Settings;
import org.kila.survey.model.Stratifier;
import org.kila.survey.model.SurveyDefinition;
import org.kila.survey.validate.Problem;

class SurveyReaderTest {
  private final SurveyReader reader = new SurveyReader();

  private SurveyDefinition read(String json) {
    SurveyReader.Result result = reader.read(json);
    assertEquals(List.of(), result.problems());
    assertTrue(result.ok());
    return result.definition();
  }

  @Test
  void buildsEveryKindOfNodeIntoTheModel() {
    SurveyDefinition s = read("""
        {
          "id": "water-ke", "version": 2,
          "title": {"en": "Water", "sw": "Maji"},
          "languages": [{"code": "en", "name": "English"}, {"code": "sw", "name": "Kiswahili"}],
          "triggers": {"ussd": ["*384*7#"], "sms": ["MAJI"]},
          "consent": {"text": {"en": "Continue?", "sw": "Endelea?"}},
          "questions": [
            {"id": "gender", "type": "single_choice", "text": {"en": "Gender?", "sw": "Jinsia?"},
             "choices": [{"value": "female", "label": {"en": "Female", "sw": "Mwanamke"}},
                         {"value": "pnts", "label": {"en": "Prefer not to say", "sw": "Sipendi kusema"}, "preferNotToSay": true}],
             "stratifier": {"profileKey": "gender", "sensitive": true}},
            {"id": "age", "type": "number", "text": {"en": "Age?", "sw": "Umri?"}, "min": 10, "max": 24,
             "stratifier": {"profileKey": "age_band", "bands": [{"min": 10, "max": 14, "value": "10-14"},
                                                                {"min": 15, "max": 24, "value": "15-24"}]}},
            {"id": "sources", "type": "multiple_choice", "text": {"en": "Sources?", "sw": "Vyanzo?"},
             "choices": [{"value": "tap", "label": {"en": "Tap", "sw": "Bomba"}}, {"value": "well", "label": {"en": "Well", "sw": "Kisima"}}],
             "showIf": {"all": [{"question": "age", "min": 15}, {"not": {"question": "gender", "anyOf": ["pnts"]}}]}},
            {"id": "boils", "type": "yes_no", "text": {"en": "Boil it?", "sw": "Unachemsha?"},
             "showIf": {"any": [{"question": "sources", "anyOf": ["well"]}, {"question": "age", "max": 12}]}},
            {"id": "note", "type": "text", "text": {"en": "Anything else?", "sw": "Lingine?"}, "maxLength": 80}
          ],
          "quotas": [{"id": "by_gender", "profileKeys": ["gender"], "targets": [{"stratum": {"gender": "female"}, "count": 40}]}],
          "settings": {"maxInvalidTries": 2, "moreKey": "99"}
        }
        """);

    assertEquals("water-ke", s.id());
    assertEquals(2, s.version());
    assertEquals(List.of(new Language("en", "English"), new Language("sw", "Kiswahili")), s.languages());
    assertEquals(List.of("*384*7#"), s.triggers().ussdCodes());
    assertEquals(List.of("MAJI"), s.triggers().smsKeywords());
    assertEquals("Endelea?", s.consent().text().in("sw"));
    assertEquals(List.of(QuestionType.SINGLE_CHOICE, QuestionType.NUMBER, QuestionType.MULTIPLE_CHOICE,
        QuestionType.YES_NO, QuestionType.TEXT), s.questions().stream().map(Question::type).toList());

    Question gender = s.questions().get(0);
    assertEquals(new Choice("pnts", new LocalizedText(Map.of("en", "Prefer not to say", "sw", "Sipendi kusema")), true),
        gender.choices().get(1));
    assertFalse(gender.choices().get(0).preferNotToSay());
    assertEquals(new Stratifier("gender", List.of(), true), gender.stratifier());

    Question age = s.questions().get(1);
    assertEquals(10L, age.min());
    assertEquals(24L, age.max());
    assertEquals(List.of(new Band(10, 14, "10-14"), new Band(15, 24, "15-24")), age.stratifier().bands());

    assertEquals(new Condition.All(List.of(
            new Condition.InRange("age", 15L, null),
            new Condition.Not(new Condition.AnyOf("gender", List.of("pnts"))))),
        s.questions().get(2).showIf());
    assertEquals(new Condition.Any(List.of(
            new Condition.AnyOf("sources", List.of("well")),
            new Condition.InRange("age", null, 12L))),
        s.questions().get(3).showIf());
    assertEquals(80, s.questions().get(4).maxLength());
    assertNull(s.questions().get(4).showIf());

    assertEquals(List.of(new Quota("by_gender", List.of("gender"),
        List.of(new Quota.Target(Map.of("gender", "female"), 40)))), s.quotas());
    assertEquals(new Settings(2, "0", "99"), s.settings());
  }

  @Test
  void aPlainStringIsTheTextOfASurveysOnlyLanguage() {
    SurveyDefinition s = read("""
        {"id": "one", "version": 1, "title": "Title", "languages": [{"code": "fr", "name": "Français"}],
         "questions": [{"id": "q1", "type": "yes_no", "text": "Cultivez-vous ?"}]}
        """);

    assertEquals(LocalizedText.of("fr", "Title"), s.title());
    assertEquals(LocalizedText.of("fr", "Cultivez-vous ?"), s.questions().get(0).text());
    assertNull(s.consent());
    assertEquals(List.of(), s.quotas());
    assertEquals(Settings.DEFAULTS, s.settings());
  }

  @Test
  void missingMessagesComeFromTheBuiltInTextsOfEachLanguage() {
    SurveyDefinition s = read("""
        {"id": "two", "version": 1, "title": {"en": "T", "sw-KE": "T"},
         "languages": [{"code": "en", "name": "English"}, {"code": "sw-KE", "name": "Kiswahili"}],
         "questions": [{"id": "q1", "type": "yes_no", "text": {"en": "Q?", "sw-KE": "S?"}}]}
        """);

    assertEquals("Back", s.messages().back().in("en"));
    assertEquals("Rudi", s.messages().back().in("sw-KE"), "a regional code falls back to its language");
    assertEquals("Ndiyo", s.messages().yes().in("sw-KE"));
    assertEquals("Invalid answer, try again", s.messages().invalidHint().in("en"));
  }

  @Test
  void aMessageTheDesignerWritesIsTakenAsWrittenWithoutDefaultsMixedIn() {
    SurveyDefinition s = read("""
        {"id": "two", "version": 1, "title": {"en": "T", "sw": "T"},
         "languages": [{"code": "en", "name": "English"}, {"code": "sw", "name": "Kiswahili"}],
         "questions": [{"id": "q1", "type": "yes_no", "text": {"en": "Q?", "sw": "S?"}}],
         "messages": {"completed": {"en": "Thanks! 50 KES airtime is on its way."}}}
        """);

    assertEquals("Thanks! 50 KES airtime is on its way.", s.messages().completed().in("en"));
    assertFalse(s.messages().completed().has("sw"), "left for the validator to report, not filled with a generic thanks");
    assertEquals("Asante. Tayari tuna majibu ya kutosha kutoka kwa watu kama wewe.", s.messages().screenedOut().in("sw"));
  }

  @Test
  void aLanguageWithoutBuiltInTextsIsLeftMissing() {
    SurveyDefinition s = read("""
        {"id": "lg", "version": 1, "title": "Okugezesa", "languages": [{"code": "lg", "name": "Luganda"}],
         "questions": [{"id": "q1", "type": "yes_no", "text": "Olima?"}]}
        """);

    assertFalse(s.messages().back().has("lg"));
    assertFalse(s.messages().completed().has("lg"));
  }

  @Test
  void reportsProblemsFromEveryPartOfTheFileAtOnceAndBuildsNothing() {
    SurveyReader.Result result = reader.read("""
        {"id": "x", "version": "one", "title": "T", "languages": [{"code": "en", "name": "English"}],
         "questions": [{"id": "q1", "type": "yes_no", "text": "Q?", "showIf": {"question": "q0"}},
                       {"id": "q2", "type": "number", "text": "N?", "min": 1}],
         "quotas": [{"id": "q", "profileKeys": "gender", "targets": []}],
         "setings": {}}
        """);

    assertFalse(result.ok());
    assertNull(result.definition());
    assertEquals(List.of(
            new Problem("setings", "unknown field (did you mean \"settings\"?)"),
            new Problem("version", "must be a whole number, not a string"),
            new Problem("questions[0].showIf", "says which question but not which answers: add \"anyOf\": [...]"
                + " (choice values) or \"min\"/\"max\" (a number range)"),
            new Problem("questions[1].max", "required field is missing"),
            new Problem("quotas[0].profileKeys", "must be a list, not a string")),
        result.problems());
  }

  @Test
  void invalidJsonIsReportedWithItsLineAndColumn() {
    SurveyReader.Result result = reader.read("{\n  \"id\": \"x\"\n  \"version\": 1\n}");

    assertEquals(List.of(new Problem("$", "not valid JSON at line 3, column 3: Unexpected character ('\"'):"
        + " was expecting comma to separate Object entries")), result.problems());
  }

  @Test
  void trailingContentAfterTheSurveyIsInvalidJson() {
    SurveyReader.Result result = reader.read("""
        {"id": "one", "version": 1, "title": "T", "languages": [{"code": "en", "name": "English"}],
         "questions": [{"id": "q1", "type": "yes_no", "text": "Q?"}]}
        {"id": "two"}
        """);

    assertFalse(result.ok());
    assertTrue(result.problems().get(0).message().startsWith("not valid JSON at line 3"), result.problems().toString());
  }
}
