package org.kila.survey.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.kila.survey.engine.Phone.captured;
import static org.kila.survey.engine.Phone.completed;
import static org.kila.survey.engine.Phone.invalid;
import static org.kila.survey.engine.Phone.recorded;
import static org.kila.survey.engine.SurveyBuilder.ENGLISH;
import static org.kila.survey.engine.SurveyBuilder.SWAHILI;
import static org.kila.survey.engine.SurveyBuilder.single;
import static org.kila.survey.engine.SurveyBuilder.survey;
import static org.kila.survey.engine.SurveyBuilder.t;
import static org.kila.survey.engine.SurveyBuilder.yesNo;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.kila.survey.engine.SurveyEvent.ConsentDeclined;
import org.kila.survey.engine.SurveyEvent.ConsentGiven;
import org.kila.survey.engine.SurveyEvent.LanguageChosen;
import org.kila.survey.model.Language;

class LanguageAndConsentTest {
  private static final CompiledSurvey YOUTH_VOICE = survey("youth-voice")
      .languages(ENGLISH, SWAHILI)
      .consent(t("en", "Youth Voice: 2 questions, answers kept private. Take part?",
          "sw", "Sauti ya Vijana: maswali 2, majibu ni siri. Ungependa kushiriki?"))
      .question(single("gender", t("en", "Are you:", "sw", "Wewe ni:"))
          .choice("female", t("en", "Female", "sw", "Mwanamke"))
          .choice("male", t("en", "Male", "sw", "Mwanamume"))
          .preferNotToSay("prefer_not", t("en", "Prefer not to say", "sw", "Sipendi kusema"))
          .stratifier("gender"))
      .question(yesNo("works", t("en", "Do you have paid work?", "sw", "Je, una kazi ya mshahara?")))
      .build();

  @Test
  void languageChoiceThenConsentThenTheQuestionsInThatLanguage() {
    Phone.dial(YOUTH_VOICE)
        .seesScreen("Choose language", "1. English", "2. Kiswahili")
        .noEvents().isOpen()
        .answers("2")
        .events(new LanguageChosen("sw"))
        .seesScreen("Sauti ya Vijana: maswali 2, majibu ni siri. Ungependa kushiriki?", "1. Ndiyo", "2. Hapana")
        .answers("1")
        .events(new ConsentGiven())
        .seesScreen("Wewe ni:", "1. Mwanamke", "2. Mwanamume", "3. Sipendi kusema")
        .answers("1")
        .events(recorded("gender", "female"), captured("gender", "female", "gender"))
        .seesScreen("Je, una kazi ya mshahara?", "1. Ndiyo", "2. Hapana", "0 Rudi")
        .answers("2")
        .events(recorded("works", "no"), completed())
        .seesScreen("Asante! Majibu yako yamehifadhiwa.")
        .isDone();
  }

  @Test
  void aPreferredLanguageTheSurveyOffersSkipsTheChoice() {
    Phone.call(YOUTH_VOICE).preferring("sw").dial()
        .noEvents()
        .sees("Ungependa kushiriki?", "1. Ndiyo");
  }

  @Test
  void aPreferredLanguageTheSurveyDoesNotOfferStillAsks() {
    Phone.call(YOUTH_VOICE).preferring("fr").dial()
        .seesScreen("Choose language", "1. English", "2. Kiswahili");
  }

  @Test
  void aSurveyInOneLanguageNeverAsks() {
    CompiledSurvey english = survey("one-language").question(yesNo("works", "Do you have paid work?")).build();
    Phone.dial(english).seesScreen("Do you have paid work?", "1. Yes", "2. No");
  }

  @Test
  void anUnknownLanguageNumberIsAskedAgain() {
    Phone.dial(YOUTH_VOICE)
        .answers("3")
        .events(invalid(null, AnswerParser.NOT_A_CHOICE))
        .seesScreen("Invalid answer, try again.", "Choose language", "1. English", "2. Kiswahili")
        .answers("1")
        .events(new LanguageChosen("en"))
        .sees("Take part?");
  }

  @Test
  void decliningConsentEndsPolitelyAndRecordsNothingElse() {
    Phone phone = Phone.call(YOUTH_VOICE).preferring("en").dial()
        .answers("2")
        .events(new ConsentDeclined())
        .seesScreen("OK, nothing was saved. Goodbye.")
        .isDone();
    assertEquals(List.of(new ConsentDeclined()), phone.everyEvent());
    assertEquals(Stage.DECLINED, phone.state().stage());

    phone.answers("1").noEvents().seesScreen("OK, nothing was saved. Goodbye.").isDone();
    phone.redials().noEvents().seesScreen("OK, nothing was saved. Goodbye.").isDone();
  }

  @Test
  void consentTakesOnlyOneOrTwo() {
    Phone.call(YOUTH_VOICE).preferring("en").dial()
        .answers("yes")
        .events(invalid(null, AnswerParser.NOT_A_CHOICE))
        .sees("Invalid answer, try again.\nYouth Voice")
        .answers("0")
        .events(invalid(null, AnswerParser.NOT_A_CHOICE))
        .answers("1")
        .events(new ConsentGiven())
        .sees("Are you:");
  }

  @Test
  void nepaliScreensKeepToTheSmallerUcs2Budget() {
    Language nepali = new Language("ne", "नेपाली");
    CompiledSurvey survey = survey("ward-services")
        .languages(nepali)
        .question(single("service", t("ne", "कुन सेवा लिनुभयो?"))
            .choice("health", t("ne", "स्वास्थ्य चौकी"))
            .choice("school", t("ne", "विद्यालय"))
            .choice("water", t("ne", "खानेपानी"))
            .choice("ward", t("ne", "वडा कार्यालय"))
            .choice("none", t("ne", "कुनै पनि होइन")))
        .build();
    // The Phone checks every screen against the budget its own encoding gets: 70 here, not 160.
    Phone.dial(survey)
        .seesScreen("कुन सेवा लिनुभयो?", "1. स्वास्थ्य चौकी", "2. विद्यालय", "3. खानेपानी", "98 थप")
        .answers("98")
        .seesScreen("कुन सेवा लिनुभयो?", "4. वडा कार्यालय", "5. कुनै पनि होइन", "0 पछाडि")
        .answers("5")
        .events(recorded("service", "none"), completed())
        .seesScreen("धन्यवाद! तपाईंको जवाफ सुरक्षित भयो।");
  }
}
