package org.kila.gateway.admin.auth;

import java.time.Instant;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** One-time setup tokens (by hash), valid while no account exists, and the lock that makes the first admin one. */
public interface SetupDao {

  @SqlUpdate("INSERT INTO admin_setup_token (token_hash, created_at) VALUES (:tokenHash, :now)")
  void addToken(byte[] tokenHash, Instant now);

  @SqlQuery("SELECT EXISTS (SELECT 1 FROM admin_setup_token WHERE token_hash = :tokenHash)")
  boolean tokenExists(byte[] tokenHash);

  @SqlUpdate("DELETE FROM admin_setup_token")
  void deleteTokens();

  /**
   * Serialises first-admin creation until the transaction ends: two instances, or two browsers with the
   * link, cannot both see "no account yet" and both create one.
   */
  @SqlQuery("SELECT pg_advisory_xact_lock(hashtext('kila.admin.first-run'))::text")
  String lockFirstRun();
}
