package org.kila.survey.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.kila.survey.engine.Phone.captured;
import static org.kila.survey.engine.Phone.completed;
import static org.kila.survey.engine.Phone.invalid;
import static org.kila.survey.engine.Phone.recorded;
import static org.kila.survey.engine.SurveyBuilder.number;
import static org.kila.survey.engine.SurveyBuilder.single;
import static org.kila.survey.engine.SurveyBuilder.survey;
import static org.kila.survey.engine.SurveyBuilder.text;
import static org.kila.survey.engine.SurveyBuilder.yesNo;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.kila.survey.model.Condition.AnyOf;

class NavigationTest {
  static final String[] COUNTIES = {"Mombasa", "Kwale", "Kilifi", "Tana River", "Lamu", "Taita-Taveta",
      "Garissa", "Wajir", "Mandera", "Marsabit", "Isiolo", "Meru"};

  static final CompiledSurvey COAST = coastSurvey();

  private static CompiledSurvey coastSurvey() {
    SurveyBuilder.QuestionBuilder county = single("county", "Which county do you live in?");
    for (String name : COUNTIES) {
      county.choice(name.toLowerCase().replace(' ', '_'), name);
    }
    return survey("coast-services")
        .question(single("gender", "Are you:").choice("female", "Female").choice("male", "Male")
            .preferNotToSay("prefer_not", "Prefer not to say").stratifier("gender"))
        .question(county)
        .question(yesNo("children", "Do you have children?"))
        .question(number("children_count", "How many children live with you?", 0, 20)
            .showIf(new AnyOf("children", List.of("yes"))))
        .question(text("suggestion", "What one thing would improve services in your county?", 60))
        .build();
  }

  /** A phone on the county screen, gender answered. */
  private static Phone atCounty() {
    return Phone.dial(COAST).answers("1").sees("Which county do you live in?");
  }

  @Test
  void moreShowsTheRestOfALongListWithNumbersContinued() {
    atCounty()
        .seesScreen("Which county do you live in?", "1. Mombasa", "2. Kwale", "3. Kilifi", "4. Tana River",
            "5. Lamu", "6. Taita-Taveta", "7. Garissa", "8. Wajir", "9. Mandera", "10. Marsabit", "98 More", "0 Back")
        .answers("98")
        .noEvents().isOpen()
        .seesScreen("Which county do you live in?", "11. Isiolo", "12. Meru", "0 Back")
        .answers("12")
        .events(recorded("county", "meru"))
        .sees("Do you have children?");
  }

  @Test
  void aNumberFromAnotherPageOfTheListIsTakenToo() {
    atCounty().answers("11").events(recorded("county", "isiolo"));
  }

  @Test
  void moreOnTheLastPageIsNotAChoice() {
    atCounty().answers("98").answers("98")
        .events(invalid("county", AnswerParser.NOT_A_CHOICE))
        .sees("Invalid answer, try again.\nWhich county");
  }

  @Test
  void backGoesThroughThePagesThenToThePreviousQuestion() {
    Phone phone = atCounty().answers("98").sees("12. Meru")
        .answers("0")
        .noEvents()
        .sees("1. Mombasa", "98 More")
        .answers("0")
        .noEvents()
        .seesScreen("Are you:", "1. Female", "2. Male", "3. Prefer not to say");
    assertEquals(Map.of(), phone.state().answers(), "going back takes the answer back");
    assertEquals(List.of(), phone.state().path());

    phone.answers("2")
        .events(recorded("gender", "male"), captured("gender", "male", "gender"))
        .sees("1. Mombasa", "98 More", "0 Back");
  }

  @Test
  void theFirstQuestionOffersNoBackAndReadsTheBackKeyAsAnAnswer() {
    Phone.dial(COAST)
        .doesNotSee("0 Back")
        .answers("0")
        .events(invalid("gender", AnswerParser.NOT_A_CHOICE));
  }

  @Test
  void aYesShowsTheFollowUpQuestion() {
    atCounty().answers("3").answers("1")
        .events(recorded("children", "yes"))
        .sees("How many children live with you?");
  }

  @Test
  void aNoSkipsTheFollowUpQuestion() {
    atCounty().answers("3").answers("2")
        .events(recorded("children", "no"))
        .sees("What one thing would improve services in your county?");
  }

  @Test
  void backFromAfterASkippedQuestionReturnsToTheQuestionAnswered() {
    atCounty().answers("3").answers("2")
        .answers("0")
        .sees("Do you have children?")
        .answers("1")
        .events(recorded("children", "yes"))
        .sees("How many children live with you?");
  }

  @Test
  void zeroIsAnAnswerWhereTheRangeHoldsIt() {
    atCounty().answers("3").answers("1")
        .seesScreen("How many children live with you?")
        .answers("0")
        .events(recorded("children_count", "0"))
        .sees("What one thing would improve");
  }

  @Test
  void aWholeSurveyEndsWithItsThankYou() {
    Phone phone = atCounty().answers("3").answers("1").answers("2")
        .answers("  Clean water at the market  ")
        .events(recorded("suggestion", "Clean water at the market"), completed())
        .seesScreen("Thank you! Your answers are saved.")
        .isDone();
    assertEquals(List.of("gender", "county", "children", "children_count", "suggestion"), phone.state().path());
  }

  @Test
  void afterAHintThePagesStillShowEveryCountyOnce() {
    Phone phone = atCounty().answers("13").sees("Invalid answer, try again.");
    assertEquals(Arrays.asList(COUNTIES), countiesOnEveryPage(phone));
  }

  /** Pages through the county list with More, collecting the county names in the order seen. */
  static List<String> countiesOnEveryPage(Phone phone) {
    List<String> seen = new ArrayList<>();
    while (true) {
      for (String line : phone.screen().split("\n")) {
        if (line.matches("\\d+\\. .*")) {
          seen.add(line.substring(line.indexOf(". ") + 2));
        }
      }
      if (!phone.screen().contains("98 More")) {
        return seen;
      }
      phone.answers("98").noEvents();
    }
  }
}
