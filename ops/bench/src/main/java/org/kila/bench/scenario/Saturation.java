package org.kila.bench.scenario;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.kila.bench.Rig;
import org.kila.bench.load.LoadRun;
import org.kila.bench.report.Verdict;

/**
 * Closed loop: respondents who answer the instant a screen arrives, enough of them to keep every database
 * connection busy. What it reaches is the gateway's ceiling on this machine, compared with what PostgreSQL
 * alone does with the same writes (pgbench); the overload scenario offers twice this.
 */
public final class Saturation implements Scenario {
  static final int RESPONDENTS = 32;
  static final double TARGET_HOPS_PER_SECOND = 1_500;

  @Override
  public String name() {
    return "saturation";
  }

  @Override
  public Verdict run(Rig rig) throws Exception {
    var o = rig.options();
    LoadRun.Phases phases = new LoadRun.Phases(Duration.ofSeconds(o.pick(10, 5)), Duration.ofSeconds(o.pick(30, 15)),
        Duration.ofSeconds(5));
    MeasuredLoad m = MeasuredLoad.closedLoop(rig, name(), RESPONDENTS, phases);
    var s = m.stats();
    rig.recordSaturation(s.hopsPerSecond());
    List<String> misses = new ArrayList<>();
    if (m.lostGateway() != null) {
      misses.add(m.lostGateway());
    }
    if (s.hopsPerSecond() < TARGET_HOPS_PER_SECOND) {
      misses.add("below " + TARGET_HOPS_PER_SECOND + " hops/s");
    }
    if (s.errorCount() + s.turnedAwayCount() > 0) {
      misses.add("errors or turned-away hops");
    }
    if (!m.check().passed()) {
      misses.add("answers lost, duplicated or misplaced");
    }
    String ratio = rig.pgbenchTps() > 0
        ? String.format("; %.0f%% of pgbench's %.0f tps for the same writes", 100 * s.hopsPerSecond() / rig.pgbenchTps(),
            rig.pgbenchTps())
        : "";
    String figures = m.voidMark() + String.format("%d respondents, no think time: %s%s; %s; %s; CPU ceiling with the generator "
        + "on another machine about %.0f hops/s", RESPONDENTS, s.summary(), ratio, m.check().summary(), m.cpu(),
        m.cores().ceiling(s.answered()));
    return new Verdict(name(), misses.isEmpty(), ">= 1,500 hops/s", figures, SteadyLoad.details(m, misses));
  }
}
