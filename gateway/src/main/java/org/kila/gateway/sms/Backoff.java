package org.kila.gateway.sms;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * How long to wait before the next attempt of a text whose send failed for now: doubling from
 * {@code base} with each attempt up to {@code max}, with "equal jitter" (half of the wait fixed, half
 * random) so that texts that failed together do not all come back together.
 */
public record Backoff(Duration base, Duration max) {

  public Backoff {
    if (base.isNegative() || base.isZero() || max.compareTo(base) < 0) {
      throw new IllegalArgumentException("backoff needs 0 < base <= max, got " + base + ", " + max);
    }
  }

  /** The wait after attempt number {@code attempt} (1 for the first) failed. */
  public Duration after(int attempt, RandomGenerator random) {
    long ceiling = max.toMillis();
    long wait = base.toMillis();
    for (int i = 1; i < attempt && wait < ceiling; i++) {
      wait *= 2;
    }
    wait = Math.min(wait, ceiling);
    long half = wait / 2;
    return Duration.ofMillis(half + (half > 0 ? random.nextLong(half + 1) : 0));
  }
}
