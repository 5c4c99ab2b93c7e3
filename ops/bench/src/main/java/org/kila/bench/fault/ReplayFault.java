package org.kila.bench.fault;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.kila.bench.Rig;
import org.kila.bench.check.AnswerCheck;
import org.kila.bench.load.Crowd;
import org.kila.bench.load.HopStats;
import org.kila.bench.load.LoadRun;
import org.kila.bench.report.Verdict;
import org.kila.bench.scenario.Scenario;

/**
 * Every webhook delivered twice: first hops twice at the same moment, later hops again as soon as their
 * reply is in (the reply must be the same), and then, once the sessions have moved on or ended, every hop
 * of the run once more. Nothing may be stored twice, and the late copies must store nothing at all. A
 * third of the respondents hang up part-way, so late copies also reach sessions that are still open.
 *
 * <p>"Later" is real time after the run, not an hour: the gateway has no clock to move, and what matters is
 * that the session has moved past the replayed hop.
 */
public final class ReplayFault implements Scenario {
  static final double HOPS_PER_SECOND = 100;
  static final int LATE_IN_FLIGHT = 32;

  @Override
  public String name() {
    return "replay";
  }

  @Override
  public Verdict run(Rig rig) throws Exception {
    Crowd crowd = rig.crowd(name(), Duration.ofMillis(200), Duration.ofMillis(800), 0.3, true);
    LoadRun.Phases phases = new LoadRun.Phases(Duration.ZERO, Duration.ofSeconds(rig.options().pick(60, 10)),
        Duration.ofSeconds(30));
    HopStats stats = LoadRun.openLoop(crowd, HOPS_PER_SECOND, phases);
    long before = rig.database().countAnswers();
    List<Crowd.SentHop> sent = crowd.call(crowd::sentHops);
    AtomicLong lateErrors = new AtomicLong();
    Semaphore window = new Semaphore(LATE_IN_FLIGHT);
    for (Crowd.SentHop hop : sent) {
      window.acquire();
      rig.client().hop(rig.script().ussdCode(), hop.externalId(), hop.phone(), hop.text()).onComplete(ar -> {
        if (ar.failed() || ar.result().status() != 200) {
          lateErrors.incrementAndGet();
        }
        window.release();
      });
    }
    window.tryAcquire(LATE_IN_FLIGHT, 60, TimeUnit.SECONDS);
    long after = rig.database().countAnswers();
    AnswerCheck.Result check = rig.database().check(crowd.prefix(), crowd.everyone());
    Tally tally = Tally.of(0, crowd, stats, check);
    List<String> misses = new ArrayList<>();
    if (!tally.clean()) {
      misses.add("answers lost, duplicated or misplaced");
    }
    if (crowd.replayMismatches() > 0) {
      misses.add("a replayed hop got a different reply");
    }
    if (after != before) {
      misses.add("late replays stored " + (after - before) + " answers");
    }
    if (lateErrors.get() > 0) {
      misses.add("late replays got errors");
    }
    List<String> details = new ArrayList<>(misses);
    crowd.mismatchExamples().forEach(m -> details.add("reply differed: " + m));
    details.addAll(tally.details(crowd));
    return new Verdict(name(), misses.isEmpty(), "every webhook replayed at once and later: 0 duplicate answers",
        String.format("requests %d (+%d immediate copies, %d with a different reply; +%d late copies, %d errors, "
            + "%d answers stored by them); answers acknowledged %d, lost %d, duplicated %d, phantom %d",
            stats.hops(), crowd.replays(), crowd.replayMismatches(), sent.size(), lateErrors.get(), after - before,
            check.acknowledged(), check.lost(), check.duplicated(), check.phantom()),
        details);
  }
}
