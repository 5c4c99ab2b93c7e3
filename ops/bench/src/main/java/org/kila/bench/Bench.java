package org.kila.bench;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.kila.bench.fault.DatabaseFault;
import org.kila.bench.fault.FloodFault;
import org.kila.bench.fault.KillFault;
import org.kila.bench.fault.ReplayFault;
import org.kila.bench.fault.TwoInstancesFault;
import org.kila.bench.report.ResultsFile;
import org.kila.bench.reporting.ReportingScale;
import org.kila.bench.report.Verdict;
import org.kila.bench.run.GatewayProcess;
import org.kila.bench.run.PrivatePostgres;
import org.kila.bench.run.ProcFs;
import org.kila.bench.scenario.JitWarmup;
import org.kila.bench.scenario.Overload;
import org.kila.bench.scenario.PgBench;
import org.kila.bench.scenario.Saturation;
import org.kila.bench.scenario.Scenario;
import org.kila.bench.scenario.SteadyLoad;
import org.kila.bench.scenario.SustainedLoad;
import org.kila.bench.survey.BenchSurvey;
import org.kila.bench.survey.SurveyScript;

/**
 * The benchmark and fault harness: starts the gateway jar against the run's private PostgreSQL, runs each
 * scenario in turn, prints its figures, appends them to RESULTS.md, and exits non-zero when any scenario
 * missed its target (a fault scenario misses when anything was lost or duplicated).
 */
public final class Bench {
  /** Names {@code --only} accepts for several scenarios at once. */
  static final Map<String, Set<String>> GROUPS = Map.of(
      "load", Set.of("pgbench", "saturation", "steady", "sustained", "overload"),
      "faults", Set.of("kill", "dbdown", "replay", "flood", "twoinst"));

  /**
   * Vert.x logs every connection the gateway cuts (a kill -9, a restart) as SEVERE; the harness counts
   * those per hop as errors, so the log lines are noise. Held here: JUL keeps loggers only weakly.
   */
  private static final java.util.logging.Logger CONNECTION_LOG =
      java.util.logging.Logger.getLogger("io.vertx.core.net.impl.ConnectionBase");

  private Bench() {}

  public static void main(String[] args) throws Exception {
    CONNECTION_LOG.setLevel(java.util.logging.Level.OFF);
    BenchOptions options;
    try {
      options = BenchOptions.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.err.printf(BenchOptions.USAGE, scenarios(null).stream().map(Scenario::name).collect(Collectors.joining(", ")));
      System.exit(2);
      return;
    }
    System.exit(run(options) ? 0 : 1);
  }

  static List<Scenario> scenarios(BenchOptions options) {
    return List.of(new PgBench(), new Saturation(), new SteadyLoad(), new SustainedLoad(), new Overload(),
        new KillFault(), new DatabaseFault(), new ReplayFault(), new FloodFault(), new TwoInstancesFault(),
        new ReportingScale(options.gatewaySqlDir()));
  }

