package org.kila.bench.run;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The gateway under test as a separate process, started from its jar exactly as an operator runs it
 * ({@code java $JAVA_OPTS -jar kila-gateway.jar serve} with {@code KILA_*} settings), so that a kill -9
 * is a real crash and its memory is its own.
 */
public final class GatewayProcess {
  private final Path jar;
  private final List<String> javaOpts;
  private final Map<String, String> env;
  private final Path log;
  private final int port;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private Process process;

  /**
   * @param env the {@code KILA_*} settings; {@code KILA_HTTP_PORT} must be among them
   * @param log file the gateway's output is appended to, across restarts
   */
  public GatewayProcess(Path jar, List<String> javaOpts, Map<String, String> env, Path log) {
    this.jar = jar;
    this.javaOpts = List.copyOf(javaOpts);
    this.env = Map.copyOf(env);
    this.log = log;
    this.port = Integer.parseInt(env.get("KILA_HTTP_PORT"));
  }

  public int port() {
    return port;
  }

  /**
   * Another instance of the same build, with the same JVM options and settings except {@code overrides}
   * (which must give it its own {@code KILA_HTTP_PORT}), writing its output to {@code log} and its GC log
   * to a file of its own named after {@code name}. Not started.
   */
  public GatewayProcess sibling(String name, Map<String, String> overrides, Path log) {
    Map<String, String> merged = new java.util.HashMap<>(env);
    merged.putAll(overrides);
    List<String> opts = javaOpts.stream()
        .map(o -> o.startsWith("-Xlog:gc") ? o.replace("/gc.log", "/gc-" + name + ".log") : o)
        .toList();
    return new GatewayProcess(jar, opts, merged, log);
  }

  /** Starts it and waits until {@code /health} says 200; returns how long that took. */
  public Duration start() throws IOException {
    long t0 = System.nanoTime();
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(javaOpts);
    command.addAll(List.of("-jar", jar.toString(), "serve"));
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    environment(pb);
    process = pb.start();
    long deadline = t0 + TimeUnit.SECONDS.toNanos(90);
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IOException("the gateway exited with " + process.exitValue() + " while starting; see " + log);
      }
      if (health() == 200) {
        return Duration.ofNanos(System.nanoTime() - t0);
      }
      sleep(100);
    }
    threadDump();
    throw new IOException("the gateway did not become healthy in 90 s; see " + log + " (its threads are at the end)");
  }

  /** Appends the gateway's threads to its log, to show where a start that never finished was stuck. */
  private void threadDump() {
    try {
      Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
          Long.toString(process.pid()), "Thread.print").redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
      jcmd.waitFor(30, TimeUnit.SECONDS);
    } catch (IOException e) {
      // No jcmd (a JRE): the log still says how far the start got.
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Its settings, without inherited variables that only look like gateway settings (it would warn about them). */
  private void environment(ProcessBuilder pb) {
    pb.environment().keySet().removeIf(GatewayProcess::notGatewaySetting);
    pb.environment().putAll(env);
  }

  /** The harness's own KILA_BENCH_* variables and the test suite's KILA_TEST_*: never gateway settings. */
  public static boolean notGatewaySetting(String name) {
    return name.startsWith("KILA_BENCH_") || name.startsWith("KILA_TEST_");
  }

  /** SIGKILL: no shutdown hook, no flush, connections cut mid-hop. */
  public void kill9() throws InterruptedException {
    if (process != null && process.isAlive()) {
      process.destroyForcibly();
      process.waitFor(30, TimeUnit.SECONDS);
    }
  }

  /** SIGTERM, as systemd stops it; SIGKILL if it has not exited in 30 s. */
  public void stop() throws InterruptedException {
    if (process != null && process.isAlive()) {
      process.destroy();
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        kill9();
      }
    }
  }

  public boolean alive() {
    return process != null && process.isAlive();
  }

  /** How the last started process ended, or "running". */
  public String exitStatus() {
    if (process == null || process.isAlive()) {
      return "running";
    }
    int code = process.exitValue();
    return code > 128 ? "killed by signal " + (code - 128) : "exited with " + code;
  }

  public long pid() {
    return process.pid();
  }

  /** Status of {@code GET /health}, or -1 when nothing answers within 5 s. */
  public int health() {
    try {
      return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health"))
          .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (IOException e) {
      return -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }

  /** The Prometheus text of {@code /metrics}, or empty when it cannot be read. */
  public String metrics() {
    try {
      return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics"))
          .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.ofString()).body();
    } catch (IOException e) {
      return "";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "";
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
