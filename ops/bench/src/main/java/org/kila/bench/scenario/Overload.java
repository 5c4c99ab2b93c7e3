package org.kila.bench.scenario;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.kila.bench.Rig;
import org.kila.bench.load.LoadRun;
import org.kila.bench.report.Verdict;

/**
 * Twice the saturating rate, open loop. The excess must be turned away at once with a polite END that the
 * gateway counts ({@code kila_ussd_hops_total{outcome="overloaded"}}), within 10 ms, rather than queued
 * until the aggregator's 10-15 s timeout; what is accepted is still answered and stored.
 */
public final class Overload implements Scenario {
  static final double TURN_AWAY_P99_MILLIS = 10;
  /** No hop may wait this long: far below the aggregator's timeout. */
  static final double MAX_WAIT_MILLIS = 5_000;

  @Override
  public String name() {
    return "overload";
  }

  @Override
  public Verdict run(Rig rig) throws Exception {
    var o = rig.options();
    double saturating = rig.saturatingHopsPerSecond() > 0 ? rig.saturatingHopsPerSecond() : Saturation.TARGET_HOPS_PER_SECOND;
    double offered = 2 * saturating;
    LoadRun.Phases phases = new LoadRun.Phases(Duration.ofSeconds(30), Duration.ofSeconds(o.pick(30, 15)),
        Duration.ofSeconds(5));
    MeasuredLoad m = MeasuredLoad.openLoop(rig, name(), offered, phases);
    var s = m.stats();
    List<String> misses = new ArrayList<>();
    if (m.lostGateway() != null) {
      misses.add(m.lostGateway());
    }
    if (s.turnedAwayCount() == 0 || s.turnedAwayMillis(99) > TURN_AWAY_P99_MILLIS) {
      misses.add("excess not turned away within " + TURN_AWAY_P99_MILLIS + " ms");
    }
    if (m.overloadedCounted() < 0.9 * s.turnedAwayCount() || m.overloadedCounted() == 0) {
      misses.add("the gateway did not count its rejections as overloaded");
    }
    if (s.maxMillis() >= MAX_WAIT_MILLIS || s.errorCount() > 0) {
      misses.add("hops waited " + MAX_WAIT_MILLIS + " ms or more, or failed");
    }
    if (s.generatorLagMillis(99) > TURN_AWAY_P99_MILLIS / 2) {
      misses.add(String.format("the generator fell behind its own schedule (p99 %.0f ms late): on this machine it "
          + "cannot offer this rate, and the latencies above are partly its own", s.generatorLagMillis(99)));
    }
    if (s.answeredPerSecond() < 0.8 * saturating) {
      misses.add("accepted less than 80% of the saturating rate");
    }
    if (!m.check().passed()) {
      misses.add("answers lost, duplicated or misplaced");
    }
    String figures = m.voidMark() + String.format("offered %.0f hops/s (2x saturating %.0f): answered %.0f/s; %s; gateway counted %.0f "
        + "overloaded; %s; %s", offered, saturating, s.answeredPerSecond(), s.summary(), m.overloadedCounted(),
        m.check().summary(), m.cpu());
    return new Verdict(name(), misses.isEmpty(),
        "excess turned away with a counted END within 10 ms (p99), nothing near the aggregator timeout", figures,
        SteadyLoad.details(m, misses));
  }
}
