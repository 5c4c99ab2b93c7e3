package org.kila.survey.model;

import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A survey's own SMS follow-up settings, the optional {@code "sms"} block, as written: when the gateway may
 * text first (quiet hours in a time zone), how many reminders after what delay, whether a dropped USSD
 * session gets one SMS nudge, and whether texting the keyword may finish a USSD session by SMS. A null
 * field is one the survey leaves to the gateway's option of the same name. The validator checks the text
 * fields; {@link #hours()} and {@link #delay()} read them once they have passed.
 */
public record SmsSettings(
    String quietHours, String timeZone, Integer reminders, String reminderDelay, Boolean nudge, Boolean finishBySms) {

  /** A survey without an {@code "sms"} block: every value is the gateway's. */
  public static final SmsSettings UNSET = new SmsSettings(null, null, null, null, null, null);

  /** The field names in the JSON format, in the order the documentation gives them. */
  public static final List<String> FIELDS =
      List.of("quietHours", "timeZone", "reminders", "reminderDelay", "nudge", "finishBySms");

  /** What {@code quietHours} says for "texts may go at any hour". */
  public static final String NO_QUIET_HOURS = "none";

  private static final Pattern HOURS = Pattern.compile("(\\d{2}:\\d{2})-(\\d{2}:\\d{2})");
  private static final Pattern DELAY = Pattern.compile("(\\d{1,6})(m|h|d)");

  /** Local hours from {@code start} to {@code end}, across midnight when {@code end} is earlier. */
  public record Hours(LocalTime start, LocalTime end) {}

  /** Whether the survey says it has no quiet hours at all. */
  public boolean noQuietHours() {
    return quietHours != null && quietHours.strip().equalsIgnoreCase(NO_QUIET_HOURS);
  }

  /** The quiet hours written as {@code HH:MM-HH:MM}; empty when unset, "none", or not two such times. */
  public Optional<Hours> hours() {
    return quietHours == null ? Optional.empty() : hours(quietHours);
  }

  /** The reminder delay; empty when unset or not written as minutes, hours or days ({@code 90m}, {@code 48h}, {@code 3d}). */
  public Optional<Duration> delay() {
    return reminderDelay == null ? Optional.empty() : delay(reminderDelay);
  }

  /** {@code "19:00-07:00"} read as two times on the 24-hour clock; empty when it is not that. */
  public static Optional<Hours> hours(String text) {
    Matcher m = HOURS.matcher(text.strip());
    if (!m.matches()) {
      return Optional.empty();
    }
    try {
      return Optional.of(new Hours(LocalTime.parse(m.group(1)), LocalTime.parse(m.group(2))));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  /** {@code "48h"} read as a duration; empty when it is not a whole number of minutes, hours or days. */
  public static Optional<Duration> delay(String text) {
    Matcher m = DELAY.matcher(text.strip().toLowerCase(Locale.ROOT));
    if (!m.matches()) {
      return Optional.empty();
    }
    long n = Long.parseLong(m.group(1));
    return Optional.of(switch (m.group(2)) {
      case "m" -> Duration.ofMinutes(n);
      case "h" -> Duration.ofHours(n);
      default -> Duration.ofDays(n);
    });
  }
}
