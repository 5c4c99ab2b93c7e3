package org.kila.gateway.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kila.gateway.db.EmbeddedServer.Durability;

/** After a kill -9 the embedded PostgreSQL outlives its JVM; the next start must stop it and carry on. */
class LeftoverPostmasterTest {
  @TempDir Path dir;

  @Test
  void aServerLeftRunningByAKilledJvmIsStoppedBeforeTheNextStart() throws Exception {
    Path pg = dir.resolve("pg");
    Process jvm = startServerInAnotherJvm(pg);
    ProcessHandle leftover;
    try {
      leftover = LeftoverPostmaster.livePostmaster(pg).orElseThrow();
    } finally {
      jvm.destroyForcibly(); // SIGKILL: no shutdown hook runs
      jvm.waitFor(30, TimeUnit.SECONDS);
    }
    assertTrue(leftover.isAlive(), "the trap: the server outlives the killed JVM");

    try (EmbeddedServer server = EmbeddedServer.start(pg, Durability.THROWAWAY)) {
      assertFalse(leftover.isAlive(), "the leftover server was stopped");
      assertEquals(1, selectOne(server));
    }
  }

  @Test
  void aServerOfALiveKilaIsNeverTouched() throws Exception {
    Path pg = dir.resolve("pg");
    try (EmbeddedServer running = EmbeddedServer.start(pg, Durability.THROWAWAY)) {
      DatabaseException e = assertThrows(DatabaseException.class, () -> EmbeddedServer.start(pg, Durability.THROWAWAY));
      assertTrue(e.getMessage().contains("is in use by another running Kila"), e.getMessage());
      assertEquals(1, selectOne(running), "still serving");
    }
  }

  @Test
  void withoutAPidFileThereIsNothingToStop() {
    assertEquals(java.util.Optional.empty(), LeftoverPostmaster.stopIfAny(dir));
  }

  private static int selectOne(EmbeddedServer server) throws Exception {
    try (Connection c = server.adminDataSource().getConnection(); Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT 1")) {
      rs.next();
      return rs.getInt(1);
    }
  }

  private static Process startServerInAnotherJvm(Path pg) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    Process jvm = new ProcessBuilder(java, "-cp", classpath, EmbeddedServerProcess.class.getName(), pg.toString())
        .redirectErrorStream(true)
        .start();
    CompletableFuture<Boolean> ready = CompletableFuture.supplyAsync(() -> {
      try (BufferedReader out = new BufferedReader(new InputStreamReader(jvm.getInputStream(), StandardCharsets.UTF_8))) {
        for (String line = out.readLine(); line != null; line = out.readLine()) {
          if (line.equals("READY")) {
            return true;
          }
        }
        return false;
      } catch (java.io.IOException e) {
        return false;
      }
    });
    if (!ready.get(120, TimeUnit.SECONDS)) {
      jvm.destroyForcibly();
      throw new AssertionError("the other JVM did not start its embedded server");
    }
    return jvm;
  }
}
