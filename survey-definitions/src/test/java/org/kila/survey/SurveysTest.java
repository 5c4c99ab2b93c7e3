package org.kila.survey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.kila.survey.render.ChannelProfile;
import org.kila.survey.validate.Problem;

/** The whole pipeline, as the gateway and the {@code validate} command call it. */
class SurveysTest {
  private static final ChannelProfile USSD = ChannelProfile.ussdDefault();

  private static final String MARKET_SURVEY = """
      {"id": "market-prices", "version": 3, "title": {"en": "Market prices", "sw": "Bei za soko"},
       "languages": [{"code": "en", "name": "English"}, {"code": "sw", "name": "Kiswahili"}],
       "triggers": {"ussd": ["*384*20#"], "sms": ["BEI"]},
       "questions": [
         {"id": "sells", "type": "yes_no", "text": {"en": "Do you sell at the market?", "sw": "Je, unauza sokoni?"}},
         {"id": "stalls", "type": "number", "text": {"en": "How many stalls?", "sw": "Vibanda vingapi?"},
          "min": 1, "max": 20, "showIf": {"question": "sells", "anyOf": ["yes"]}}
       ]}
      """;

  @Test
  void aValidSurveyCompilesWithItsQuestionIndex() {
    Surveys.Loaded loaded = Surveys.load(MARKET_SURVEY, USSD);

    assertTrue(loaded.ok());
    assertEquals(List.of(), loaded.problems());
    assertEquals("market-prices", loaded.survey().id());
    assertEquals(3, loaded.survey().version());
    assertEquals(1, loaded.survey().indexOf("stalls"));
    assertEquals(-1, loaded.survey().indexOf("price"));
    assertEquals("Vibanda vingapi?", loaded.survey().question(1).text().in("sw"));
  }

  @Test
  void invalidJsonGivesOneProblemAndNoSurvey() {
    Surveys.Loaded loaded = Surveys.load("{\"id\": \"market-prices\",", USSD);

    assertFalse(loaded.ok());
    assertNull(loaded.survey());
    assertEquals(1, loaded.problems().size());
    assertEquals("$", loaded.problems().get(0).path());
    assertTrue(loaded.problems().get(0).message().startsWith("not valid JSON at line 1"), loaded.problems().toString());
  }

  @Test
  void everySemanticProblemComesBackAtOnce() {
    String broken = MARKET_SURVEY
        .replace("\"version\": 3", "\"version\": 0")
        .replace("\"sw\": \"Je, unauza sokoni?\"", "\"sw\": \"\"")
        .replace("\"*384*20#\"", "\"*384*20\"")
        .replace("\"min\": 1, \"max\": 20", "\"min\": 30, \"max\": 20")
        .replace("\"anyOf\": [\"yes\"]", "\"anyOf\": [\"ndiyo\"]");

    Surveys.Loaded loaded = Surveys.load(broken, USSD);

    assertNull(loaded.survey());
    assertEquals(List.of(
            "version: must be 1 or more, not 0",
            "triggers.ussd[0]: \"*384*20\" is not a USSD service code like *384*12#",
            "questions[1].min: min (30) is greater than max (20)",
            "questions[0].text.sw: missing the Kiswahili (\"sw\") text",
            "questions[1].showIf.anyOf[0]: \"ndiyo\" is not an answer to \"sells\" (its answers: yes, no)",
            "questions[1].showIf: this question can never be shown: no answers to the questions before it make"
                + " this condition hold"),
        loaded.problems().stream().map(Problem::toString).toList());
  }

  @Test
  void structuralProblemsComeAloneBecauseNothingCanBeCheckedOnAHalfReadSurvey() {
    String broken = MARKET_SURVEY.replace("\"type\": \"number\"", "\"type\": \"multiple\"").replace("\"version\": 3", "\"version\": 0");

    Surveys.Loaded loaded = Surveys.load(broken, USSD);

    assertEquals(List.of("questions[1].type: unknown question type \"multiple\" (did you mean \"multiple_choice\"?)"),
        loaded.problems().stream().map(Problem::toString).toList());
  }

  @Test
  void theSmallSurveyInTheReadmeLoads() throws IOException {
    String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
    int heading = readme.indexOf("## A whole survey, small");
    int start = readme.indexOf("```json", heading) + "```json".length();
    String json = readme.substring(start, readme.indexOf("```", start));

    Surveys.Loaded loaded = Surveys.load(json, USSD);

    assertEquals(List.of(), loaded.problems());
    assertEquals("water-points", loaded.survey().id());
  }

  @Test
  void screensAreCheckedAgainstTheGivenUssdBudget() {
    String longer = MARKET_SURVEY.replace("Do you sell at the market?",
        "Do you sell fruit, vegetables, grain or livestock at the weekly market in your ward?");

    assertTrue(Surveys.load(longer, USSD).ok());
    Surveys.Loaded onASmallScreen = Surveys.load(longer, ChannelProfile.ussd(100));
    assertEquals(List.of("questions[0].text.en: too long for one USSD screen: the question with choice 1 and the"
            + " More and Back lines takes 106 of 100 characters"),
        onASmallScreen.problems().stream().map(Problem::toString).toList());
  }
}
