package org.kila.bench.load;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The two ways the generator offers load, each in three phases: a warm-up that is not measured, the
 * measured window, and a drain in which no one new dials but respondents already playing may finish
 * (so the ledger the database check reads is as complete as it can be).
 *
 * <ul>
 *   <li>Open loop: new respondents dial on a fixed schedule, whatever the gateway does, so a slow gateway
 *       faces the same arrivals as a fast one; each hop's latency counts from when it was due. A respondent
 *       takes about 30 s over a survey, so the offered rate is reached after a warm-up that long.</li>
 *   <li>Closed loop: a fixed number of respondents play as fast as replies come; it finds the most the
 *       gateway can carry (its latency then is the queue, not the service).</li>
 * </ul>
 */
public final class LoadRun {
  /** Hops of one completed youth-voice-ke survey, before the generator has measured its own mean. */
  static final double FIRST_GUESS_HOPS_PER_SURVEY = 14;

  /** How long each phase lasts. */
  public record Phases(Duration warmup, Duration measure, Duration drainAtMost) {}

  private LoadRun() {}

  /**
   * Offers {@code hopsPerSecond} by starting new respondents at {@code hopsPerSecond / hops per survey}
   * a second, the hops per survey being what completed surveys took so far.
   */
  public static HopStats openLoop(Crowd crowd, double hopsPerSecond, Phases phases) {
    OpenSchedule schedule = startArrivals(crowd, hopsPerSecond);
    return measure(crowd, phases, schedule::end);
  }

  /**
   * Starts new respondents arriving on the open-loop schedule until the returned schedule is ended (on the
   * crowd's context: from another thread, end it inside {@link Crowd#call}).
   */
  public static OpenSchedule startArrivals(Crowd crowd, double hopsPerSecond) {
    OpenSchedule schedule = new OpenSchedule(crowd, hopsPerSecond);
    crowd.call(() -> {
      schedule.begin(System.nanoTime());
      return null;
    });
    return schedule;
  }

  /** Keeps {@code respondents} playing with no pause until the phases end. */
  public static HopStats closedLoop(Crowd crowd, int respondents, Phases phases) {
    boolean[] open = {true};
    crowd.call(() -> {
      crowd.onFinished(() -> {
        if (open[0]) {
          crowd.startOne(System.nanoTime());
        }
      });
      for (int i = 0; i < respondents; i++) {
        crowd.startOne(System.nanoTime());
      }
      return null;
    });
    return measure(crowd, phases, () -> open[0] = false);
  }

  private static HopStats measure(Crowd crowd, Phases phases, Runnable stopArrivals) {
    HopStats warmup = new HopStats();
    HopStats measured = new HopStats();
    HopStats drain = new HopStats();
    crowd.call(() -> {
      crowd.measureInto(warmup);
      return null;
    });
    sleep(phases.warmup());
    crowd.call(() -> {
      measured.begin(System.nanoTime());
      crowd.measureInto(measured);
      return null;
    });
    sleep(phases.measure());
    crowd.call(() -> {
      measured.end(System.nanoTime());
      crowd.measureInto(drain);
      stopArrivals.run();
      return null;
    });
    drain(crowd, phases.drainAtMost());
    finish(crowd);
    return measured;
  }

  /** Waits, up to {@code atMost}, for the respondents still playing to finish. */
  public static void drain(Crowd crowd, Duration atMost) {
    long until = System.nanoTime() + atMost.toNanos();
    while (System.nanoTime() < until && crowd.call(crowd::active) > 0) {
      sleep(Duration.ofMillis(200));
    }
  }

  /** Stops every respondent and waits (up to the client timeout and a bit) for hops in flight. */
  public static void finish(Crowd crowd) {
    crowd.call(() -> {
      crowd.stop();
      return null;
    });
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (System.nanoTime() < until && crowd.call(crowd::inFlight) > 0) {
      sleep(Duration.ofMillis(100));
    }
  }

  public static void sleep(Duration d) {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  /** New respondents at fixed due times; runs on the crowd's context. */
  public static final class OpenSchedule {
    private final Crowd crowd;
    private final double hopsPerSecond;
    private long nextDue;
    private long timer = -1;

    OpenSchedule(Crowd crowd, double hopsPerSecond) {
      this.crowd = crowd;
      this.hopsPerSecond = hopsPerSecond;
    }

    void begin(long now) {
      nextDue = now;
      timer = crowd.context().owner().setPeriodic(1, id -> tick());
    }

    private void tick() {
      long now = System.nanoTime();
      while (nextDue <= now) {
        crowd.startOne(nextDue);
        double interval = 1e9 * crowd.meanHopsPerSurvey(FIRST_GUESS_HOPS_PER_SURVEY) / hopsPerSecond;
        nextDue += (long) interval;
      }
    }

    /** No one new arrives after this; call it on the crowd's context. */
    public void end() {
      crowd.context().owner().cancelTimer(timer);
    }

    /** Ends the schedule from any thread. */
    public void endFromOutside() {
      crowd.call(() -> {
        end();
        return null;
      });
    }
  }
}
