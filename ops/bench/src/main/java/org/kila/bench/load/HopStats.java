package org.kila.bench.load;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * What one load phase measured: hop latencies (from the time each hop was due, so a slow gateway cannot
 * hide its queueing by slowing the generator down), hops by outcome and errors by kind. Used from one
 * event-loop thread only.
 */
public final class HopStats {
  private static final long MAX_MICROS = TimeUnit.SECONDS.toMicros(120);

  private final Histogram all = new Histogram(MAX_MICROS, 3);
  private final Histogram turnedAway = new Histogram(MAX_MICROS, 3);
  /** How late the generator itself was in sending each hop: its own backlog, which counts as latency. */
  private final Histogram lag = new Histogram(MAX_MICROS, 3);
  private final Map<String, Long> errors = new TreeMap<>();
  private long hops;
  private long answered;
  private long turnedAwayCount;
  private long startNanos;
  private long endNanos;
  private long startEpochMillis;
  /** Per second of the window: hops, hops over 50 ms, the slowest (µs), hops turned away. */
  private final Map<Long, long[]> seconds = new TreeMap<>();

  /** Starts the measured window. */
  public void begin(long nanos) {
    startNanos = nanos;
    endNanos = nanos;
    startEpochMillis = System.currentTimeMillis() - TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - nanos);
  }

  private void second(long micros, boolean away) {
    long[] s = seconds.computeIfAbsent(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - startNanos), k -> new long[4]);
    s[0]++;
    s[1] += micros > 50_000 ? 1 : 0;
    s[2] = Math.max(s[2], micros);
    s[3] += away ? 1 : 0;
  }

  /**
   * The window second by second as CSV (UTC time, hops, hops over 50 ms, slowest ms, turned away), to
   * line the slow moments up with the gateway's GC log and PostgreSQL's log.
   */
  public String timeline() {
    StringBuilder out = new StringBuilder("utc,hops,over_50ms,slowest_ms,turned_away\n");
    seconds.forEach((second, s) -> out.append(java.time.Instant.ofEpochMilli(startEpochMillis + second * 1_000))
        .append(',').append(s[0]).append(',').append(s[1]).append(',').append(s[2] / 1_000).append(',').append(s[3])
        .append('\n'));
    return out.toString();
  }

  /** Closes the measured window. */
  public void end(long nanos) {
    endNanos = nanos;
  }

  /** A hop answered with a screen that moves the survey on (or a retry's same screen). */
  public void answered(long latencyNanos) {
    hops++;
    answered++;
    all.recordValue(clamp(latencyNanos));
    second(clamp(latencyNanos), false);
  }

  /** The generator sends a hop {@code lateNanos} after it was due (behind on its own schedule). */
  public void sent(long lateNanos) {
    lag.recordValue(Math.max(0, Math.min(MAX_MICROS, lateNanos / 1_000)));
  }

  /** How late the generator sent hops, at this percentile: above a few ms, the latencies are partly its own. */
  public double generatorLagMillis(double percentile) {
    return lag.getTotalCount() == 0 ? 0 : lag.getValueAtPercentile(percentile) / 1_000.0;
  }

  /** A hop answered with a polite END instead of the next screen (overloaded, or the database away). */
  public void turnedAway(long latencyNanos) {
    hops++;
    turnedAwayCount++;
    long micros = clamp(latencyNanos);
    all.recordValue(micros);
    turnedAway.recordValue(micros);
    second(micros, true);
  }

  /** A hop with no usable reply; timeouts are recorded at the timeout, the least they cost. */
  public void error(String kind, long latencyNanos) {
    hops++;
    errors.merge(kind, 1L, Long::sum);
    all.recordValue(clamp(latencyNanos));
    second(clamp(latencyNanos), false);
  }

  private static long clamp(long nanos) {
    return Math.max(1, Math.min(MAX_MICROS, nanos / 1_000));
  }

  public long hops() {
    return hops;
  }

  public long answered() {
    return answered;
  }

  public long turnedAwayCount() {
    return turnedAwayCount;
  }

  public long errorCount() {
    return errors.values().stream().mapToLong(Long::longValue).sum();
  }

  public Map<String, Long> errors() {
    return Map.copyOf(errors);
  }

  public double seconds() {
    return (endNanos - startNanos) / 1e9;
  }

  /** Hops answered per second of the window (turned-away hops are answers too, counted apart). */
  public double hopsPerSecond() {
    return seconds() <= 0 ? 0 : hops / seconds();
  }

  public double answeredPerSecond() {
    return seconds() <= 0 ? 0 : answered / seconds();
  }

  /** Latency of every hop at {@code percentile} (0-100), in milliseconds. */
  public double millis(double percentile) {
    return all.getTotalCount() == 0 ? 0 : all.getValueAtPercentile(percentile) / 1000.0;
  }

  public double maxMillis() {
    return all.getTotalCount() == 0 ? 0 : all.getMaxValue() / 1000.0;
  }

  /** Latency of the turned-away hops at {@code percentile}, in milliseconds. */
  public double turnedAwayMillis(double percentile) {
    return turnedAway.getTotalCount() == 0 ? 0 : turnedAway.getValueAtPercentile(percentile) / 1000.0;
  }

  /** One line: rate, percentiles, outcomes. */
  public String summary() {
    StringBuilder s = new StringBuilder(String.format(
        "%.0f hops/s (%d hops in %.1f s); latency p50 %s, p95 %s, p99 %s, p99.9 %s, max %s",
        hopsPerSecond(), hops, seconds(), ms(millis(50)), ms(millis(95)), ms(millis(99)), ms(millis(99.9)),
        ms(maxMillis())));
    if (turnedAwayCount > 0) {
      s.append(String.format("; turned away %d (p99 %s)", turnedAwayCount, ms(turnedAwayMillis(99))));
    }
    s.append("; errors ").append(errorCount() == 0 ? "0" : errors.toString());
    s.append("; generator behind schedule p99 ").append(ms(generatorLagMillis(99)));
    return s.toString();
  }

  /** Milliseconds with a sensible number of digits. */
  public static String ms(double millis) {
    return millis < 10 ? String.format("%.2f ms", millis) : String.format("%.0f ms", millis);
  }
}
