package org.kila.gateway.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.ConnectionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kila.gateway.config.ConfigLoader;
import org.kila.gateway.config.KilaConfig;

/** The embedded default database as a newcomer's first start and every restart after it will use it. */
class DatabaseTest {
  @TempDir Path dir;

  KilaConfig config(String... pairs) {
    Map<String, String> env = new HashMap<>();
    env.put("KILA_DATA_DIR", dir.toString());
    env.put("KILA_PHONE_HASH_KEY", Base64.getEncoder().encodeToString(new byte[32]));
    byte[] other = new byte[32];
    other[0] = 1;
    env.put("KILA_PHONE_ENCRYPTION_KEY", Base64.getEncoder().encodeToString(other));
    for (int i = 0; i < pairs.length; i += 2) env.put(pairs[i], pairs[i + 1]);
    return ConfigLoader.load(env, Optional.empty());
  }

  @Test
  void theEmbeddedDatabaseIsDurableMigratedAndKeepsItsDataAndPortAcrossRestarts() throws Exception {
    int port;
    try (Database db = Database.start(config())) {
      assertTrue(db.isHealthy());
      assertTrue(Files.isRegularFile(dir.resolve("pg/postgresql.conf")), "data lives in <dataDir>/pg");
      Map<String, String> settings = db.jdbi().withHandle(h -> Map.of(
          "fsync", h.createQuery("SHOW fsync").mapTo(String.class).one(),
          "synchronous_commit", h.createQuery("SHOW synchronous_commit").mapTo(String.class).one(),
          "full_page_writes", h.createQuery("SHOW full_page_writes").mapTo(String.class).one()));
      assertEquals(Map.of("fsync", "on", "synchronous_commit", "on", "full_page_writes", "on"), settings,
          "an acknowledged answer must survive a crash");
      db.jdbi().useHandle(h -> h.execute("INSERT INTO quota_count (survey_id, quota_id, stratum_key, completed) "
          + "VALUES ('s', 'q', 'gender=female', 3)"));
      port = Integer.parseInt(Files.readString(dir.resolve("pg.port")).trim());
      assertTrue(db.describe().contains("localhost:" + port), db.describe());
    }
    try (Database again = Database.start(config())) {
      long kept = again.jdbi().withHandle(h -> h.createQuery("SELECT completed FROM quota_count").mapTo(Long.class).one());
      assertEquals(3, kept);
      assertTrue(again.describe().contains("localhost:" + port), "same port after a restart: " + again.describe());
    }
  }

  @Test
  void whenTheServerDiesWorkFailsWithinTheConnectTimeoutInsteadOfHanging() throws Exception {
    try (Database db = Database.start(config("KILA_DB_CONNECT_TIMEOUT", "1s"))) {
      ProcessHandle postgres = LeftoverPostmaster.livePostmaster(dir.resolve("pg")).orElseThrow();
      postgres.destroyForcibly();
      postgres.onExit().get(10, TimeUnit.SECONDS);

      long start = System.nanoTime();
      assertFalse(db.isHealthy());
      assertThrows(ConnectionException.class,
          () -> db.jdbi().withHandle(h -> h.createQuery("SELECT 1").mapTo(Integer.class).one()));
      Duration took = Duration.ofNanos(System.nanoTime() - start);
      assertTrue(took.compareTo(Duration.ofSeconds(5)) < 0, "a respondent waits " + took);
    }
  }

  @Test
  void aClosedDatabaseIsNotHealthy() {
    Database db = Database.start(config());
    db.close();
    assertFalse(db.isHealthy());
  }

  @Test
  void anUnreachableServerFailsTheStartQuicklyWithTheUrlButNoPassword() {
    long start = System.nanoTime();
    DatabaseException e = assertThrows(DatabaseException.class, () -> Database.start(config(
        "KILA_DB_URL", "jdbc:postgresql://127.0.0.1:1/kila?password=hunter2", "KILA_DB_CONNECT_TIMEOUT", "1s")));
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    assertTrue(e.getMessage().startsWith("could not connect to the database at jdbc:postgresql://127.0.0.1:1/kila?...: "),
        e.getMessage());
    assertFalse(e.getMessage().contains("hunter2"), e.getMessage());
    assertTrue(took.compareTo(Duration.ofSeconds(5)) < 0, "took " + took);
  }
}
