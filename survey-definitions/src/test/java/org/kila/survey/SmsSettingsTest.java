package org.kila.survey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.kila.survey.model.SmsSettings;
import org.kila.survey.render.ChannelProfile;
import org.kila.survey.validate.Problem;

/** The optional "sms" block of a survey: what is read from it, what a survey without one says, what is refused. */
class SmsSettingsTest {
  private static final String SURVEY = """
      {"id": "girls-voice-ug", "version": 1, "title": "Girls' voice",
       "languages": [{"code": "en", "name": "English"}],
       "triggers": {"ussd": ["*384*40#"], "sms": ["SAUTI"]},
       "questions": [{"id": "school", "type": "yes_no", "text": "Are you in school?"}]
       SMS}
      """;

  private static Surveys.Loaded load(String smsBlock) {
    return Surveys.load(SURVEY.replace("SMS", smsBlock.isEmpty() ? "" : ", \"sms\": " + smsBlock), ChannelProfile.ussdDefault());
  }

  @Test
  void aFullBlockIsReadAsWritten() {
    Surveys.Loaded loaded = load("""
        {"quietHours": "19:00-07:00", "timeZone": "Africa/Kampala", "reminders": 2, "reminderDelay": "3d",
         "nudge": false, "finishBySms": false}""");

    assertEquals(List.of(), loaded.problems());
    SmsSettings sms = loaded.survey().definition().sms();
    assertEquals(new SmsSettings("19:00-07:00", "Africa/Kampala", 2, "3d", false, false), sms);
    assertEquals(Optional.of(new SmsSettings.Hours(LocalTime.of(19, 0), LocalTime.of(7, 0))), sms.hours());
    assertEquals(Optional.of(Duration.ofDays(3)), sms.delay());
    assertFalse(sms.noQuietHours());
  }

  @Test
  void withoutTheBlockEveryValueIsLeftToTheGateway() {
    Surveys.Loaded loaded = load("");

    assertEquals(List.of(), loaded.problems());
    assertEquals(SmsSettings.UNSET, loaded.survey().definition().sms());
  }

  @Test
  void aPartialBlockLeavesTheRestToTheGateway() {
    SmsSettings sms = load("{\"nudge\": false}").survey().definition().sms();

    assertEquals(new SmsSettings(null, null, null, null, false, null), sms);
    assertEquals(Optional.empty(), sms.hours());
    assertEquals(Optional.empty(), sms.delay());
  }

  @Test
  void noneTurnsQuietHoursOffAndNeedsNoTimeZone() {
    Surveys.Loaded loaded = load("{\"quietHours\": \"none\"}");

    assertEquals(List.of(), loaded.problems());
    assertTrue(loaded.survey().definition().sms().noQuietHours());
    assertEquals(Optional.empty(), loaded.survey().definition().sms().hours());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "Nairobi|sms.timeZone: \"Nairobi\" is not a time zone (did you mean \"Africa/Nairobi\"?)",
      "dar es salaam|sms.timeZone: \"dar es salaam\" is not a time zone (did you mean \"Africa/Dar_es_Salaam\"?)",
      "asia/dhaka|sms.timeZone: \"asia/dhaka\" is not a time zone (did you mean \"Asia/Dhaka\"?)",
      "EAT|sms.timeZone: \"EAT\" is not a time zone: use a tz database name such as \"Africa/Nairobi\" or \"Asia/Dhaka\"",
      "+03:00|sms.timeZone: \"+03:00\" is not a time zone: use a tz database name such as \"Africa/Nairobi\" or \"Asia/Dhaka\"",
  })
  void aTimeZoneMustBeATzDatabaseNameAndALikelyOneIsSuggested(String zone, String problem) {
    Surveys.Loaded loaded = load("{\"quietHours\": \"19:00-07:00\", \"timeZone\": \"" + zone + "\"}");

    assertEquals(List.of(problem), loaded.problems().stream().map(Problem::toString).toList());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"0, 1h", "3, 30d", "1, 90m", "2, 720h"})
  void remindersAndDelaysAtTheEdgesOfTheirRangesAreAccepted(int reminders, String delay) {
    Surveys.Loaded loaded = load("{\"reminders\": " + reminders + ", \"reminderDelay\": \"" + delay + "\"}");

    assertEquals(List.of(), loaded.problems());
  }
}
