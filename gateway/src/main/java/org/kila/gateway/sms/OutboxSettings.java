package org.kila.gateway.sms;

import java.time.Duration;

/**
 * How the outbox sender works.
 *
 * @param ratePerSecond texts per second per sender number (per gateway instance: with several instances
 *     sharing one number, divide the provider's limit between them)
 * @param maxAttempts attempts before a transiently failing text is given up as failed
 * @param backoff the wait between attempts
 * @param lease how long a sender owns a row it is sending; must be well above the provider timeout, so a
 *     live sender never loses a row it is still sending
 * @param tick how often the sender looks for due rows
 * @param sendThreads texts handed to providers at the same time (the SDKs block a thread per call)
 */
public record OutboxSettings(
    double ratePerSecond,
    int maxAttempts,
    Backoff backoff,
    Duration lease,
    Duration tick,
    int sendThreads) {

  public OutboxSettings {
    if (ratePerSecond <= 0) throw new IllegalArgumentException("ratePerSecond must be positive");
    if (maxAttempts < 1) throw new IllegalArgumentException("maxAttempts must be at least 1");
    if (sendThreads < 1) throw new IllegalArgumentException("sendThreads must be at least 1");
  }

  /** Production defaults around the configured rate and attempts. */
  public static OutboxSettings of(double ratePerSecond, int maxAttempts) {
    return new OutboxSettings(ratePerSecond, maxAttempts, new Backoff(Duration.ofSeconds(10), Duration.ofMinutes(30)),
        Duration.ofMinutes(2), Duration.ofMillis(100), 16);
  }

  /**
   * Burst of a sender's bucket: a quarter of a second's worth, at least one text. Enough that tokens
   * refilled while a claim is on its way to the database are not lost, small enough that no second
   * sees much more than the rate.
   */
  double burst() {
    return Math.max(1, ratePerSecond / 4);
  }
}
