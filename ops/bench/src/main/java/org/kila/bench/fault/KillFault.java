package org.kila.bench.fault;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.kila.bench.Rig;
import org.kila.bench.check.AnswerCheck;
import org.kila.bench.load.Crowd;
import org.kila.bench.load.HopStats;
import org.kila.bench.load.LoadRun;
import org.kila.bench.report.Verdict;
import org.kila.bench.scenario.Scenario;

/**
 * kill -9 of the gateway at random moments under load (1.5-4 s after it is back), restarting it each time
 * (100 times in the full run, 3 in the short one, which CI runs). Respondents whose hop died dial again, as
 * a person would, and must continue at the question they were on; no acknowledged answer may be lost and
 * none stored twice.
 */
public final class KillFault implements Scenario {
  /**
   * Low enough that the gateway, restarted every few seconds with a cold JIT, still serves the redials of
   * everyone its last death interrupted: at 200 a second, a first full run left 1,214 respondents giving up
   * after 30 failed dials in a row, which says more about the schedule than about the gateway.
   */
  static final double HOPS_PER_SECOND = 100;

  @Override
  public String name() {
    return "kill";
  }

  @Override
  public Verdict run(Rig rig) throws Exception {
    int kills = rig.options().pick(100, 3);
    Crowd crowd = rig.crowd(name(), Duration.ofMillis(200), Duration.ofMillis(800), 0, false);
    HopStats stats = new HopStats();
    crowd.call(() -> {
      stats.begin(System.nanoTime());
      crowd.measureInto(stats);
      return null;
    });
    LoadRun.OpenSchedule arrivals = LoadRun.startArrivals(crowd, HOPS_PER_SECOND);
    Random random = new Random(6);
    List<Long> restartMillis = new ArrayList<>();
    long inFlightAtKill = 0;
    for (int i = 0; i < kills; i++) {
      LoadRun.sleep(Duration.ofMillis(1_500 + random.nextInt(2_500)));
      inFlightAtKill += crowd.call(crowd::inFlight);
      rig.gateway().kill9();
      restartMillis.add(rig.gateway().start().toMillis());
    }
    LoadRun.sleep(Duration.ofSeconds(2));
    arrivals.endFromOutside();
    // Everyone interrupted by the last kills redials and finishes.
    LoadRun.drain(crowd, Duration.ofSeconds(90));
    LoadRun.finish(crowd);
    crowd.call(() -> {
      stats.end(System.nanoTime());
      return null;
    });
    AnswerCheck.Result check = rig.database().check(crowd.prefix(), crowd.everyone());
    Tally tally = Tally.of(kills, crowd, stats, check);
    restartMillis.sort(Long::compare);
    List<String> details = tally.details(crowd);
    details.add(String.format("hops in flight at the kills %d; restart to healthy: median %d ms, max %d ms",
        inFlightAtKill, restartMillis.get(restartMillis.size() / 2), restartMillis.get(restartMillis.size() - 1)));
    return new Verdict(name(), tally.clean(),
        "kill -9 under load: 0 acknowledged answers lost, 0 duplicated, every interrupted session resumed",
        tally.figures() + String.format("; %d hops in flight at the kills", inFlightAtKill), details);
  }
}
