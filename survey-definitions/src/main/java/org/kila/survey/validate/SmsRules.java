package org.kila.survey.validate;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.kila.survey.model.SmsSettings;
import org.kila.survey.model.SurveyDefinition;

/**
 * The survey's own SMS follow-up settings: quiet hours that are two different times in a named time zone,
 * a time zone the tz database knows, at most three reminders after a delay of an hour to thirty days, and a
 * nudge only where there is a USSD code to dial back.
 */
final class SmsRules implements Rule {
  static final int MOST_REMINDERS = 3;
  private static final Duration SHORTEST_DELAY = Duration.ofHours(1);
  private static final Duration LONGEST_DELAY = Duration.ofDays(30);

  private static final Set<String> ZONES = Set.copyOf(ZoneId.getAvailableZoneIds());
  // Suggestions come only from Area/City names, sorted so a prefix ("Africa/Nai") always gets the same one:
  // a legacy name is too often a false friend ("EAT", East Africa Time, is one letter from "EET").
  private static final Set<String> CITY_ZONES = new TreeSet<>(ZONES.stream().filter(z -> z.contains("/")).toList());

  @Override
  public void check(SurveyDefinition survey, List<Problem> problems) {
    SmsSettings sms = survey.sms();
    quietHours(sms, problems);
    if (sms.timeZone() != null) {
      timeZone(sms.timeZone(), problems);
    }
    if (sms.reminders() != null && (sms.reminders() < 0 || sms.reminders() > MOST_REMINDERS)) {
      problems.add(new Problem("sms.reminders", "must be 0 to " + MOST_REMINDERS + ", not " + sms.reminders()));
    }
    if (sms.reminderDelay() != null) {
      delay(sms, problems);
    }
    if (Boolean.TRUE.equals(sms.nudge()) && survey.triggers().ussdCodes().isEmpty()) {
      problems.add(new Problem("sms.nudge", "a nudge tells the respondent which USSD code to dial again, but this survey"
          + " has none: add one to triggers.ussd or turn the nudge off"));
    }
  }

  private static void quietHours(SmsSettings sms, List<Problem> problems) {
    if (sms.quietHours() == null || sms.noQuietHours()) {
      return;
    }
    Optional<SmsSettings.Hours> hours = sms.hours();
    if (hours.isEmpty()) {
      problems.add(new Problem("sms.quietHours", "\"" + sms.quietHours() + "\" is not quiet hours like \"21:00-07:00\":"
          + " give a start and an end on the 24-hour clock, HH:MM-HH:MM, or \"none\""));
      return;
    }
    if (hours.get().start().equals(hours.get().end())) {
      problems.add(new Problem("sms.quietHours", "\"" + sms.quietHours() + "\" starts and ends at the same time:"
          + " give two different times, e.g. \"19:00-07:00\""));
    }
    if (sms.timeZone() == null) {
      // Local hours without their zone would be read in the gateway's zone, which may be another country's.
      problems.add(new Problem("sms.timeZone", "quiet hours are local times: name their time zone too, e.g. \"Africa/Nairobi\""));
    }
  }

  private static void timeZone(String zone, List<Problem> problems) {
    if (ZONES.contains(zone)) {
      return;
    }
    Optional<String> meant = DidYouMean.closest(zone, CITY_ZONES).or(() -> cityOf(zone));
    problems.add(new Problem("sms.timeZone", "\"" + zone + "\" is not a time zone" + meant
        .map(m -> " (did you mean \"" + m + "\"?)")
        .orElse(": use a tz database name such as \"Africa/Nairobi\" or \"Asia/Dhaka\"")));
  }

  /** The zone named after a city typed alone: "Nairobi" for "Africa/Nairobi". */
  private static Optional<String> cityOf(String typed) {
    String city = "/" + typed.strip().replace(' ', '_').toLowerCase(Locale.ROOT);
    return CITY_ZONES.stream().filter(z -> z.toLowerCase(Locale.ROOT).endsWith(city)).findFirst();
  }

  private static void delay(SmsSettings sms, List<Problem> problems) {
    Optional<Duration> delay = sms.delay();
    if (delay.isEmpty()) {
      problems.add(new Problem("sms.reminderDelay", "\"" + sms.reminderDelay() + "\" is not a delay like \"48h\":"
          + " write a whole number of minutes, hours or days, e.g. \"90m\", \"24h\" or \"3d\""));
    } else if (delay.get().compareTo(SHORTEST_DELAY) < 0 || delay.get().compareTo(LONGEST_DELAY) > 0) {
      problems.add(new Problem("sms.reminderDelay", "must be 1h to 30d, not " + sms.reminderDelay()));
    }
  }
}
