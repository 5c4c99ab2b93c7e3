package org.kila.gateway.admin.exports;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import org.kila.gateway.admin.ApiException;

/**
 * The days a download covers, from {@code from=2026-11-01} to {@code to=2026-11-30}, both included, in
 * UTC (the days of the participation chart); either end may be left open.
 *
 * @param start the first instant included
 * @param end the first instant after the range
 */
record DateRange(Instant start, Instant end) {
  private static final LocalDate EARLIEST = LocalDate.of(1970, 1, 1);
  private static final LocalDate LATEST = LocalDate.of(9999, 12, 30);

  static DateRange parse(String from, String to) {
    LocalDate first = date("from", from, EARLIEST);
    LocalDate last = date("to", to, LATEST);
    if (last.isBefore(first)) {
      throw ApiException.badRequest("The range ends (" + last + ") before it starts (" + first + ").");
    }
    return new DateRange(first.atStartOfDay(ZoneOffset.UTC).toInstant(), last.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
  }

  /** How an audit entry describes it: "2026-11-01 to 2026-11-30", or "all dates". */
  static String describe(String from, String to) {
    boolean open = (from == null || from.isBlank()) && (to == null || to.isBlank());
    return open ? "all dates" : (blank(from) ? "start" : from.strip()) + " to " + (blank(to) ? "now" : to.strip());
  }

  private static boolean blank(String text) {
    return text == null || text.isBlank();
  }

  private static LocalDate date(String name, String text, LocalDate whenMissing) {
    if (blank(text)) {
      return whenMissing;
    }
    try {
      return LocalDate.parse(text.strip());
    } catch (DateTimeParseException e) {
      throw ApiException.badRequest(name + " must be a date such as 2026-11-30, not '" + text + "'.");
    }
  }
}
