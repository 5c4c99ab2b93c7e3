package org.kila.bench.scenario;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.kila.bench.Rig;
import org.kila.bench.load.LoadRun;
import org.kila.bench.report.Verdict;

/**
 * A national survey's busy hour: 1,000 hops/s offered, open loop, long enough to be a soak (10 minutes in
 * the full run), after 30 s for the crowd to build up (a respondent takes about 30 s over a survey). Target: p99 at most 50 ms, no errors, every acknowledged answer stored exactly once, and
 * the gateway's resident memory flat.
 */
public final class SteadyLoad implements Scenario {
  static final double HOPS_PER_SECOND = 1_000;
  static final double P99_MILLIS = 50;

  @Override
  public String name() {
    return "steady";
  }

  @Override
  public Verdict run(Rig rig) throws Exception {
    var o = rig.options();
    LoadRun.Phases phases = new LoadRun.Phases(Duration.ofSeconds(30), Duration.ofSeconds(o.pick(600, 60)),
        Duration.ofSeconds(10));
    MeasuredLoad m = MeasuredLoad.openLoop(rig, name(), HOPS_PER_SECOND, phases);
    var s = m.stats();
    List<String> misses = new ArrayList<>();
    if (m.lostGateway() != null) {
      misses.add(m.lostGateway());
    }
    if (s.millis(99) > P99_MILLIS) {
      misses.add("p99 above " + P99_MILLIS + " ms");
    }
    if (s.errorCount() + s.turnedAwayCount() > 0) {
      misses.add("errors or turned-away hops");
    }
    if (s.hopsPerSecond() < 0.98 * HOPS_PER_SECOND) {
      misses.add("did not keep up with the offered rate");
    }
    if (!m.check().passed()) {
      misses.add("answers lost, duplicated or misplaced");
    }
    if (!m.memory().flat()) {
      misses.add("memory grew");
    }
    String figures = m.voidMark() + String.format("offered %.0f hops/s: %s; %s; %s; %s", HOPS_PER_SECOND, s.summary(),
        m.check().summary(), m.memory().describe(), m.cpu());
    return new Verdict(name(), misses.isEmpty(),
        "p99 <= 50 ms at 1,000 hops/s, every answer stored once, memory flat over " + phases.measure().toMinutes()
            + " min", figures, details(m, misses));
  }

  static List<String> details(MeasuredLoad m, List<String> misses) {
    List<String> d = new ArrayList<>(misses);
    d.addAll(m.check().examples());
    m.crowd().brokenScreens().forEach(b -> d.add("unexpected screen: " + b.replace("\n", " / ")));
    d.add("respondents by outcome: " + m.crowd().outcomes());
    return d;
  }
}
