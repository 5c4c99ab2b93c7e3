package org.kila.bench.scenario;

import org.kila.bench.Rig;
import org.kila.bench.report.Verdict;

/** One measured situation (a load level, a fault): runs against the rig and says what it found. */
public interface Scenario {
  /** Short name used by {@code --only} and in session ids. */
  String name();

  Verdict run(Rig rig) throws Exception;

  /** True when it starts gateway instances of its own: the harness's gateway is stopped while it runs. */
  default boolean runsOwnGateways() {
    return false;
  }
}
