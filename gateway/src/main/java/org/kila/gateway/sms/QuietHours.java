package org.kila.gateway.sms;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;
import org.kila.gateway.config.SmsConfig;

/**
 * The hours in which Kila does not text anyone first (invitations, reminders, nudges), in the
 * respondents' time zone: a text due then waits until the quiet hours end. Replies to a respondent's own
 * text are not held back: they are answers to someone who is awake.
 */
public final class QuietHours {
  private final Optional<SmsConfig.QuietHours> hours;
  private final ZoneId zone;

  public QuietHours(Optional<SmsConfig.QuietHours> hours, ZoneId zone) {
    this.hours = hours;
    this.zone = zone;
  }

  /** {@code at} itself when it is outside the quiet hours, else the moment they end. */
  public Instant nextAllowed(Instant at) {
    if (hours.isEmpty()) {
      return at;
    }
    LocalTime start = hours.get().start();
    LocalTime end = hours.get().end();
    ZonedDateTime local = at.atZone(zone);
    LocalTime time = local.toLocalTime();
    LocalDate day = local.toLocalDate();
    if (start.isBefore(end)) {
      // Within one day, e.g. 12:00-14:00.
      return !time.isBefore(start) && time.isBefore(end) ? ZonedDateTime.of(day, end, zone).toInstant() : at;
    }
    // Across midnight, e.g. 21:00-07:00.
    if (!time.isBefore(start)) {
      return ZonedDateTime.of(day.plusDays(1), end, zone).toInstant();
    }
    return time.isBefore(end) ? ZonedDateTime.of(day, end, zone).toInstant() : at;
  }
}
