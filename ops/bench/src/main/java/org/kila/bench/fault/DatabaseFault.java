package org.kila.bench.fault;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.kila.bench.Rig;
import org.kila.bench.check.AnswerCheck;
import org.kila.bench.load.Crowd;
import org.kila.bench.load.HopStats;
import org.kila.bench.load.LoadRun;
import org.kila.bench.load.UssdClient;
import org.kila.bench.report.Verdict;
import org.kila.bench.scenario.Scenario;

/**
 * PostgreSQL stopped and started under load (10 times at 200 hops/s in the full run, 2 at 100 hops/s in the
 * short one, which CI runs; odd outages a power-cut stop, even ones a clean fast shutdown). While it is away the gateway must stay up, answer
 * respondents with a polite END and say 503 on {@code /health}; once it is back it must answer hops again
 * within 5 s on its own. Nothing acknowledged may be lost.
 */
public final class DatabaseFault implements Scenario {
  /** Full run; the short run offers half, so that on two shared cores the load is not itself an overload. */
  static final int HOPS_PER_SECOND = 200;
  static final Duration OUTAGE = Duration.ofSeconds(4);
  static final long RECOVERY_TARGET_MILLIS = 5_000;
  private static final long PROBE_NUMBERS = 99_000_000;

  private long probes;

  @Override
  public String name() {
    return "dbdown";
  }

  @Override
  public Verdict run(Rig rig) throws Exception {
    int outages = rig.options().pick(10, 2);
    Crowd crowd = rig.crowd(name(), Duration.ofMillis(200), Duration.ofMillis(800), 0, false);
    HopStats stats = new HopStats();
    crowd.call(() -> {
      stats.begin(System.nanoTime());
      crowd.measureInto(stats);
      return null;
    });
    LoadRun.OpenSchedule arrivals = LoadRun.startArrivals(crowd, rig.options().pick(HOPS_PER_SECOND, HOPS_PER_SECOND / 2));
    List<Long> recoveries = new ArrayList<>();
    int saw503 = 0;
    int gatewayUnreachable = 0;
    for (int i = 1; i <= outages; i++) {
      // Before the first outage, 10 s of load: the gateway may have just been restarted by the kill
      // scenario, and what is measured is how a running gateway recovers, not how a cold JVM compiles.
      LoadRun.sleep(Duration.ofSeconds(i == 1 ? 10 : 3));
      rig.postgres().stop(i % 2 == 1);
      long down = System.nanoTime();
      boolean said503 = false;
      while (System.nanoTime() - down < OUTAGE.toNanos()) {
        int health = rig.gateway().health();
        said503 |= health == 503;
        if (health == -1 || !rig.gateway().alive()) {
          gatewayUnreachable++;
        }
        LoadRun.sleep(Duration.ofMillis(250));
      }
      saw503 += said503 ? 1 : 0;
      rig.postgres().start();
      long up = System.nanoTime();
      while (System.nanoTime() - up < TimeUnit.SECONDS.toNanos(60)
          && !(rig.gateway().health() == 200 && probe(rig))) {
        LoadRun.sleep(Duration.ofMillis(100));
      }
      recoveries.add(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - up));
    }
    LoadRun.sleep(Duration.ofSeconds(2));
    arrivals.endFromOutside();
    LoadRun.drain(crowd, Duration.ofSeconds(60));
    LoadRun.finish(crowd);
    crowd.call(() -> {
      stats.end(System.nanoTime());
      return null;
    });
    AnswerCheck.Result check = rig.database().check(crowd.prefix(), crowd.everyone());
    Tally tally = Tally.of(outages, crowd, stats, check);
    long worstRecovery = recoveries.stream().mapToLong(Long::longValue).max().orElse(0);
    List<String> misses = new ArrayList<>();
    if (!tally.clean()) {
      misses.add("answers lost or duplicated, or sessions not resumed");
    }
    if (saw503 < outages) {
      misses.add("/health did not say 503 in every outage");
    }
    if (gatewayUnreachable > 0 || !rig.gateway().alive()) {
      misses.add("the gateway stopped answering during an outage");
    }
    if (worstRecovery > RECOVERY_TARGET_MILLIS) {
      misses.add("recovery took longer than " + RECOVERY_TARGET_MILLIS + " ms");
    }
    if (stats.turnedAwayCount() == 0 || stats.errorCount() > 0) {
      misses.add("respondents got errors instead of a polite END");
    }
    List<String> details = new ArrayList<>(misses);
    details.addAll(tally.details(crowd));
    details.add("recovery after each restart (ms): " + recoveries);
    return new Verdict(name(), misses.isEmpty(),
        "database restarts under load: gateway up, polite END, /health 503, back within 5 s, nothing lost",
        tally.figures() + String.format("; polite END while away %d, errors %s; /health 503 in %d of %d outages; "
            + "back within %d ms at worst", stats.turnedAwayCount(), stats.errors(), saw503, outages, worstRecovery),
        details);
  }

  /** One new respondent dials: true when the first screen comes back. */
  private boolean probe(Rig rig) {
    long n = PROBE_NUMBERS + probes++;
    try {
      UssdClient.Reply reply = rig.client().hop(rig.script().ussdCode(), rig.prefix("probe") + "-" + n,
          String.format("+2547%08d", n), "").toCompletionStage().toCompletableFuture().get(6, TimeUnit.SECONDS);
      return reply.status() == 200 && reply.body().startsWith("CON ");
    } catch (Exception e) {
      return false;
    }
  }
}
