package org.kila.gateway.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;

/** The test database helper itself, run whichever way this JVM's database tests run. */
class TestDatabaseTest {

  @Test
  void eachTestClassGetsItsOwnMigratedDatabaseAndItIsGoneAfterwards() {
    TestDatabase one = new TestDatabase();
    TestDatabase two = new TestDatabase();
    one.open();
    two.open();
    try {
      one.jdbi().useHandle(h -> h.execute("INSERT INTO quota_count (survey_id, quota_id, stratum_key) VALUES ('s', 'q', 'k')"));
      assertEquals(List.of(1), one.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM quota_count").mapTo(Integer.class).list()));
      assertEquals(List.of(0), two.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM quota_count").mapTo(Integer.class).list()),
          "another class's database is another database");
      assertTrue(one.database().isHealthy(), "migrated");
      assertTrue(one.env().get("KILA_DB_URL").startsWith("jdbc:postgresql://"), one.env().toString());
      assertFalse(one.env().get("KILA_DB_URL").equals(two.env().get("KILA_DB_URL")));
    } finally {
      two.close();
    }
    String url = one.env().get("KILA_DB_URL");
    one.close();
    assertThrows(IllegalStateException.class, one::database);
    assertFalse(stillThere(url), url + " was dropped");
  }

  private boolean stillThere(String url) {
    TestDatabase probe = new TestDatabase();
    probe.open();
    try {
      String name = url.contains("currentSchema=") ? url.substring(url.indexOf("currentSchema=") + 14)
          : url.substring(url.lastIndexOf('/') + 1);
      String sql = url.contains("currentSchema=")
          ? "SELECT count(*) FROM information_schema.schemata WHERE schema_name = :name"
          : "SELECT count(*) FROM pg_database WHERE datname = :name";
      return probe.jdbi().withHandle(h -> h.createQuery(sql).bind("name", name).mapTo(Integer.class).one()) > 0;
    } finally {
      probe.close();
    }
  }

  @Test
  void anUnreachableServerFailsTheClassWhenTheDatabaseIsRequired() {
    Map<String, String> env = new HashMap<>(Map.of(TestDatabase.URL_ENV, "jdbc:postgresql://127.0.0.1:1/test",
        TestDatabase.REQUIRE_ENV, "true"));
    AssertionError e = assertThrows(AssertionError.class, () -> new TestDatabase(env).open());
    assertTrue(e.getMessage().startsWith("no test database: could not use the PostgreSQL server at "
        + "KILA_TEST_DB_URL=jdbc:postgresql://127.0.0.1:1/test: "), e.getMessage());
    assertTrue(e.getMessage().endsWith("(KILA_TEST_REQUIRE_DB=true, so database tests fail rather than skip)"),
        e.getMessage());
  }

  @Test
  void anUnreachableServerSkipsTheClassOtherwise() {
    Map<String, String> env = Map.of(TestDatabase.URL_ENV, "jdbc:postgresql://127.0.0.1:1/test");
    TestAbortedException e = assertThrows(TestAbortedException.class, () -> new TestDatabase(env).open());
    assertTrue(e.getMessage().contains("set KILA_TEST_REQUIRE_DB=true to fail instead"), e.getMessage());
  }
}
