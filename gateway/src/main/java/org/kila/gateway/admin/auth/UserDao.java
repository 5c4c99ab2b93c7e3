package org.kila.gateway.admin.auth;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Admin page accounts. Emails are passed already normalised ({@code EmailAddress.normalise}). */
@RegisterConstructorMapper(UserRow.class)
public interface UserDao {
  String COLUMNS = "id, email, role, password_hash, disabled, created_at, last_sign_in";

  @SqlQuery("SELECT count(*) FROM admin_user")
  long count();

  @SqlQuery("SELECT " + COLUMNS + " FROM admin_user WHERE email = :email")
  Optional<UserRow> find(String email);

  @SqlQuery("SELECT " + COLUMNS + " FROM admin_user ORDER BY email")
  List<UserRow> all();

  /** The new account's id; empty when the email has an account already. */
  @SqlQuery("""
      INSERT INTO admin_user (email, role, password_hash, created_at) VALUES (:email, :role, :passwordHash, :now)
      ON CONFLICT (email) DO NOTHING RETURNING id""")
  Optional<Long> insert(String email, Role role, String passwordHash, Instant now);

  @SqlUpdate("UPDATE admin_user SET role = :role WHERE id = :id")
  void setRole(long id, Role role);

  @SqlUpdate("UPDATE admin_user SET password_hash = :passwordHash WHERE id = :id")
  void setPassword(long id, String passwordHash);

  @SqlUpdate("UPDATE admin_user SET disabled = :disabled WHERE id = :id")
  void setDisabled(long id, boolean disabled);

  @SqlUpdate("UPDATE admin_user SET last_sign_in = :now WHERE id = :id")
  void signedIn(long id, Instant now);

  /** Admins who can still sign in: there must always be one. */
  @SqlQuery("SELECT count(*) FROM admin_user WHERE role = 'admin' AND NOT disabled")
  long activeAdmins();
}
