package org.kila.gateway.sms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.kila.gateway.config.SmsConfig;
import org.kila.gateway.testing.LaunchedSurveys;
import org.kila.survey.Surveys;
import org.kila.survey.model.SurveyDefinition;
import org.kila.survey.render.ChannelProfile;

/** Which of a survey's SMS settings come from its own "sms" block and which from the gateway's options. */
class FollowUpDefaultsTest {
  /** The gateway: quiet 21:00-07:00 in Nairobi, one reminder after 48 h, nudges for "listed", finishing by SMS allowed. */
  static final FollowUpDefaults GATEWAY = new FollowUpDefaults(
      Optional.of(new SmsConfig.QuietHours(LocalTime.of(21, 0), LocalTime.of(7, 0))), ZoneId.of("Africa/Nairobi"), 1,
      Duration.ofHours(48), Set.of("listed"), true);
  /** 19:30 UTC: 22:30 in Nairobi, 20:30 in Lagos. */
  static final Instant EVENING = Instant.parse("2026-11-23T19:30:00Z");

  static SurveyDefinition survey(String id, String smsBlock) {
    Surveys.Loaded loaded = Surveys.load(LaunchedSurveys.poll(id, "*384*50#", "KURA", smsBlock), ChannelProfile.ussdDefault());
    assertEquals(List.of(), loaded.problems());
    return loaded.survey().definition();
  }

  @Test
  void aSurveyWithoutTheBlockRunsOnTheGatewaysOptions() {
    FollowUpSettings settings = GATEWAY.of(survey("listed", ""));

    assertEquals(1, settings.reminders());
    assertEquals(Duration.ofHours(48), settings.reminderDelay());
    assertTrue(settings.nudge(), "listed in the gateway's nudge surveys");
    assertTrue(settings.finishBySms());
    assertEquals(Instant.parse("2026-11-24T04:00:00Z"), settings.quietHours().nextAllowed(EVENING), "07:00 in Nairobi");
    assertFalse(GATEWAY.of(survey("unlisted", "")).nudge());
  }

  @Test
  void whatTheSurveySetsWinsAndWhatItLeavesOutIsTheGateways() {
    FollowUpSettings settings = GATEWAY.of(survey("listed", "{\"reminders\": 0, \"nudge\": false}"));

    assertEquals(0, settings.reminders());
    assertEquals(Duration.ofHours(48), settings.reminderDelay(), "left to the gateway");
    assertFalse(settings.nudge(), "the survey's false wins over the gateway's list");
    assertTrue(settings.finishBySms(), "left to the gateway");
  }

  @Test
  void aTimeZoneAloneMovesTheGatewaysQuietHoursToIt() {
    FollowUpSettings settings = GATEWAY.of(survey("lagos", "{\"timeZone\": \"Africa/Lagos\"}"));

    Instant lagosNight = Instant.parse("2026-11-23T20:30:00Z"); // 21:30 in Lagos
    assertEquals(Instant.parse("2026-11-24T06:00:00Z"), settings.quietHours().nextAllowed(lagosNight),
        "07:00 in Lagos, not 07:00 in Nairobi");
  }

  @Test
  void noneLetsTheSurveysTextsGoAtAnyHour() {
    FollowUpSettings settings = GATEWAY.of(survey("anytime", "{\"quietHours\": \"none\"}"));

    assertEquals(EVENING, settings.quietHours().nextAllowed(EVENING));
  }
}
