package org.kila.gateway.sms;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Paces the sends of one sender number: tokens refill at the configured rate up to a small burst, and a
 * send takes one. A provider's "slow down" (a 429 with Retry-After) empties the bucket and stops the
 * refill until then, so the whole sender waits, not just the one message.
 */
final class TokenBucket {
  private final double perNano;
  private final double capacity;
  private final LongSupplier nanoTime;
  private double tokens;
  private long last;
  private long pausedUntil;

  /**
   * {@code ratePerSecond}: sends per second; {@code burst}: how many may go at once after a quiet spell
   * (at least 1).
   */
  TokenBucket(double ratePerSecond, double burst, LongSupplier nanoTime) {
    if (ratePerSecond <= 0 || burst < 1) {
      throw new IllegalArgumentException("rate must be positive and burst at least 1, got " + ratePerSecond + ", " + burst);
    }
    this.perNano = ratePerSecond / 1e9;
    this.capacity = burst;
    this.nanoTime = nanoTime;
    this.last = nanoTime.getAsLong();
    this.tokens = burst;
    this.pausedUntil = last;
  }

  /** Takes up to {@code wanted} tokens, as many as are there now (none during a pause); returns how many it took. */
  synchronized int take(int wanted) {
    if (nanoTime.getAsLong() < pausedUntil) {
      return 0;
    }
    refill();
    int taken = (int) Math.min(wanted, Math.floor(tokens));
    tokens -= taken;
    return Math.max(taken, 0);
  }

  /**
   * Gives back tokens taken for sends that did not happen (fewer rows were due than taken). Tokens taken
   * before a pause began are not given back while it lasts: the pause emptied the bucket, and they would
   * let texts out before the provider's Retry-After.
   */
  synchronized void giveBack(int unused) {
    if (nanoTime.getAsLong() < pausedUntil) {
      return;
    }
    tokens = Math.min(capacity, tokens + unused);
  }

  /** No tokens until {@code wait} has passed. */
  synchronized void pause(Duration wait) {
    long until = nanoTime.getAsLong() + wait.toNanos();
    pausedUntil = Math.max(pausedUntil, until);
    tokens = 0;
    last = pausedUntil;
  }

  private void refill() {
    long now = nanoTime.getAsLong();
    if (now <= pausedUntil || now <= last) {
      return;
    }
    tokens = Math.min(capacity, tokens + (now - last) * perNano);
    last = now;
  }
}
