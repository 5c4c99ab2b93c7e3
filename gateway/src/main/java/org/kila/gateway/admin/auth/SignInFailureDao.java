package org.kila.gateway.admin.auth;

import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Failed sign-ins, per account and per client address, for {@link SignInThrottle}. */
public interface SignInFailureDao {

  @SqlUpdate("INSERT INTO sign_in_failure (account, address, failed_at) VALUES (:account, :address, :now)")
  void record(String account, String address, Instant now);

  /** When the {@code n}-th most recent failure for the account since {@code since} happened, if there were n. */
  @SqlQuery("""
      SELECT failed_at FROM sign_in_failure WHERE account = :account AND failed_at > :since
       ORDER BY failed_at DESC OFFSET :n - 1 LIMIT 1""")
  Optional<Instant> nthLatestForAccount(String account, Instant since, int n);

  /** As {@link #nthLatestForAccount}, for the address. */
  @SqlQuery("""
      SELECT failed_at FROM sign_in_failure WHERE address = :address AND failed_at > :since
       ORDER BY failed_at DESC OFFSET :n - 1 LIMIT 1""")
  Optional<Instant> nthLatestForAddress(String address, Instant since, int n);

  @SqlUpdate("DELETE FROM sign_in_failure WHERE account = :account")
  void forgetAccount(String account);

  @SqlUpdate("DELETE FROM sign_in_failure WHERE failed_at <= :since")
  int deleteOlderThan(Instant since);
}
