package org.kila.gateway.sms;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.kila.gateway.config.SmsConfig;

class QuietHoursTest {
  private static final ZoneId NAIROBI = ZoneId.of("Africa/Nairobi"); // UTC+3

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
      // 21:00-07:00 Nairobi is 18:00-04:00 UTC
      "2026-11-23T12:00:00Z, 2026-11-23T12:00:00Z",
      "2026-11-23T17:59:00Z, 2026-11-23T17:59:00Z",
      "2026-11-23T18:00:00Z, 2026-11-24T04:00:00Z",
      "2026-11-23T20:30:00Z, 2026-11-24T04:00:00Z",
      "2026-11-23T22:00:00Z, 2026-11-24T04:00:00Z",
      "2026-11-24T01:00:00Z, 2026-11-24T04:00:00Z",
      "2026-11-24T04:00:00Z, 2026-11-24T04:00:00Z",
  })
  void acrossMidnightATextWaitsForTheMorning(String at, String expected) {
    QuietHours quiet = new QuietHours(Optional.of(new SmsConfig.QuietHours(LocalTime.of(21, 0), LocalTime.of(7, 0))), NAIROBI);
    assertEquals(Instant.parse(expected), quiet.nextAllowed(Instant.parse(at)));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
      "2026-11-23T08:59:00Z, 2026-11-23T08:59:00Z",
      "2026-11-23T09:00:00Z, 2026-11-23T11:00:00Z",
      "2026-11-23T10:59:00Z, 2026-11-23T11:00:00Z",
      "2026-11-23T11:00:00Z, 2026-11-23T11:00:00Z",
  })
  void withinADayATextWaitsForTheEnd(String at, String expected) {
    QuietHours quiet = new QuietHours(Optional.of(new SmsConfig.QuietHours(LocalTime.of(12, 0), LocalTime.of(14, 0))), NAIROBI);
    assertEquals(Instant.parse(expected), quiet.nextAllowed(Instant.parse(at)));
  }

  @ParameterizedTest
  @CsvSource({"2026-11-23T22:00:00Z"})
  void withoutQuietHoursNothingWaits(String at) {
    assertEquals(Instant.parse(at), new QuietHours(Optional.empty(), NAIROBI).nextAllowed(Instant.parse(at)));
  }
}
