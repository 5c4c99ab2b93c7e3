package org.kila.bench.scenario;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.kila.bench.Rig;
import org.kila.bench.load.LoadRun;
import org.kila.bench.report.Verdict;

/**
 * 1,500 hops/s offered, open loop: the gateway keeps up when it answers them all, with no error and no
 * queue building (p99 stays at or under 100 ms), and stores every acknowledged answer once.
 */
public final class SustainedLoad implements Scenario {
  static final double HOPS_PER_SECOND = 1_500;
  static final double P99_MILLIS = 100;

  @Override
  public String name() {
    return "sustained";
  }

  @Override
  public Verdict run(Rig rig) throws Exception {
    var o = rig.options();
    LoadRun.Phases phases = new LoadRun.Phases(Duration.ofSeconds(30), Duration.ofSeconds(o.pick(60, 20)),
        Duration.ofSeconds(5));
    MeasuredLoad m = MeasuredLoad.openLoop(rig, name(), HOPS_PER_SECOND, phases);
    var s = m.stats();
    List<String> misses = new ArrayList<>();
    if (m.lostGateway() != null) {
      misses.add(m.lostGateway());
    }
    if (s.hopsPerSecond() < 0.98 * HOPS_PER_SECOND) {
      misses.add("did not keep up with the offered rate");
    }
    if (s.errorCount() + s.turnedAwayCount() > 0) {
      misses.add("errors or turned-away hops");
    }
    if (s.millis(99) > P99_MILLIS) {
      misses.add("p99 above " + P99_MILLIS + " ms: a queue is building");
    }
    if (!m.check().passed()) {
      misses.add("answers lost, duplicated or misplaced");
    }
    String figures = m.voidMark() + String.format("offered %.0f hops/s: %s; %s; %s", HOPS_PER_SECOND, s.summary(),
        m.check().summary(), m.cpu());
    return new Verdict(name(), misses.isEmpty(), "all of 1,500 hops/s answered, no errors, p99 <= 100 ms",
        figures, SteadyLoad.details(m, misses));
  }
}
