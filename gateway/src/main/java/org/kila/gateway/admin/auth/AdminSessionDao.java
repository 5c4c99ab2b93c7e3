package org.kila.gateway.admin.auth;

import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Sign-in sessions, by the SHA-256 of their cookie. */
@RegisterConstructorMapper(SignedIn.class)
public interface AdminSessionDao {

  @SqlUpdate("""
      INSERT INTO admin_session (id_hash, user_id, csrf_token, created_at, last_seen_at)
      VALUES (:idHash, :userId, :csrfToken, :now, :now)""")
  void create(byte[] idHash, long userId, String csrfToken, Instant now);

  /**
   * The session's account, when the session exists, is neither idle since {@code idleSince} nor older than
   * {@code createdSince}, and its account is not disabled; marks it as seen now, in the same statement.
   */
  @SqlQuery("""
      UPDATE admin_session s SET last_seen_at = :now
        FROM admin_user u
       WHERE s.id_hash = :idHash AND u.id = s.user_id AND NOT u.disabled
         AND s.last_seen_at > :idleSince AND s.created_at > :createdSince
      RETURNING u.id AS user_id, u.email, u.role, s.csrf_token""")
  Optional<SignedIn> touch(byte[] idHash, Instant now, Instant idleSince, Instant createdSince);

  @SqlUpdate("DELETE FROM admin_session WHERE id_hash = :idHash")
  void delete(byte[] idHash);

  /** Signs an account out everywhere: after its password changes or it is disabled. */
  @SqlUpdate("DELETE FROM admin_session WHERE user_id = :userId")
  void deleteForUser(long userId);

  @SqlUpdate("DELETE FROM admin_session WHERE last_seen_at <= :idleSince OR created_at <= :createdSince")
  int deleteExpired(Instant idleSince, Instant createdSince);
}
