package org.kila.bench.scenario;

import java.time.Duration;
import org.kila.bench.Rig;
import org.kila.bench.load.Crowd;
import org.kila.bench.load.HopStats;
import org.kila.bench.load.LoadRun;

/**
 * Plays respondents against a freshly started gateway before anything is measured, so the load scenarios
 * measure compiled code rather than the JIT at work (on two cores its compiler threads take a good part
 * of a core for the first minute, and the first scenario would look twice as slow as the later ones).
 */
public final class JitWarmup {
  static final int RESPONDENTS = 16;

  private JitWarmup() {}

  /** Runs closed loop for {@code duration}; returns what it did, for the console. */
  public static String run(Rig rig, Duration duration) {
    Crowd crowd = rig.crowd("warmup", Duration.ZERO, Duration.ZERO, 0, false);
    HopStats stats = LoadRun.closedLoop(crowd, RESPONDENTS, new LoadRun.Phases(Duration.ZERO, duration,
        Duration.ofSeconds(5)));
    return stats.summary();
  }
}
