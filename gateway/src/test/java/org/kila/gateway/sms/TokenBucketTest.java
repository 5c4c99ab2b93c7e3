package org.kila.gateway.sms;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class TokenBucketTest {
  private final AtomicLong nanos = new AtomicLong();
  private final TokenBucket bucket = new TokenBucket(10, 2, nanos::get);

  private void advance(Duration d) {
    nanos.addAndGet(d.toNanos());
  }

  @Test
  void startsWithItsBurstAndRefillsAtTheRate() {
    assertEquals(2, bucket.take(5));
    assertEquals(0, bucket.take(5));
    advance(Duration.ofMillis(100));
    assertEquals(1, bucket.take(5));
    advance(Duration.ofMillis(150));
    assertEquals(1, bucket.take(5), "one and a half tokens: one whole");
    advance(Duration.ofMillis(50));
    assertEquals(1, bucket.take(5), "the half kept adds up");
  }

  @Test
  void neverHoldsMoreThanItsBurst() {
    bucket.take(2);
    advance(Duration.ofMinutes(5));
    assertEquals(2, bucket.take(100));
  }

  @Test
  void aPauseStopsTheRefillUntilItEnds() {
    bucket.pause(Duration.ofSeconds(2));
    assertEquals(0, bucket.take(1));
    advance(Duration.ofMillis(1900));
    assertEquals(0, bucket.take(1));
    advance(Duration.ofMillis(200));
    assertEquals(1, bucket.take(1), "refilling again from the pause's end");
  }

  @Test
  void tokensTakenBeforeAPauseAndGivenBackDuringItWaitForItsEnd() {
    assertEquals(2, bucket.take(2), "taken for a claim of due texts");
    bucket.pause(Duration.ofSeconds(2)); // another send got a 429 meanwhile
    bucket.giveBack(2); // the claim found nothing due
    assertEquals(0, bucket.take(2), "nothing goes out before the Retry-After");
    advance(Duration.ofMillis(1999));
    assertEquals(0, bucket.take(2));
    advance(Duration.ofMillis(101));
    assertEquals(1, bucket.take(2), "after the pause, refilled at the rate from its end");
  }

  @Test
  void unusedTokensCanBeGivenBack() {
    assertEquals(2, bucket.take(2));
    bucket.giveBack(1);
    assertEquals(1, bucket.take(2));
  }
}
