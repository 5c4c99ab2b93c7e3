package org.kila.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The harness's command line. {@code ops/bench/run.sh} fills it in; run by hand it needs a built gateway
 * jar and a PostgreSQL that {@code pg.sh} controls.
 *
 * @param only scenario names to run, in the harness's order; empty runs all
 * @param gatewaySqlDir the gateway's report SQL, timed by the reporting scenario when present (may be null)
 * @param results the RESULTS.md to append to, or null to append nothing
 * @param command the command line recorded with the rows
 */
public record BenchOptions(boolean shortRun, Set<String> only, Path gatewayJar, List<String> gatewayJavaOpts,
    int gatewayPort, Path surveyExample, Path gatewaySqlDir, Path work, Path pgScript, Path pgDir, int pgPort,
    String database, String pgbench, Path results, String command) {

  static final String USAGE = """
      Usage: java -jar kila-bench.jar --gateway-jar JAR --survey JSON --work DIR --pg-script pg.sh --pg-dir DIR
                                      --pg-port PORT [--short] [--only a,b] [--gateway-port PORT]
                                      [--java-opts "..."] [--pgbench PATH] [--gateway-sql DIR]
                                      [--results RESULTS.md] [--command "..."]
      Scenarios: %s
      """;

  static BenchOptions parse(String[] args) {
    boolean shortRun = false;
    Set<String> only = new LinkedHashSet<>();
    Path jar = null;
    List<String> javaOpts = new ArrayList<>();
    int gatewayPort = 18_080;
    Path survey = null;
    Path sqlDir = null;
    Path work = null;
    Path pgScript = null;
    Path pgDir = null;
    int pgPort = 0;
    String pgbench = "/usr/lib/postgresql/15/bin/pgbench";
    Path results = null;
    String command = "java -jar ops/target/kila-bench.jar";
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      switch (a) {
        case "--short" -> shortRun = true;
        case "--only" -> only.addAll(List.of(value(args, ++i, a).split(",")));
        case "--gateway-jar" -> jar = Path.of(value(args, ++i, a));
        case "--java-opts" -> javaOpts.addAll(List.of(value(args, ++i, a).trim().split("\\s+")));
        case "--gateway-port" -> gatewayPort = Integer.parseInt(value(args, ++i, a));
        case "--survey" -> survey = Path.of(value(args, ++i, a));
        case "--gateway-sql" -> sqlDir = Path.of(value(args, ++i, a));
        case "--work" -> work = Path.of(value(args, ++i, a));
        case "--pg-script" -> pgScript = Path.of(value(args, ++i, a));
        case "--pg-dir" -> pgDir = Path.of(value(args, ++i, a));
        case "--pg-port" -> pgPort = Integer.parseInt(value(args, ++i, a));
        case "--pgbench" -> pgbench = value(args, ++i, a);
        case "--results" -> results = Path.of(value(args, ++i, a));
        case "--command" -> command = value(args, ++i, a);
        default -> throw new IllegalArgumentException("unknown option " + a);
      }
    }
    if (jar == null || survey == null || work == null || pgScript == null || pgDir == null || pgPort == 0) {
      throw new IllegalArgumentException("--gateway-jar, --survey, --work, --pg-script, --pg-dir and --pg-port are required");
    }
    javaOpts.removeIf(String::isEmpty);
    return new BenchOptions(shortRun, only, jar, javaOpts, gatewayPort, survey, sqlDir, work, pgScript, pgDir, pgPort,
        "kila", pgbench, results, command);
  }

  private static String value(String[] args, int i, String option) {
    if (i >= args.length) {
      throw new IllegalArgumentException(option + " needs a value");
    }
    return args[i];
  }

  /** Full-run figure or short-run figure. */
  public int pick(int full, int shortValue) {
    return shortRun ? shortValue : full;
  }
}
