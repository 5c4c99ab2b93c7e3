package org.kila.gateway.sms;

import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Reads an HTTP {@code Retry-After} header: a number of seconds or an HTTP date. See
 * https://www.rfc-editor.org/rfc/rfc9110#field.retry-after
 */
public final class RetryAfter {
  /** A provider asking for more than this is capped: the outbox's own backoff takes over after. */
  static final Duration MAX = Duration.ofHours(1);

  private RetryAfter() {}

  /** The wait the header asks for (never negative, at most an hour), or null when absent or unreadable. */
  public static Duration parse(String header, Clock clock) {
    if (header == null || header.isBlank()) {
      return null;
    }
    String value = header.strip();
    Duration wait;
    if (value.chars().allMatch(Character::isDigit)) {
      if (value.length() > 9) {
        return MAX;
      }
      wait = Duration.ofSeconds(Long.parseLong(value));
    } else {
      try {
        ZonedDateTime at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME);
        wait = Duration.between(clock.instant(), at.toInstant());
      } catch (DateTimeParseException e) {
        return null;
      }
    }
    if (wait.isNegative()) {
      return Duration.ZERO;
    }
    return wait.compareTo(MAX) > 0 ? MAX : wait;
  }
}