  static boolean run(BenchOptions options) throws Exception {
    Files.createDirectories(options.work());
    Path survey = BenchSurvey.write(options.surveyExample(), options.work().resolve("surveys"));
    SurveyScript script = SurveyScript.read(survey);
    PrivatePostgres postgres = new PrivatePostgres(options.pgScript(), options.pgDir(), options.pgPort());
    Map<String, String> env = new LinkedHashMap<>();
    // Gateway settings given to the harness (KILA_DB_POOL_SIZE=4 ...) pass through, to measure other
    // settings; where it listens and which database it uses are the harness's own. The harness's own
    // KILA_BENCH_* and the test suite's KILA_TEST_* (set by .ci/run) are not gateway settings.
    System.getenv().forEach((k, v) -> {
      if (k.startsWith("KILA_") && !GatewayProcess.notGatewaySetting(k)) {
        env.put(k, v);
      }
    });
    env.put("KILA_HTTP_PORT", Integer.toString(options.gatewayPort()));
    env.put("KILA_HTTP_HOST", "127.0.0.1");
    env.put("KILA_DB_URL", postgres.jdbcUrl(options.database()));
    env.put("KILA_DB_USER", "postgres");
    env.put("KILA_DATA_DIR", options.work().resolve("gateway-data").toString());
    env.put("KILA_SURVEYS_DIR", survey.getParent().toString());
    // A name of its own: on a shared machine someone's `pkill -f kila-gateway.jar` once stopped the gateway in
    // the middle of a soak.
    Path jar = options.work().resolve("gateway-under-test.jar");
    Files.copy(options.gatewayJar(), jar, StandardCopyOption.REPLACE_EXISTING);
    GatewayProcess gateway = new GatewayProcess(jar, options.gatewayJavaOpts(), env, options.work().resolve("gateway.log"));
    String machine = ProcFs.machine();
    String started = ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'"));
    System.out.printf("Kila benchmark, %s run, %s, on %s%n", options.shortRun() ? "short" : "full", started, machine);
    System.out.println("gateway: java " + String.join(" ", options.gatewayJavaOpts()) + " -jar " + options.gatewayJar());
    env.forEach((k, v) -> {
      if (!k.equals("KILA_DB_URL")) {
        System.out.println("  " + k + "=" + v);
      }
    });
    // Started now unless every chosen scenario runs gateways of its own.
    if (scenarios(options).stream().anyMatch(s -> runs(options, s.name()) && !s.runsOwnGateways())) {
      Duration startup = gateway.start();
      System.out.printf("gateway healthy after %.1f s (pid %d)%n", startup.toMillis() / 1000.0, gateway.pid());
    }

    Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(2));
    List<Verdict> verdicts = new ArrayList<>();
    Map<String, Long> seconds = new LinkedHashMap<>();
    try {
      Rig rig = new Rig(options, vertx, script, gateway, postgres, "b" + Long.toString(System.currentTimeMillis(), 36));
      if (GROUPS.get("load").stream().anyMatch(name -> runs(options, name))) {
        Duration warmup = Duration.ofSeconds(options.pick(60, 20));
        System.out.printf("%nwarming the gateway up for %d s (closed loop, not measured): %s%n", warmup.toSeconds(),
            JitWarmup.run(rig, warmup));
      }
      for (Scenario scenario : scenarios(options)) {
        if (!runs(options, scenario.name())) {
          continue;
        }
        System.out.printf("%n== %s%n", scenario.name());
        long t0 = System.nanoTime();
        Verdict v;
        try {
          prepareGateway(gateway, scenario);
          v = scenario.run(rig);
        } catch (Exception e) {
          e.printStackTrace();
          v = Verdict.of(scenario.name(), false, "runs to the end", "harness error: " + e);
        }
        seconds.put(v.scenario(), (System.nanoTime() - t0) / 1_000_000_000L);
        verdicts.add(v);
        System.out.printf("%s %s: %s%n", v.mark(), v.scenario(), v.figures());
        v.details().forEach(d -> System.out.println("  " + d));
      }
    } finally {
      vertx.close();
      gateway.stop();
    }
    System.out.printf("%n== summary (%s)%n", options.shortRun() ? "short" : "full");
    verdicts.forEach(v -> System.out.printf("%s %-11s %4d s  %s%n", v.mark(), v.scenario(), seconds.get(v.scenario()),
        v.target()));
    List<String> failed = verdicts.stream().filter(v -> !v.passed()).map(Verdict::scenario).toList();
    if (!failed.isEmpty()) {
      System.out.printf("%d of %d scenarios FAILED: %s%n", failed.size(), verdicts.size(), String.join(", ", failed));
    }
    if (options.results() != null && !verdicts.isEmpty()) {
      String mode = (options.shortRun() ? "short" : "full")
          + (options.only().isEmpty() ? "" : " (" + String.join(",", options.only()) + ")");
      new ResultsFile(options.results()).append(started, mode, machine, options.command(), verdicts);
      System.out.println("appended " + verdicts.size() + " rows to " + options.results());
    }
    return verdicts.stream().allMatch(Verdict::passed);
  }

  /**
   * Stops the harness's gateway before a scenario that runs gateways of its own; otherwise starts it again
   * if a scenario before left it down (killed), so that it is started only when one needs it.
   */
  private static void prepareGateway(GatewayProcess gateway, Scenario scenario) throws Exception {
    if (scenario.runsOwnGateways()) {
      gateway.stop();
    } else if (!gateway.alive() || gateway.health() != 200) {
      System.out.println("starting the gateway again");
      gateway.kill9();
      gateway.start();
    }
  }

  static boolean runs(BenchOptions options, String scenario) {
    if (options.only().isEmpty()) {
      return true;
    }
    return options.only().stream()
        .anyMatch(o -> o.equals(scenario) || GROUPS.getOrDefault(o, Set.of()).contains(scenario));
  }
}
