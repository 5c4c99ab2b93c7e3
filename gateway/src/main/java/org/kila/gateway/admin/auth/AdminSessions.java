package org.kila.gateway.admin.auth;

import io.vertx.core.Future;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.http.HttpServerRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.kila.gateway.db.Blocking;

/**
 * The admin page's sign-in sessions: rows in PostgreSQL, so every gateway instance knows them, named by a
 * cookie that holds 256 random bits (only their hash is stored), each with its own CSRF token. A session
 * ends after {@code idleTimeout} without a request and {@code sessionLimit} after sign-in, whichever
 * comes first, and at once when its account is disabled.
 */
public final class AdminSessions {
  public static final String COOKIE = "kila_session";
  /** The cookie goes only to the API: the page's static files need no session. */
  static final String COOKIE_PATH = "/api";

  private final Jdbi jdbi;
  private final Blocking blocking;
  private final Duration idleTimeout;
  private final Duration sessionLimit;
  private final boolean secureCookie;
  private final Clock clock;

  /** {@code secureCookie}: true when the public URL is https, so the browser never sends the cookie in clear. */
  public AdminSessions(Jdbi jdbi, Blocking blocking, Duration idleTimeout, Duration sessionLimit, boolean secureCookie,
      Clock clock) {
    this.jdbi = jdbi;
    this.blocking = blocking;
    this.idleTimeout = idleTimeout;
    this.sessionLimit = sessionLimit;
    this.secureCookie = secureCookie;
    this.clock = clock;
  }

  /** A new session: the cookie value for the browser, and who it signs in. */
  public record Started(String cookieValue, SignedIn user) {
    @Override
    public String toString() {
      return "Started[" + user + "]";
    }
  }

  /** Starts a session for {@code user} inside the sign-in's transaction, clearing expired ones on the way. */
  Started start(Handle h, UserRow user, Instant now) {
    AdminSessionDao sessions = h.attach(AdminSessionDao.class);
    sessions.deleteExpired(now.minus(idleTimeout), now.minus(sessionLimit));
    String id = Tokens.random();
    String csrf = Tokens.random();
    sessions.create(Tokens.hash(id), user.id(), csrf, now);
    return new Started(id, new SignedIn(user.id(), user.email(), user.role(), csrf));
  }

  /**
   * The account behind the request's cookie, its session marked as used; empty when the request has no
   * cookie ({@link #hasCookie} tells) or its session has ended.
   */
  public Future<Optional<SignedIn>> find(HttpServerRequest request) {
    Optional<String> value = cookieValue(request);
    if (value.isEmpty()) {
      return Future.succeededFuture(Optional.empty());
    }
    Instant now = clock.instant();
    byte[] idHash = Tokens.hash(value.get());
    return blocking.run(() -> jdbi.withExtension(AdminSessionDao.class,
        dao -> dao.touch(idHash, now, now.minus(idleTimeout), now.minus(sessionLimit))));
  }

  public boolean hasCookie(HttpServerRequest request) {
    return cookieValue(request).isPresent();
  }

  /** Deletes the request's session, if it has one. */
  public Future<Void> end(HttpServerRequest request) {
    Optional<String> value = cookieValue(request);
    if (value.isEmpty()) {
      return Future.succeededFuture();
    }
    byte[] idHash = Tokens.hash(value.get());
    return blocking.run(() -> {
      jdbi.useExtension(AdminSessionDao.class, dao -> dao.delete(idHash));
      return null;
    });
  }

  /** The {@code Set-Cookie} for a new session: HttpOnly, SameSite=Strict, Secure behind https. */
  public Cookie cookie(String value) {
    return Cookie.cookie(COOKIE, value)
        .setPath(COOKIE_PATH)
        .setHttpOnly(true)
        .setSameSite(CookieSameSite.STRICT)
        .setSecure(secureCookie)
        .setMaxAge(sessionLimit.toSeconds());
  }

  /** The {@code Set-Cookie} that makes the browser forget its session cookie. */
  public Cookie cleared() {
    return cookie("").setMaxAge(0);
  }

  private static Optional<String> cookieValue(HttpServerRequest request) {
    Cookie cookie = request.getCookie(COOKIE);
    // Our values are 43 characters; anything much longer is not ours and is not worth hashing.
    return Optional.ofNullable(cookie).map(Cookie::getValue).filter(v -> !v.isEmpty() && v.length() <= 128);
  }
}
