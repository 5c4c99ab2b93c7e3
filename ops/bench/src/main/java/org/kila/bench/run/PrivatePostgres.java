package org.kila.bench.run;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The run's own PostgreSQL cluster, driven through {@code ops/bench/pg.sh} (which knows how to run the
 * server as the {@code postgres} user): the database fault stops and starts it under load.
 */
public final class PrivatePostgres {
  private final Path script;
  private final Path dir;
  private final int port;

  public PrivatePostgres(Path script, Path dir, int port) {
    this.script = script;
    this.dir = dir;
    this.port = port;
  }

  public String jdbcUrl(String database) {
    return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
  }

  public int port() {
    return port;
  }

  /** The postmaster's process id, from its pid file; -1 when it is not running. */
  public long postmasterPid() {
    try {
      return Long.parseLong(java.nio.file.Files.readAllLines(dir.resolve("data").resolve("postmaster.pid")).get(0).strip());
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }

  /** Starts it and returns once it accepts connections. */
  public void start() throws IOException {
    run("start");
  }

  /** Shuts it down: {@code crash} as a power cut would, otherwise a fast clean shutdown. */
  public void stop(boolean crash) throws IOException {
    run(crash ? "crash" : "stop");
  }

  private void run(String command) throws IOException {
    Process p = new ProcessBuilder(List.of("bash", script.toString(), command, dir.toString(), Integer.toString(port)))
        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.INHERIT).start();
    try {
      if (!p.waitFor(90, TimeUnit.SECONDS) || p.exitValue() != 0) {
        throw new IOException("pg.sh " + command + " failed");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
  }
}
