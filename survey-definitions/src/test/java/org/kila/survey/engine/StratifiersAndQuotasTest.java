package org.kila.survey.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.kila.survey.engine.Phone.captured;
import static org.kila.survey.engine.Phone.carried;
import static org.kila.survey.engine.Phone.cell;
import static org.kila.survey.engine.Phone.completed;
import static org.kila.survey.engine.Phone.recorded;
import static org.kila.survey.engine.SurveyBuilder.band;
import static org.kila.survey.engine.SurveyBuilder.number;
import static org.kila.survey.engine.SurveyBuilder.single;
import static org.kila.survey.engine.SurveyBuilder.survey;
import static org.kila.survey.engine.SurveyBuilder.target;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.kila.survey.engine.SurveyEvent.ConsentGiven;
import org.kila.survey.engine.SurveyEvent.ScreenedOut;
import org.kila.survey.model.Condition.InRange;

class StratifiersAndQuotasTest {
  private static SurveyBuilder clinicFeedback() {
    return survey("clinic-feedback")
        .question(single("gender", "Are you:").choice("female", "Female").choice("male", "Male")
            .preferNotToSay("prefer_not", "Prefer not to say").stratifier("gender"))
        .question(number("age", "How old are you? (years)", 10, 99)
            .stratifier("age_band", band(15, 19, "15-19"), band(20, 24, "20-24"), band(25, 35, "25-35")))
        .question(single("wait", "How long did you wait at the clinic?").choice("lt1h", "Under 1 hour")
            .choice("1to3h", "1 to 3 hours").choice("gt3h", "Over 3 hours"))
        .quota("by_gender", List.of("gender"), target(50, "gender", "female"), target(50, "gender", "male"))
        .quota("by_gender_age", List.of("gender", "age_band"),
            target(10, "gender", "female", "age_band", "15-19"), target(10, "gender", "male", "age_band", "15-19"));
  }

  private static final CompiledSurvey CLINIC = clinicFeedback().build();

  /** Counts the test changes while a call goes on, as completed responses elsewhere would. */
  private final Map<String, Long> counts = new HashMap<>();
  private final QuotaCounts quotas = (quotaId, stratumKey) -> counts.getOrDefault(quotaId + "/" + stratumKey, 0L);

  @Test
  void anAgeIsStoredAsGivenAndItsBandGoesToTheProfile() {
    Phone phone = Phone.dial(CLINIC).answers("2")
        .events(recorded("gender", "male"), captured("gender", "male", "gender"))
        .answers("17")
        .events(recorded("age", "17"), captured("age_band", "15-19", "age"))
        .sees("How long did you wait");
    assertEquals(Map.of("gender", "male", "age_band", "15-19"), phone.state().profile());
    phone.answers("3").events(recorded("wait", "gt3h"),
        completed(cell("by_gender", "gender=male"), cell("by_gender_age", "age_band=15-19|gender=male")));
  }

  @Test
  void anAgeInNoBandIsRecordedButCapturesNothing() {
    Phone.dial(CLINIC).answers("1")
        .answers("52")
        .events(recorded("age", "52"))
        .answers("1")
        .events(recorded("wait", "lt1h"), completed(cell("by_gender", "gender=female")));
  }

  @Test
  void aStratifierTheProfileKnowsIsNotAskedButRecordedAsCarriedOver() {
    Phone.call(CLINIC).knowing("gender", "female").dial()
        .events(carried("gender", "female"))
        .seesScreen("How old are you? (years)")
        .answers("30")
        .events(recorded("age", "30"), captured("age_band", "25-35", "age"));
  }

  @Test
  void aKnownAgeBandIsRecordedUnderTheAgeQuestionAsTheBand() {
    Phone phone = Phone.call(CLINIC).knowing("age_band", "20-24").knowing("disability", "none").dial()
        .sees("Are you:")
        .answers("1")
        .events(recorded("gender", "female"), captured("gender", "female", "gender"), carried("age", "20-24"))
        .sees("How long did you wait");
    assertEquals(Map.of("age_band", "20-24", "gender", "female"), phone.state().profile(),
        "profile keys this survey does not ask about are not kept in the session");
    phone.answers("0")
        .noEvents()
        .seesScreen("Are you:", "1. Female", "2. Male", "3. Prefer not to say")
        .answers("1")
        .events(recorded("gender", "female"), captured("gender", "female", "gender"));
  }

