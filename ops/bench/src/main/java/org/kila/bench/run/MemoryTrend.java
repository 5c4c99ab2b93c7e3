package org.kila.bench.run;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * Resident memory of a process sampled at a fixed interval on its own thread, and whether it stayed flat:
 * a leak shows as the last quarter of the samples sitting higher than the first.
 */
public final class MemoryTrend implements AutoCloseable {
  /** Growth from the first to the last quarter that still counts as flat (heap is fixed; this is native drift). */
  static final double FLAT_MIB = 32;

  private final List<double[]> samples = new ArrayList<>();
  private final Thread thread;
  private volatile boolean running = true;

  /** Samples {@code pid()} (it may change when a process is restarted) every {@code intervalMillis}. */
  public MemoryTrend(LongSupplier pid, long intervalMillis) {
    long t0 = System.nanoTime();
    thread = new Thread(() -> {
      while (running) {
        double rss = ProcFs.rssMiB(pid.getAsLong());
        if (rss > 0) {
          synchronized (samples) {
            samples.add(new double[] {(System.nanoTime() - t0) / 1e9, rss});
          }
        }
        try {
          Thread.sleep(intervalMillis);
        } catch (InterruptedException e) {
          return;
        }
      }
    }, "bench-memory");
    thread.setDaemon(true);
    thread.start();
  }

  /** For tests and for samples taken elsewhere: {@code (seconds, MiB)} pairs. */
  MemoryTrend(List<double[]> given) {
    samples.addAll(given);
    thread = null;
    running = false;
  }

  /** The verdict on the samples so far. */
  public Summary summary() {
    List<double[]> s;
    synchronized (samples) {
      s = new ArrayList<>(samples);
    }
    if (s.isEmpty()) {
      return new Summary(0, 0, 0, 0, 0);
    }
    int quarter = Math.max(1, s.size() / 4);
    double first = mean(s.subList(0, quarter));
    double last = mean(s.subList(s.size() - quarter, s.size()));
    double max = s.stream().mapToDouble(p -> p[1]).max().orElse(0);
    double minutes = (s.get(s.size() - 1)[0] - s.get(0)[0]) / 60.0;
    return new Summary(s.size(), first, last, max, minutes);
  }

  private static double mean(List<double[]> part) {
    return part.stream().mapToDouble(p -> p[1]).average().orElse(0);
  }

  /** First-quarter and last-quarter means, the peak, and how long the samples span. */
  public record Summary(int samples, double firstMiB, double lastMiB, double maxMiB, double minutes) {
    public double growthMiB() {
      return lastMiB - firstMiB;
    }

    public boolean flat() {
      return growthMiB() <= FLAT_MIB;
    }

    public String describe() {
      return String.format("RSS %.0f -> %.0f MiB (peak %.0f, %+.0f MiB over %.1f min, %d samples)", firstMiB, lastMiB,
          maxMiB, growthMiB(), minutes, samples);
    }
  }

  @Override
  public void close() {
    running = false;
    if (thread != null) {
      thread.interrupt();
    }
  }
}
