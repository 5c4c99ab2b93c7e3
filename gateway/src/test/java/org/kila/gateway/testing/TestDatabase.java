package org.kila.gateway.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.kila.gateway.config.ConfigLoader;
import org.kila.gateway.config.KilaConfig;
import org.kila.gateway.db.Database;
import org.kila.gateway.db.EmbeddedServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A fresh database with the real migrations applied, for one test class:
 * <pre>{@code @RegisterExtension static final TestDatabase db = new TestDatabase();}</pre>
 *
 * <p>With {@code KILA_TEST_DB_URL} (and {@code KILA_TEST_DB_USER}, {@code KILA_TEST_DB_PASSWORD}) set, a new
 * schema {@code t_<random>} on that server, dropped afterwards; otherwise a new database on the JVM's one
 * embedded PostgreSQL. When the database cannot be had the class is skipped with the reason, except with
 * {@code KILA_TEST_REQUIRE_DB=true} (CI), where it fails.
 */
public final class TestDatabase implements BeforeAllCallback, AfterAllCallback {
  public static final String URL_ENV = "KILA_TEST_DB_URL";
  public static final String USER_ENV = "KILA_TEST_DB_USER";
  public static final String PASSWORD_ENV = "KILA_TEST_DB_PASSWORD";
  public static final String REQUIRE_ENV = "KILA_TEST_REQUIRE_DB";

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Logger LOG = LoggerFactory.getLogger(TestDatabase.class);

  private final Map<String, String> environment;
  private Database database;
  private Map<String, String> dbEnv;
  private Runnable drop;
  private Path dataDir;

  /** Reads {@code KILA_TEST_*} from the process environment. */
  public TestDatabase() {
    this(System.getenv());
  }

  /** Reads {@code KILA_TEST_*} from {@code environment} instead. */
  public TestDatabase(Map<String, String> environment) {
    this.environment = Map.copyOf(environment);
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    open();
  }

  @Override
  public void afterAll(ExtensionContext context) {
    close();
  }

  /** Creates and migrates the database; called by JUnit before the class's first test. */
  public void open() {
    String name = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    Optional<String> serverUrl = Optional.ofNullable(environment.get(URL_ENV)).filter(s -> !s.isBlank());
    try {
      if (serverUrl.isPresent()) {
        openSchema(serverUrl.get(), name);
      } else {
        openEmbedded(name);
      }
    } catch (RuntimeException e) {
      String where = serverUrl.map(u -> "the PostgreSQL server at " + URL_ENV + "=" + u).orElse("the embedded PostgreSQL");
      String message = "no test database: could not use " + where + ": " + e.getMessage();
      if ("true".equalsIgnoreCase(environment.get(REQUIRE_ENV))) {
        throw new AssertionError(message + " (" + REQUIRE_ENV + "=true, so database tests fail rather than skip)", e);
      }
      String skipped = message + " (skipped; set " + REQUIRE_ENV + "=true to fail instead)";
      LOG.warn(skipped); // surefire does not count a class skipped before its first test: say it here
      Assumptions.abort(skipped);
    }
  }

  private void openSchema(String url, String schema) {
    String user = Optional.ofNullable(environment.get(USER_ENV)).orElse("");
    String password = Optional.ofNullable(environment.get(PASSWORD_ENV)).orElse("");
    execute(url, user, password, "CREATE SCHEMA " + schema);
    drop = () -> execute(url, user, password, "DROP SCHEMA IF EXISTS " + schema + " CASCADE");
    String schemaUrl = url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    start(schemaUrl, user, password);
  }

  private void openEmbedded(String name) {
    EmbeddedServer server = SharedTestServer.get();
    server.createDatabaseIfMissing(name);
    String url = server.jdbcUrl(name);
    String admin = server.jdbcUrl("postgres");
    drop = () -> execute(admin, EmbeddedServer.SUPERUSER, "", "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    start(url, EmbeddedServer.SUPERUSER, "");
  }

  private void start(String url, String user, String password) {
    Map<String, String> env = new HashMap<>();
    env.put("KILA_DB_URL", url);
    if (!user.isEmpty()) env.put("KILA_DB_USER", user);
    if (!password.isEmpty()) env.put("KILA_DB_PASSWORD", password);
    dbEnv = Map.copyOf(env);
    env.put("KILA_DB_POOL_SIZE", "4");
    env.put("KILA_DB_CONNECT_TIMEOUT", "5s");
    dataDir = tempDir();
    env.put("KILA_DATA_DIR", dataDir.toString());
    env.put("KILA_PHONE_HASH_KEY", randomKey());
    env.put("KILA_PHONE_ENCRYPTION_KEY", randomKey());
    KilaConfig config = ConfigLoader.load(env, Optional.empty());
    database = Database.start(config);
  }

  /** Closes the pool and drops the schema or database; called by JUnit after the class's last test. */
  public void close() {
    if (database != null) {
      database.close();
      database = null;
    }
    if (drop != null) {
      drop.run();
      drop = null;
    }
    if (dataDir != null) {
      dataDir.toFile().delete(); // empty: the keys come from the environment, so nothing was written
      dataDir = null;
    }
  }

  public Database database() {
    if (database == null) {
      throw new IllegalStateException("the test database is not open: register TestDatabase with @RegisterExtension");
    }
    return database;
  }

  public Jdbi jdbi() {
    return database().jdbi();
  }

  /** A DAO on its own short-lived handle per call, as {@link Jdbi#onDemand} makes it. */
  public <T> T dao(Class<T> type) {
    return jdbi().onDemand(type);
  }

  /**
   * {@code KILA_DB_URL} and, when set, {@code KILA_DB_USER} and {@code KILA_DB_PASSWORD} naming this
   * database: the environment for a test that starts the whole gateway.
   */
  public Map<String, String> env() {
    database();
    return dbEnv;
  }

  private static void execute(String url, String user, String password, String sql) {
    Properties props = new Properties();
    if (!user.isEmpty()) props.setProperty("user", user);
    if (!password.isEmpty()) props.setProperty("password", password);
    props.setProperty("connectTimeout", "5");
    try (Connection c = DriverManager.getConnection(url, props); Statement st = c.createStatement()) {
      st.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException("'" + sql + "' failed: " + e.getMessage(), e);
    }
  }

  private static Path tempDir() {
    try {
      return Files.createTempDirectory("kila-test-data");
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String randomKey() {
    byte[] key = new byte[32];
    RANDOM.nextBytes(key);
    return Base64.getEncoder().encodeToString(key);
  }
}
