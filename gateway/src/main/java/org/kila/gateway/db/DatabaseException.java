package org.kila.gateway.db;

/** The database could not be started, reached or migrated; the message says what to do about it. */
public final class DatabaseException extends RuntimeException {
  public DatabaseException(String message, Throwable cause) {
    super(message, cause);
  }

  public DatabaseException(String message) {
    super(message);
  }
}
