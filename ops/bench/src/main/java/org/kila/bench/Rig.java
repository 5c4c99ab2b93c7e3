package org.kila.bench;

import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.kila.bench.check.StoredAnswers;
import org.kila.bench.load.Crowd;
import org.kila.bench.load.Route;
import org.kila.bench.load.UssdClient;
import org.kila.bench.run.GatewayProcess;
import org.kila.bench.run.PrivatePostgres;
import org.kila.bench.survey.SurveyScript;

/**
 * The running set-up every scenario acts on: the gateway process, the private PostgreSQL, the survey the
 * respondents play, the HTTP client, and the figures one scenario leaves for the next (the saturating
 * rate). Each scenario gets its own range of phone numbers and session ids, so its respondents are
 * strangers to every other scenario's.
 */
public final class Rig {
  /** An aggregator gives up on a hop after 10-15 s; the generator waits as long as the longest. */
  public static final long AGGREGATOR_TIMEOUT_MILLIS = 15_000;
  /** Connections the generator may open to the gateway at once: well above the gateway's admission limit. */
  static final int CONNECTIONS = 4_096;
  private static final long NUMBERS_PER_SCENARIO = 1_000_000;

  private final BenchOptions options;
  private final Vertx vertx;
  private final UssdClient client;
  private final SurveyScript script;
  private final GatewayProcess gateway;
  private final PrivatePostgres postgres;
  private final StoredAnswers database;
  private final String runId;
  private final AtomicInteger scenarios = new AtomicInteger();
  private double saturatingHopsPerSecond;
  private double pgbenchTps;

  Rig(BenchOptions options, Vertx vertx, SurveyScript script, GatewayProcess gateway, PrivatePostgres postgres,
      String runId) {
    this.options = options;
    this.vertx = vertx;
    this.script = script;
    this.gateway = gateway;
    this.postgres = postgres;
    this.runId = runId;
    // An aggregator opens a connection per hop in flight: the pool must not be what caps the hops the
    // gateway sees (it lets up to 512 in), or an overload would queue here instead of being turned away.
    this.client = new UssdClient(vertx, "127.0.0.1", gateway.port(), CONNECTIONS, AGGREGATOR_TIMEOUT_MILLIS);
    this.database = new StoredAnswers(postgres.jdbcUrl(options.database()), "postgres");
  }

  /**
   * A crowd for one scenario, with respondents who think {@code think} between screens and dial again
   * 1-3 s after a failed hop (up to 30 failed dials in a row).
   *
   * @param name a short scenario name, part of every session id
   */
  public Crowd crowd(String name, Duration thinkMin, Duration thinkMax, double abandonShare, boolean replay) {
    return new Crowd(vertx, client, script, settings(name, thinkMin, thinkMax, abandonShare, replay, 0));
  }

  /**
   * A crowd whose requests go where {@code route} sends them (another gateway, or several), a share of
   * whom hang up part-way once and dial again; otherwise as {@link #crowd}.
   */
  public Crowd crowd(String name, Route route, Duration thinkMin, Duration thinkMax, double hangUpShare) {
    return new Crowd(vertx, route, script, settings(name, thinkMin, thinkMax, 0, false, hangUpShare));
  }

  private Crowd.Settings settings(String name, Duration thinkMin, Duration thinkMax, double abandonShare,
      boolean replay, double hangUpShare) {
    int index = scenarios.incrementAndGet();
    return new Crowd.Settings(prefix(name), index * NUMBERS_PER_SCENARIO, 42L + index, thinkMin.toMillis(),
        thinkMax.toMillis(), 1_000, 3_000, 30, abandonShare, replay, hangUpShare);
  }

  /** The session-id prefix of scenario {@code name} in this run. */
  public String prefix(String name) {
    return runId + "_" + name;
  }

  public BenchOptions options() {
    return options;
  }

  public Vertx vertx() {
    return vertx;
  }

  public UssdClient client() {
    return client;
  }

  public SurveyScript script() {
    return script;
  }

  public GatewayProcess gateway() {
    return gateway;
  }

  public PrivatePostgres postgres() {
    return postgres;
  }

  public StoredAnswers database() {
    return database;
  }

  /** The closed-loop throughput, once the saturation scenario has measured it (0 before). */
  public double saturatingHopsPerSecond() {
    return saturatingHopsPerSecond;
  }

  public void recordSaturation(double rate) {
    this.saturatingHopsPerSecond = rate;
  }

  public double pgbenchTps() {
    return pgbenchTps;
  }

  public void recordPgbench(double tps) {
    this.pgbenchTps = tps;
  }
}
