package org.kila.survey.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.kila.survey.engine.Phone.captured;
import static org.kila.survey.engine.Phone.completed;
import static org.kila.survey.engine.Phone.invalid;
import static org.kila.survey.engine.Phone.recorded;
import static org.kila.survey.engine.SurveyBuilder.survey;
import static org.kila.survey.engine.SurveyBuilder.yesNo;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.kila.survey.engine.SurveyEvent.ConsentGiven;
import org.kila.survey.engine.SurveyEvent.Interrupted;

class ResumeTest {
  private static final CompiledSurvey COAST = NavigationTest.COAST;

  @Test
  void aTimedOutSessionResumesAtTheSameQuestionWithoutReAnswering() {
    Phone phone = Phone.dial(COAST)
        .answers("1")
        .sees("Which county do you live in?")
        .timesOut()
        .events(new Interrupted("county"))
        .seesScreen("")
        .isDone();
    assertEquals(Stage.INTERRUPTED, phone.state().stage());

    phone.redials()
        .noEvents()
        .isOpen()
        .sees("Welcome back!\nWhich county do you live in?\n1. Mombasa")
        .answers("3")
        .events(recorded("county", "kilifi"))
        .sees("Do you have children?");
    assertEquals(List.of(recorded("gender", "female"), captured("gender", "female", "gender")),
        phone.everyEvent().subList(0, 2));
    assertEquals(1, phone.everyEvent().stream().filter(e -> e.equals(recorded("gender", "female"))).count(),
        "gender was answered once");
  }

  @Test
  void aHungUpSessionResumesTooAndBackStillWorks() {
    Phone.dial(COAST).answers("2").answers("5")
        .hangsUp()
        .events(new Interrupted("children"))
        .redials()
        .seesScreen("Welcome back!", "Do you have children?", "1. Yes", "2. No", "0 Back")
        .answers("0")
        .seesScreen("Which county do you live in?", "1. Mombasa", "2. Kwale", "3. Kilifi", "4. Tana River",
            "5. Lamu", "6. Taita-Taveta", "7. Garissa", "8. Wajir", "9. Mandera", "10. Marsabit", "98 More", "0 Back");
  }

  @Test
  void aSecondTimeoutIsNotASecondDrop() {
    Phone.dial(COAST).timesOut().events(new Interrupted("gender")).timesOut().noEvents().hangsUp().noEvents().isDone();
  }

  @Test
  void textTypedIntoAnInterruptedSessionShowsTheScreenAgainInstead() {
    Phone.dial(COAST).answers("1").timesOut()
        .answers("3")
        .noEvents()
        .sees("Welcome back!\nWhich county");
  }

  @Test
  void aResumedListPagesThroughEveryCountyOnce() {
    Phone phone = Phone.dial(COAST).answers("1").answers("98").timesOut().redials().sees("Welcome back!\n");
    assertEquals(Arrays.asList(NavigationTest.COUNTIES), NavigationTest.countiesOnEveryPage(phone));
  }

  @Test
  void invalidTriesSurviveTheDrop() {
    CompiledSurvey survey = survey("tries").settings(2, "0", "98").question(yesNo("treated", "Do you treat water?")).build();
    Phone.dial(survey).answers("5").timesOut().redials()
        .answers("5")
        .events(invalid("treated", AnswerParser.NOT_A_CHOICE), new SurveyEvent.GaveUp("treated"))
        .isDone();
  }

  @Test
  void aSessionDroppedAtConsentResumesAtConsent() {
    CompiledSurvey survey = survey("consented").consent("Water point survey, 1 question. Take part?")
        .question(yesNo("treated", "Do you treat water?")).build();
    Phone.dial(survey)
        .hangsUp()
        .events(new Interrupted(null))
        .redials()
        .seesScreen("Welcome back!", "Water point survey, 1 question. Take part?", "1. Yes", "2. No")
        .answers("1")
        .events(new ConsentGiven())
        .answers("1")
        .events(recorded("treated", "yes"), completed());
  }

  @Test
  void aFinishedSessionOnlyRepeatsItsThankYou() {
    CompiledSurvey survey = survey("short").question(yesNo("treated", "Do you treat water?")).build();
    Phone.dial(survey).answers("1").isDone()
        .redials().noEvents().seesScreen("Thank you! Your answers are saved.").isDone()
        .timesOut().noEvents().seesScreen("Thank you! Your answers are saved.").isDone();
  }
}
