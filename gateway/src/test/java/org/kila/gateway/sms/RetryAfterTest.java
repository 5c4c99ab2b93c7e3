package org.kila.gateway.sms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class RetryAfterTest {
  private final Clock clock = Clock.fixed(Instant.parse("2026-11-03T09:14:00Z"), ZoneOffset.UTC);

  @Test
  void readsSeconds() {
    assertEquals(Duration.ofSeconds(30), RetryAfter.parse("30", clock));
  }

  @Test
  void readsAnHttpDate() {
    assertEquals(Duration.ofSeconds(90), RetryAfter.parse("Tue, 3 Nov 2026 09:15:30 GMT", clock));
  }

  @Test
  void aDateInThePastMeansNow() {
    assertEquals(Duration.ZERO, RetryAfter.parse("Tue, 3 Nov 2026 09:00:00 GMT", clock));
  }

  @Test
  void aVeryLongWaitIsCapped() {
    assertEquals(Duration.ofHours(1), RetryAfter.parse("86400", clock));
    assertEquals(Duration.ofHours(1), RetryAfter.parse("99999999999999", clock));
  }

  @Test
  void nothingReadableIsNoWait() {
    assertNull(RetryAfter.parse(null, clock));
    assertNull(RetryAfter.parse(" ", clock));
    assertNull(RetryAfter.parse("soon", clock));
    assertNull(RetryAfter.parse("-5", clock));
  }
}
