package org.kila.gateway.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import io.zonky.test.db.postgres.util.LinuxUtils;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL server run from binaries on the classpath, for when no server is configured: the
 * newcomer's one-command start, and the tests. Its data stays in the given directory across restarts and
 * it listens on localhost only, on a port remembered next to the data directory.
 */
public final class EmbeddedServer implements AutoCloseable {
  /** Whether commits must survive a crash: always for Kila's own data, never needed for throwaway test data. */
  public enum Durability {
    /** fsync, synchronous commit and full-page writes on: an acknowledged answer is on disk. */
    DURABLE,
    /** All three off: several times faster, for test databases that are thrown away. */
    THROWAWAY
  }

  public static final String SUPERUSER = "postgres";

  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedServer.class);
  private static final Duration STARTUP_WAIT = Duration.ofSeconds(60);

  private final EmbeddedPostgres postgres;
  private final Path pgDir;

  private EmbeddedServer(EmbeddedPostgres postgres, Path pgDir) {
    this.postgres = postgres;
    this.pgDir = pgDir;
  }

  /**
   * Starts the server on the data directory {@code pgDir} (created and initialised on first use), after
   * stopping a server a killed JVM left running there.
   *
   * @throws DatabaseException with what to do, e.g. when running as root where user namespaces are blocked
   */
  public static EmbeddedServer start(Path pgDir, Durability durability) {
    if (isRoot() && !LinuxUtils.isUnshareAvailable()) {
      // PostgreSQL refuses to run as root; the library then runs it in a user namespace, which is blocked here.
      throw new DatabaseException("could not start the embedded PostgreSQL as root (user namespaces are blocked here):"
          + " run as a normal user or set KILA_DB_URL");
    }
    Path dir = pgDir.toAbsolutePath().normalize();
    LeftoverPostmaster.stopIfAny(dir);
    String onOff = durability == Durability.DURABLE ? "on" : "off";
    try {
      Files.createDirectories(dir.getParent());
      int port = port(dir);
      EmbeddedPostgres postgres = EmbeddedPostgres.builder()
          .setDataDirectory(dir)
          .setCleanDataDirectory(false)
          .setPort(port)
          .setPGStartupWait(STARTUP_WAIT)
          .setLocaleConfig("locale", "C")
          // The library turns fsync and synchronous_commit off by default: an acknowledged answer could be
          // lost in a crash. Kila's data gets the PostgreSQL defaults back.
          .setServerConfig("fsync", onOff)
          .setServerConfig("synchronous_commit", onOff)
          .setServerConfig("full_page_writes", onOff)
          .setServerConfig("listen_addresses", "localhost")
          .start();
      LOG.info("Embedded PostgreSQL running on localhost:{} with its data in {}", port, dir);
      return new EmbeddedServer(postgres, dir);
    } catch (IOException | RuntimeException e) {
      throw new DatabaseException("could not start the embedded PostgreSQL in " + dir + ": " + Database.deepestMessage(e)
          + " (set KILA_DB_URL to use a PostgreSQL server instead)", e);
    }
  }

  public int port() {
    return postgres.getPort();
  }

  public Path dataDirectory() {
    return pgDir;
  }

  /** A JDBC URL for {@code database} on this server, to be used with the user {@value #SUPERUSER} and no password. */
  public String jdbcUrl(String database) {
    return "jdbc:postgresql://localhost:" + port() + "/" + database;
  }

  /** The built-in {@code postgres} database, for administration (creating and dropping databases). */
  public DataSource adminDataSource() {
    return postgres.getPostgresDatabase();
  }

  /** Creates {@code database} unless it exists. {@code database} must be a plain identifier. */
  public void createDatabaseIfMissing(String database) {
    if (!database.matches("[a-z_][a-z0-9_]*")) {
      throw new IllegalArgumentException("not a plain database name: " + database);
    }
    try (Connection c = adminDataSource().getConnection(); Statement st = c.createStatement()) {
      boolean exists;
      try (var rs = st.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + database + "'")) {
        exists = rs.next();
      }
      if (!exists) {
        st.execute("CREATE DATABASE " + database);
      }
    } catch (SQLException e) {
      throw new DatabaseException("could not create the database '" + database + "' in the embedded PostgreSQL: "
          + e.getMessage(), e);
    }
  }

  /** Stops the server (a fast shutdown: open sessions are ended, committed data is kept). */
  @Override
  public void close() {
    try {
      postgres.close();
    } catch (IOException e) {
      LOG.warn("Could not stop the embedded PostgreSQL in {} cleanly", pgDir, e);
    }
  }

  /**
   * The port remembered in {@code <pgDir>.port}, so that an operator's psql command keeps working across
   * restarts; a new free port when there is none or it has been taken meanwhile.
   */
  private static int port(Path pgDir) throws IOException {
    Path file = pgDir.resolveSibling(pgDir.getFileName() + ".port");
    Optional<Integer> remembered = Optional.empty();
    if (Files.isRegularFile(file)) {
      try {
        remembered = Optional.of(Integer.parseInt(Files.readString(file).trim()));
      } catch (NumberFormatException e) {
        LOG.warn("Ignoring {}: not a port number", file);
      }
    }
    if (remembered.isPresent() && isFree(remembered.get())) {
      return remembered.get();
    }
    int port;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    }
    Files.writeString(file, port + "\n");
    return port;
  }

  private static boolean isFree(int port) {
    try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static boolean isRoot() {
    try {
      // The owner of /proc/self is this process's effective user.
      return Integer.valueOf(0).equals(Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
    } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
      return false; // not Linux: no /proc, and no user namespaces to worry about
    }
  }
}
