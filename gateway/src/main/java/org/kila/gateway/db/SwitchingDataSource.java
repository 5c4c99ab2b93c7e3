package org.kila.gateway.db;

import com.zaxxer.hikari.HikariDataSource;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The connection pool everyone holds, whose pool can be replaced underneath: after an outage the pool's own
 * reconnection may be asleep in its back-off for seconds, and a fresh pool connects at once. Connections
 * already handed out stay with the pool that gave them.
 */
final class SwitchingDataSource implements DataSource {
  private final AtomicReference<HikariDataSource> current;

  SwitchingDataSource(HikariDataSource first) {
    this.current = new AtomicReference<>(first);
  }

  HikariDataSource current() {
    return current.get();
  }

  /** Puts {@code next} in place and gives back the pool it replaced, for the caller to close. */
  HikariDataSource replace(HikariDataSource next) {
    return current.getAndSet(next);
  }

  @Override
  public Connection getConnection() throws SQLException {
    return current.get().getConnection();
  }

  @Override
  public Connection getConnection(String username, String password) throws SQLException {
    return current.get().getConnection(username, password);
  }

  @Override
  public PrintWriter getLogWriter() throws SQLException {
    return current.get().getLogWriter();
  }

  @Override
  public void setLogWriter(PrintWriter out) throws SQLException {
    current.get().setLogWriter(out);
  }

  @Override
  public void setLoginTimeout(int seconds) throws SQLException {
    current.get().setLoginTimeout(seconds);
  }

  @Override
  public int getLoginTimeout() throws SQLException {
    return current.get().getLoginTimeout();
  }

  @Override
  public Logger getParentLogger() throws SQLFeatureNotSupportedException {
    throw new SQLFeatureNotSupportedException("no java.util.logging here");
  }

  @Override
  public <T> T unwrap(Class<T> type) throws SQLException {
    if (type.isInstance(this)) {
      return type.cast(this);
    }
    return current.get().unwrap(type);
  }

  @Override
  public boolean isWrapperFor(Class<?> type) throws SQLException {
    return type.isInstance(this) || current.get().isWrapperFor(type);
  }
}
