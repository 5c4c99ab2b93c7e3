package org.kila.gateway.admin.auth;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * Login rate limiting: after {@code attempts} failed sign-ins within {@code window} for one account, or
 * {@link #ADDRESS_FACTOR} times as many from one address, further sign-ins there are refused until the
 * oldest of those failures leaves the window. An address gets more tries than an account because a whole
 * office may sign in through one address, and a few typos there must not lock everyone out; one address
 * still cannot try many accounts quickly. Counted in the database, so the limit holds across every gateway instance; a right password
 * does not get through while the limit holds, or the limit would only slow guessing down.
 */
final class SignInThrottle {
  static final int ADDRESS_FACTOR = 4;

  private final int attempts;
  private final Duration window;

  SignInThrottle(int attempts, Duration window) {
    this.attempts = attempts;
    this.window = window;
  }

  /** How long until the account may be tried again from the address; empty when it may be tried now. */
  Optional<Duration> wait(Handle h, String account, String address, Instant now) {
    SignInFailureDao failures = h.attach(SignInFailureDao.class);
    Instant since = now.minus(window);
    Optional<Instant> byAccount = failures.nthLatestForAccount(account, since, attempts);
    Optional<Instant> byAddress = failures.nthLatestForAddress(address, since, attempts * ADDRESS_FACTOR);
    return byAccount.map(t -> until(t, now))
        .map(a -> byAddress.map(t -> max(a, until(t, now))).orElse(a))
        .or(() -> byAddress.map(t -> until(t, now)));
  }

  void failed(Handle h, String account, String address, Instant now) {
    SignInFailureDao failures = h.attach(SignInFailureDao.class);
    failures.record(account, address, now);
    failures.deleteOlderThan(now.minus(window));
  }

  void succeeded(Handle h, String account) {
    h.attach(SignInFailureDao.class).forgetAccount(account);
  }

  private Duration until(Instant failure, Instant now) {
    Duration left = Duration.between(now, failure.plus(window));
    return left.isNegative() || left.isZero() ? Duration.ofSeconds(1) : left;
  }

  private static Duration max(Duration a, Duration b) {
    return a.compareTo(b) >= 0 ? a : b;
  }
}