  @Test
  void aConditionOnACarriedOverAgeBandCannotReadItAsANumber() {
    CompiledSurvey survey = clinicFeedback()
        .question(single("school", "Are you in school?").choice("yes", "Yes").choice("no", "No")
            .showIf(new InRange("age", 15L, 19L)))
        .build();
    Phone.call(survey).knowing("gender", "male").knowing("age_band", "15-19").dial()
        .sees("How long did you wait")
        .answers("1")
        .events(recorded("wait", "lt1h"),
            completed(cell("by_gender", "gender=male"), cell("by_gender_age", "age_band=15-19|gender=male")));
  }

  @Test
  void aFullStratumScreensTheRespondentOutAsSoonAsItIsKnown() {
    counts.put("by_gender/gender=female", 50L);
    Phone phone = Phone.call(CLINIC).withQuotas(quotas).dial()
        .answers("1")
        .events(recorded("gender", "female"), captured("gender", "female", "gender"),
            new ScreenedOut("by_gender", "gender=female"))
        .seesScreen("Thank you. We already have enough answers from people like you.")
        .isDone();
    assertEquals(Stage.SCREENED_OUT, phone.state().stage());
    phone.answers("2").noEvents().isDone();
  }

  @Test
  void aQuotaOnTwoStratifiersWaitsForBoth() {
    counts.put("by_gender_age/age_band=15-19|gender=female", 10L);
    Phone.call(CLINIC).withQuotas(quotas).dial()
        .answers("1")
        .events(recorded("gender", "female"), captured("gender", "female", "gender"))
        .answers("16")
        .events(recorded("age", "16"), captured("age_band", "15-19", "age"),
            new ScreenedOut("by_gender_age", "age_band=15-19|gender=female"))
        .isDone();
  }

  @Test
  void preferNotToSayIsNeverScreenedOut() {
    QuotaCounts everythingFull = (quotaId, stratumKey) -> 1_000_000;
    Phone.call(CLINIC).withQuotas(everythingFull).dial()
        .answers("3")
        .events(recorded("gender", "prefer_not"), captured("gender", "prefer_not", "gender"))
        .answers("18")
        .events(recorded("age", "18"), captured("age_band", "15-19", "age"))
        .answers("2")
        .events(recorded("wait", "1to3h"), completed());
  }

  @Test
  void aQuotaThatFillsDuringTheCallDoesNotScreenOutSomeoneAlreadyIn() {
    Phone phone = Phone.call(CLINIC).withQuotas(quotas).dial().answers("2").isOpen();
    counts.put("by_gender/gender=male", 50L);
    phone.answers("40").events(recorded("age", "40")).answers("1").events(recorded("wait", "lt1h"),
        completed(cell("by_gender", "gender=male")));
  }

  @Test
  void aFullStratumTheProfileAlreadyKnowsScreensOutRightAfterConsent() {
    CompiledSurvey withConsent = clinicFeedback().consent("Clinic feedback, 3 questions. Take part?").build();
    counts.put("by_gender/gender=male", 50L);
    Phone.call(withConsent).knowing("gender", "male").withQuotas(quotas).dial()
        .noEvents()
        .sees("Take part?")
        .answers("1")
        .events(new ConsentGiven(), new ScreenedOut("by_gender", "gender=male"))
        .seesScreen("Thank you. We already have enough answers from people like you.")
        .isDone();
  }

  @Test
  void goingBackToAStratifierAsksItAgainAndCapturesTheNewAnswer() {
    counts.put("by_gender/gender=male", 50L);
    Phone.call(CLINIC).withQuotas(quotas).dial()
        .answers("1")
        .answers("0")
        .sees("Are you:")
        .answers("2")
        .events(recorded("gender", "male"), captured("gender", "male", "gender"),
            new ScreenedOut("by_gender", "gender=male"));
  }
}
