package org.kila.gateway.admin.exports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.kila.gateway.admin.ApiException;

/** The days of a download, both ends included, in UTC. */
class DateRangeTest {

  @Test
  void bothDaysAreIncludedWhole() {
    DateRange range = DateRange.parse("2026-11-01", "2026-11-30");
    assertEquals(Instant.parse("2026-11-01T00:00:00Z"), range.start());
    assertEquals(Instant.parse("2026-12-01T00:00:00Z"), range.end());
  }

  @Test
  void eitherEndMayBeOpen() {
    assertEquals(Instant.parse("1970-01-01T00:00:00Z"), DateRange.parse(null, "2026-11-30").start());
    assertEquals(Instant.parse("9999-12-31T00:00:00Z"), DateRange.parse("", null).end());
    assertEquals("all dates", DateRange.describe(null, " "));
    assertEquals("2026-11-01 to now", DateRange.describe("2026-11-01", null));
  }

  @Test
  void aMalformedOrBackwardRangeIsA400() {
    assertEquals("to must be a date such as 2026-11-30, not '30/11/2026'.",
        assertThrows(ApiException.class, () -> DateRange.parse(null, "30/11/2026")).getMessage());
    assertEquals(400, assertThrows(ApiException.class, () -> DateRange.parse("2026-11-02", "2026-11-01")).status());
  }
}
