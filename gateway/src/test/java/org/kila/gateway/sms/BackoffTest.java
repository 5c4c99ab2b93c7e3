package org.kila.gateway.sms;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BackoffTest {
  private final Backoff backoff = new Backoff(Duration.ofSeconds(10), Duration.ofMinutes(5));
  private final Random random = new Random(1);

  @Test
  void doublesWithEachAttemptWithinHalfToWholeOfTheStep() {
    for (int attempt = 1; attempt <= 5; attempt++) {
      long step = 10_000L << (attempt - 1);
      for (int i = 0; i < 50; i++) {
        long wait = backoff.after(attempt, random).toMillis();
        assertTrue(wait >= step / 2 && wait <= step, "attempt " + attempt + ": " + wait);
      }
    }
  }

  @Test
  void neverWaitsLongerThanTheMaximum() {
    for (int i = 0; i < 50; i++) {
      assertTrue(backoff.after(40, random).compareTo(Duration.ofMinutes(5)) <= 0);
    }
  }
}
