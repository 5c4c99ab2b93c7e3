package org.kila.survey.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.kila.survey.Surveys;
import org.kila.survey.render.ChannelProfile;

/** The SMS cost warning a designer sees next to the problems: shorter wording saves money per respondent. */
class SmsCostWarningsTest {
  private static String survey(String code, String name, String question) {
    return """
        {"id": "cost-check", "version": 1, "title": {"%1$s": "T"},
         "languages": [{"code": "%1$s", "name": "%2$s"}],
         "triggers": {"ussd": ["*384*40#"], "sms": ["COST"]},
         "messages": {"back": {"%1$s": "B"}, "more": {"%1$s": "M"}, "yes": {"%1$s": "Y"}, "no": {"%1$s": "N"},
           "completed": {"%1$s": "OK"}, "screenedOut": {"%1$s": "OK"}, "declined": {"%1$s": "OK"},
           "gaveUp": {"%1$s": "OK"}, "invalidHint": {"%1$s": "?"}, "chooseLanguage": {"%1$s": "L"},
           "welcomeBack": {"%1$s": "W"}},
         "questions": [{"id": "q1", "type": "text", "maxLength": 100, "text": {"%1$s": "%3$s"}}]}
        """.formatted(code, name, question);
  }

  @Test
  void aShortQuestionInGsm7CostsOneSegmentAndIsNotFlagged() {
    Surveys.Loaded loaded = Surveys.load(survey("en", "English", "What would you tell your leaders?"),
        ChannelProfile.ussdDefault());
    assertEquals(List.of(), loaded.problems());
    assertEquals(List.of(), loaded.warnings());
  }

  @Test
  void aLongUcs2QuestionIsFlaggedWithItsPathAndSegmentCount() {
    String nepali = "तपाईंको गाउँको स्वास्थ्य चौकीमा सेवा लिन जाँदा तपाईंलाई के कस्तो अनुभव भयो, "
        + "र के सुधार गर्नुपर्छ भन्ने लाग्छ? छोटकरीमा लेख्नुहोस्। तपाईंको जवाफ गोप्य राखिनेछ।";
    Surveys.Loaded loaded = Surveys.load(survey("ne", "नेपाली", nepali), ChannelProfile.ussd(182));
    assertEquals(1, loaded.warnings().size(), loaded.warnings().toString());
    Problem warning = loaded.warnings().get(0);
    assertEquals("questions[0].text.ne", warning.path());
    assertTrue(warning.message().startsWith("takes 3 SMS segments (UCS-2"), warning.message());
  }
}
