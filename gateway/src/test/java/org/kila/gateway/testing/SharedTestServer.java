package org.kila.gateway.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.kila.gateway.db.DatabaseException;
import org.kila.gateway.db.EmbeddedServer;
import org.kila.gateway.db.EmbeddedServer.Durability;

/**
 * The one embedded PostgreSQL of a test JVM, started on first use and stopped when the JVM exits. Its data
 * directory is {@code target/kila-test-pg}, reused across runs (a warm start is faster and a server left
 * by a killed run is stopped first); a second test run at the same time gets a temporary directory.
 */
final class SharedTestServer {
  private static EmbeddedServer server;
  private static RuntimeException failure;

  private SharedTestServer() {}

  static synchronized EmbeddedServer get() {
    if (failure != null) {
      throw failure; // one clear failure per class, not a minute-long retry each time
    }
    if (server == null) {
      try {
        server = start();
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "kila-test-pg-stop"));
      } catch (RuntimeException e) {
        failure = e;
        throw e;
      }
    }
    return server;
  }

  private static EmbeddedServer start() {
    Path target = Path.of("target");
    Path dir = Files.isDirectory(target) ? target.resolve("kila-test-pg") : tempDir();
    try {
      return EmbeddedServer.start(dir, Durability.THROWAWAY);
    } catch (DatabaseException e) {
      if (e.getMessage() != null && e.getMessage().contains("in use by another running Kila")) {
        return EmbeddedServer.start(tempDir(), Durability.THROWAWAY);
      }
      throw e;
    }
  }

  private static Path tempDir() {
    try {
      return Files.createTempDirectory("kila-test-pg").resolve("pg");
    } catch (IOException e) {
      throw new DatabaseException("could not create a temporary directory for the test database: " + e.getMessage(), e);
    }
  }
}
