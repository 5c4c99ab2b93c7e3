package org.kila.gateway.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Optional;
import java.util.Properties;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;
import org.kila.gateway.config.KilaConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kila's database, ready to use: a connection pool to the configured PostgreSQL server, or to an embedded
 * one in {@code <dataDir>/pg} when none is configured, migrated to the latest schema, with a {@link Jdbi}
 * on top. Plain blocking JDBC: from Vert.x code call it through {@link Blocking}; the CLI and tests use it
 * directly.
 */
public final class Database implements AutoCloseable {
  /** Where the migrations live: {@code V<n>__<verb>_<object>.sql}, never edited once released. */
  public static final String MIGRATIONS = "classpath:db/migration";
  /** The database Kila creates for itself in the embedded server. */
  static final String EMBEDDED_DATABASE = "kila";

  private static final Logger LOG = LoggerFactory.getLogger(Database.class);
  private static final int HEALTH_QUERY_SECONDS = 1;
  private static final String POOL_NAME = "kila-db";

  private final Pools pools;
  private final SwitchingDataSource pool;
  private final Availability availability;
  private final Optional<EmbeddedServer> embedded;
  private final Jdbi jdbi;
  private final long migrationCount;
  private final String description;
  private volatile boolean closed;

  private Database(Pools pools, HikariDataSource first, Optional<EmbeddedServer> embedded, long migrationCount,
      String description) {
    this.pools = pools;
    this.pool = new SwitchingDataSource(first);
    this.embedded = embedded;
    this.migrationCount = migrationCount;
    this.description = description;
    this.availability = new Availability(pools::probe, this::clearPool, this::readyPool);
    this.jdbi = Jdbi.create(pool).installPlugin(new SqlObjectPlugin()).installPlugin(new LowerCaseEnums());
  }

  /**
   * Connects (starting the embedded server first when {@code KILA_DB_URL} is not set) and migrates.
   *
   * @throws DatabaseException with a message for the operator when the database cannot be reached or migrated
   */
  public static Database start(KilaConfig config) {
    KilaConfig.Db db = config.db();
    if (!db.embedded()) {
      Pools pools = new Pools(db.url().orElseThrow(), db.user(), db.password(), db, db.describe());
      return migrated(pools, Optional.empty(), db.describe());
    }
    EmbeddedServer server = EmbeddedServer.start(config.dataDir().resolve("pg"), EmbeddedServer.Durability.DURABLE);
    try {
      server.createDatabaseIfMissing(EMBEDDED_DATABASE);
      String url = server.jdbcUrl(EMBEDDED_DATABASE);
      Pools pools = new Pools(url, Optional.of(EmbeddedServer.SUPERUSER), Optional.empty(), db, url);
      return migrated(pools, Optional.of(server), "embedded PostgreSQL at " + url + " (data in " + server.dataDirectory() + ")");
    } catch (RuntimeException e) {
      server.close();
      throw e;
    }
  }

  private static Database migrated(Pools pools, Optional<EmbeddedServer> server, String description) {
    HikariDataSource pool = pools.open();
    try {
      Flyway flyway = Flyway.configure()
          .dataSource(pool)
          .locations(MIGRATIONS)
          .failOnMissingLocations(true)
          .load();
      flyway.migrate();
      long count = Arrays.stream(flyway.info().all()).filter(m -> m.getVersion() != null).count();
      LOG.info("Database ready: {} ({} migrations applied)", description, count);
      return new Database(pools, pool, server, count, description);
    } catch (FlywayException e) {
      pool.close();
      throw new DatabaseException("could not bring the database schema up to date at " + description + ": "
          + e.getMessage(), e);
    }
  }

  public Jdbi jdbi() {
    return jdbi;
  }

  public DataSource dataSource() {
    return pool;
  }

  /** Whether the database can be reached now; hops ask it before they queue for a connection. */
  public Availability availability() {
    return availability;
  }

  /** Publishes the pool's figures ({@code hikaricp_connections_*}) in {@code registry}, for this and later pools. */
  public void bindMetrics(MeterRegistry registry) {
    pools.metrics = registry;
    pool.current().setMetricRegistry(registry);
  }

  /** The database went away: every idle connection is dead, so the pool is emptied rather than tried. */
  private void clearPool() {
    pool.current().getHikariPoolMXBean().softEvictConnections();
  }

