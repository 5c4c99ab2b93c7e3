package org.kila.bench.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class HopStatsTest {

  @Test
  void percentilesRateAndOutcomes() {
    HopStats stats = new HopStats();
    stats.begin(0);
    for (int i = 1; i <= 98; i++) {
      stats.answered(TimeUnit.MILLISECONDS.toNanos(i % 10 + 1));
    }
    stats.turnedAway(TimeUnit.MILLISECONDS.toNanos(2));
    stats.error("timeout", TimeUnit.SECONDS.toNanos(15));
    stats.end(TimeUnit.SECONDS.toNanos(2));
    assertEquals(100, stats.hops());
    assertEquals(50.0, stats.hopsPerSecond(), 0.001);
    assertEquals(49.0, stats.answeredPerSecond(), 0.001);
    assertEquals(1, stats.turnedAwayCount());
    assertEquals(Map.of("timeout", 1L), stats.errors());
    assertTrue(stats.millis(50) >= 5 && stats.millis(50) <= 6.1, "p50 " + stats.millis(50));
    assertEquals(15_000, stats.maxMillis(), 15);
    assertEquals(2, stats.turnedAwayMillis(99), 0.01);
    assertTrue(stats.summary().contains("turned away 1"), stats.summary());
  }

  @Test
  void millisecondsAreWrittenWithSensibleDigits() {
    assertEquals("3.25 ms", HopStats.ms(3.25));
    assertEquals("48 ms", HopStats.ms(48.2));
  }
}
