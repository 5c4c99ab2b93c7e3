package org.kila.gateway.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.kila.gateway.db.DatabaseException;
import org.kila.gateway.db.EmbeddedServer;
import org.kila.gateway.db.EmbeddedServer.Durability;

/**
 * The one embedded PostgreSQL of a test JVM, started on first use and stopped when the JVM exits. Its data
 * directory is {@code target/kila-test-pg}, reused across runs (a warm start is faster; a server left by a
 * killed run is stopped first and its test databases dropped); a second test run at the same time gets a
 * temporary directory.
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
        dropLeftoverDatabases(server);
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

  /** Test databases of an earlier run that was killed before it could drop them. */
  private static void dropLeftoverDatabases(EmbeddedServer server) {
    try (Connection c = server.adminDataSource().getConnection(); Statement st = c.createStatement()) {
      List<String> names = new ArrayList<>();
      try (ResultSet rs = st.executeQuery("SELECT datname FROM pg_database WHERE datname LIKE 't\\_%'")) {
        while (rs.next()) names.add(rs.getString(1));
      }
      for (String name : names) {
        st.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
      }
    } catch (SQLException e) {
      throw new DatabaseException("could not clear the test server's old databases: " + e.getMessage(), e);
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