  /**
   * The database is back. A pool left with no connections is replaced by a fresh one, which connects at
   * once; the old one, possibly asleep in its reconnection back-off, is closed.
   */
  private void readyPool() {
    HikariDataSource current = pool.current();
    if (current.getHikariPoolMXBean().getTotalConnections() > 0) {
      return;
    }
    HikariDataSource old = pool.replace(pools.open());
    old.close();
    if (closed) {
      pool.current().close(); // closed meanwhile: the fresh pool must not outlive the database
    }
  }

  /** Opens the pools of one database: the first at start, and a fresh one after each outage. */
  private static final class Pools {
    private final String url;
    private final Optional<String> user;
    private final Optional<String> password;
    private final KilaConfig.Db db;
    private final String safeUrl;
    private int opened;
    private volatile MeterRegistry metrics;

    Pools(String url, Optional<String> user, Optional<String> password, KilaConfig.Db db, String safeUrl) {
      this.url = url;
      this.user = user;
      this.password = password;
      this.db = db;
      this.safeUrl = safeUrl;
    }

    synchronized HikariDataSource open() {
      opened++;
      HikariConfig hc = new HikariConfig();
      // Each pool its own name, so the metrics of a replaced pool go with it and not with its successor's.
      hc.setPoolName(opened == 1 ? POOL_NAME : POOL_NAME + "-" + opened);
      hc.setJdbcUrl(url);
      user.ifPresent(hc::setUsername);
      password.ifPresent(hc::setPassword);
      hc.setMaximumPoolSize(db.poolSize());
      hc.setMinimumIdle(db.poolSize());
      long timeoutMs = db.connectTimeout().toMillis();
      hc.setConnectionTimeout(timeoutMs);
      hc.setValidationTimeout(Math.min(timeoutMs, 1000));
      // At start, try for as long as a hop would wait, then fail with the reason.
      hc.setInitializationFailTimeout(timeoutMs);
      hc.addDataSourceProperty("connectTimeout", String.valueOf(connectTimeoutSeconds()));
      hc.addDataSourceProperty("tcpKeepAlive", "true");
      hc.addDataSourceProperty("ApplicationName", "kila");
      if (metrics != null) {
        hc.setMetricRegistry(metrics);
      }
      try {
        return new HikariDataSource(hc);
      } catch (RuntimeException e) {
        throw new DatabaseException("could not connect to the database at " + safeUrl + ": " + deepestMessage(e)
            + " (check KILA_DB_URL, KILA_DB_USER and KILA_DB_PASSWORD, and that the server is running)", e);
      }
    }

    /** A connection of its own, outside every pool: does the server take connections and answer? */
    void probe() throws SQLException {
      Properties props = new Properties();
      user.ifPresent(u -> props.setProperty("user", u));
      password.ifPresent(p -> props.setProperty("password", p));
      props.setProperty("connectTimeout", String.valueOf(connectTimeoutSeconds()));
      props.setProperty("socketTimeout", String.valueOf(connectTimeoutSeconds() + 1));
      props.setProperty("ApplicationName", "kila-probe");
      try (Connection c = DriverManager.getConnection(url, props)) {
        if (!c.isValid(connectTimeoutSeconds())) {
          throw new SQLException("the database did not answer a probe", "08006");
        }
      }
    }

    private int connectTimeoutSeconds() {
      return (int) Math.max(1, (db.connectTimeout().toMillis() + 999) / 1000);
    }
  }

  /** Where the data is, without secrets: for logs and the startup banner. */
  public String describe() {
    return description;
  }

  /**
   * True when a connection answers within the configured timeout and every migration this build knows is
   * applied: what {@code /health} reports. Blocks for up to the connect timeout plus a second.
   */
  public boolean isHealthy() {
    if (availability.away()) {
      return false;
    }
    try (Connection c = pool.getConnection(); Statement st = c.createStatement()) {
      st.setQueryTimeout(HEALTH_QUERY_SECONDS);
      try (ResultSet rs = st.executeQuery(
          "SELECT count(*) FROM flyway_schema_history WHERE success AND version IS NOT NULL")) {
        return rs.next() && rs.getLong(1) >= migrationCount;
      }
    } catch (SQLException | RuntimeException e) {
      LOG.debug("Database health check failed", e);
      availability.failed(e);
      return false;
    }
  }

  /** Closes the pool, then stops the embedded server if this started one. */
  @Override
  public void close() {
    closed = true;
    availability.close();
    pool.current().close();
    embedded.ifPresent(EmbeddedServer::close);
  }

  static String deepestMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
  }
}
