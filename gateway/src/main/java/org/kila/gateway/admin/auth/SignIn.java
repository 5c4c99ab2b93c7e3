package org.kila.gateway.admin.auth;

import io.vertx.core.Future;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.kila.gateway.admin.audit.AuditAction;
import org.kila.gateway.admin.audit.AuditDao;
import org.kila.gateway.admin.audit.AuditEntry;
import org.kila.gateway.admin.users.EmailAddress;
import org.kila.gateway.db.Blocking;

/**
 * One sign-in attempt: the throttle first, then the password check (Argon2id, off the event loop and
 * outside any transaction, so no connection waits on it), then either a new session or a recorded
 * failure, each written to the audit log.
 */
public final class SignIn {
  /** How much of a typed email the throttle and the audit log keep: no real address is longer. */
  private static final int KEPT = 254;

  private final Jdbi jdbi;
  private final Blocking blocking;
  private final AdminSessions sessions;
  private final SignInThrottle throttle;
  private final Clock clock;

  public SignIn(Jdbi jdbi, Blocking blocking, AdminSessions sessions, int attempts, Duration window, Clock clock) {
    this.jdbi = jdbi;
    this.blocking = blocking;
    this.sessions = sessions;
    this.throttle = new SignInThrottle(attempts, window);
    this.clock = clock;
  }

  /** What became of an attempt. */
  public sealed interface Outcome {
    /** Signed in: the new session. */
    record Accepted(AdminSessions.Started session) implements Outcome {}

    /** A wrong email or password, or a disabled account: the answer does not say which. */
    record Refused() implements Outcome {}

    /** Too many recent failures for the account or from the address. */
    record Throttled(Duration retryAfter) implements Outcome {}
  }

  public Future<Outcome> attempt(String emailTyped, String password, String address) {
    String normalised = EmailAddress.normalise(emailTyped);
    String account = normalised.length() > KEPT ? normalised.substring(0, KEPT) : normalised;
    return blocking.run(() -> {
      Optional<Duration> wait = jdbi.withHandle(h -> throttle.wait(h, account, address, clock.instant()));
      if (wait.isPresent()) {
        return new Outcome.Throttled(wait.get());
      }
      Optional<UserRow> user = jdbi.withExtension(UserDao.class, dao -> dao.find(account));
      String failure = check(user, password);
      Instant now = clock.instant();
      return jdbi.inTransaction(h -> {
        AuditDao audit = h.attach(AuditDao.class);
        if (failure != null) {
          throttle.failed(h, account, address, now);
          audit.record(new AuditEntry(now, account, AuditAction.SIGN_IN_FAILED, null, failure, address));
          return new Outcome.Refused();
        }
        throttle.succeeded(h, account);
        h.attach(UserDao.class).signedIn(user.get().id(), now);
        AdminSessions.Started started = sessions.start(h, user.get(), now);
        audit.record(new AuditEntry(now, account, AuditAction.SIGN_IN, null, null, address));
        return new Outcome.Accepted(started);
      });
    });
  }

  /** Why the attempt fails, for the audit log; null when it succeeds. Takes as long without an account. */
  private static String check(Optional<UserRow> user, String password) {
    if (user.isEmpty()) {
      PasswordHash.checkNobody(password);
      return "no such account";
    }
    if (!PasswordHash.matches(password, user.get().passwordHash())) {
      return "wrong password";
    }
    return user.get().disabled() ? "account disabled" : null;
  }
}
