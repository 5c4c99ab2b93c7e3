package org.kila.survey.engine;

import static org.kila.survey.engine.Phone.completed;
import static org.kila.survey.engine.Phone.invalid;
import static org.kila.survey.engine.Phone.recorded;
import static org.kila.survey.engine.SurveyBuilder.multiple;
import static org.kila.survey.engine.SurveyBuilder.number;
import static org.kila.survey.engine.SurveyBuilder.single;
import static org.kila.survey.engine.SurveyBuilder.survey;
import static org.kila.survey.engine.SurveyBuilder.text;
import static org.kila.survey.engine.SurveyBuilder.yesNo;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.kila.survey.engine.SurveyEvent.GaveUp;

class AnswersTest {
  private static CompiledSurvey oneQuestion(SurveyBuilder.QuestionBuilder question) {
    return survey("one-question").question(question).build();
  }

  private static final CompiledSurvey PROBLEMS = oneQuestion(multiple("problems", "Problems at the water point?")
      .choice("queue", "Long queue").choice("cost", "Too costly").choice("dirty", "Dirty water")
      .choice("far", "Too far"));

  private static final CompiledSurvey AGE = oneQuestion(number("age", "How old are you? (years)", 10, 99));

  private static final CompiledSurvey WATER = survey("water")
      .question(single("source", "Main water source?").choice("tap", "Tap").choice("well", "Well"))
      .question(yesNo("treated", "Do you treat it before drinking?"))
      .build();

  @ParameterizedTest(name = "\"{0}\"")
  @ValueSource(strings = {"1 3", "3 1", "1,3", "1, 3", "1*3", "3#1", "1.3", " 1  3 ", "#1#3#"})
  void severalChoicesAreStoredInOptionOrderWhateverTheSeparator(String typed) {
    Phone.dial(PROBLEMS)
        .seesScreen("Problems at the water point?", "1. Long queue", "2. Too costly", "3. Dirty water", "4. Too far")
        .answers(typed)
        .events(recorded("problems", "queue dirty"), completed());
  }

  @ParameterizedTest(name = "\"{0}\" is {1}")
  @CsvSource({"'1 1', repeated_choice", "'1 5', not_a_choice", "'', not_a_choice", "',,', not_a_choice",
      "'1 a', not_a_choice", "'0', not_a_choice"})
  void aBadListOfChoicesIsAskedAgain(String typed, String reason) {
    Phone.dial(PROBLEMS)
        .answers(typed)
        .events(invalid("problems", reason))
        .sees("Invalid answer, try again.\nProblems at the water point?");
  }

  @ParameterizedTest(name = "\"{0}\" -> {1}")
  @CsvSource({"'25', 25", "' 25 ', 25", "'018', 18", "'10', 10", "'99', 99"})
  void aNumberInRangeIsStoredInDecimal(String typed, String stored) {
    Phone.dial(AGE).answers(typed).events(recorded("age", stored), completed());
  }

  @ParameterizedTest(name = "\"{0}\" is {1}")
  @CsvSource({"'9', below_min", "'-4', below_min", "'100', above_max", "'130', above_max",
      "'twenty', not_a_number", "'2.5', not_a_number", "'', not_a_number", "'99999999999999999999', not_a_number"})
  void aNumberOutOfRangeIsAskedAgain(String typed, String reason) {
    Phone.dial(AGE)
        .answers(typed)
        .events(invalid("age", reason))
        .seesScreen("Invalid answer, try again.", "How old are you? (years)");
  }

  @Test
  void yesIsOneAndNoIsTwo() {
    Phone.dial(WATER).answers("2")
        .seesScreen("Do you treat it before drinking?", "1. Yes", "2. No", "0 Back")
        .answers("1")
        .events(recorded("treated", "yes"), completed());
    Phone.dial(WATER).answers("2").answers("2").events(recorded("treated", "no"), completed());
    Phone.dial(WATER).answers("2").answers("yes").events(invalid("treated", AnswerParser.NOT_A_CHOICE));
  }

  @Test
  void textIsTrimmedAndHeldToItsLength() {
    CompiledSurvey survey = oneQuestion(text("idea", "One idea to improve the clinic?", 20));
    Phone.dial(survey).answers("   ").events(invalid("idea", AnswerParser.EMPTY));
    Phone.dial(survey).answers("Open on Saturdays too").events(invalid("idea", AnswerParser.TOO_LONG));
    Phone.dial(survey).answers("  More nurses  ").events(recorded("idea", "More nurses"), completed());
    Phone.dial(survey).answers("Dawa 💊 zaidi kila siku").events(invalid("idea", AnswerParser.TOO_LONG));
    Phone.dial(survey).answers("Dawa zaidi 💊💊💊💊💊💊💊💊💊").events(recorded("idea", "Dawa zaidi 💊💊💊💊💊💊💊💊💊"), completed());
  }

  @Test
  void anInvalidAnswerIsAskedAgainWithAHintThenGivenUpAfterThreeTries() {
    Phone.dial(WATER)
        .answers("7")
        .events(invalid("source", AnswerParser.NOT_A_CHOICE))
        .seesScreen("Invalid answer, try again.", "Main water source?", "1. Tap", "2. Well")
        .isOpen()
        .answers("tap")
        .events(invalid("source", AnswerParser.NOT_A_CHOICE))
        .isOpen()
        .answers("")
        .events(invalid("source", AnswerParser.NOT_A_CHOICE), new GaveUp("source"))
        .seesScreen("Sorry, we could not read your answer. Goodbye.")
        .isDone()
        .answers("1")
        .noEvents()
        .seesScreen("Sorry, we could not read your answer. Goodbye.")
        .isDone();
  }

  @Test
  void triesCountPerQuestion() {
    Phone.dial(WATER)
        .answers("7").answers("8")
        .answers("1")
        .events(recorded("source", "tap"))
        .seesScreen("Do you treat it before drinking?", "1. Yes", "2. No", "0 Back")
        .answers("7").answers("8")
        .isOpen()
        .answers("2")
        .events(recorded("treated", "no"), completed());
  }

  @Test
  void theNumberOfTriesIsTheSurveys() {
    CompiledSurvey strict = survey("strict").settings(1, "0", "98")
        .question(single("source", "Main water source?").choice("tap", "Tap").choice("well", "Well")).build();
    Phone.dial(strict).answers("5").events(invalid("source", AnswerParser.NOT_A_CHOICE), new GaveUp("source")).isDone();
  }

  @Test
  void theSurveysOwnKeysNavigate() {
    CompiledSurvey starKeys = survey("star-keys").settings(3, "*", "#")
        .question(single("source", "Main water source?").choice("tap", "Tap").choice("well", "Well"))
        .question(yesNo("treated", "Do you treat it before drinking?"))
        .build();
    Phone.dial(starKeys).answers("2")
        .seesScreen("Do you treat it before drinking?", "1. Yes", "2. No", "* Back")
        .answers("*")
        .noEvents()
        .seesScreen("Main water source?", "1. Tap", "2. Well")
        .answers("0")
        .events(invalid("source", AnswerParser.NOT_A_CHOICE));
  }
}
