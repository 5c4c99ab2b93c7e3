package org.kila.gateway.admin.auth;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The session cookie's attributes, which decide where the browser sends it. */
class AdminSessionsTest {

  private static AdminSessions sessions(boolean https) {
    return new AdminSessions(null, null, Duration.ofMinutes(30), Duration.ofHours(12), https, Clock.systemUTC());
  }

  @Test
  void behindHttpsTheCookieIsSecure() {
    String cookie = sessions(true).cookie("abc").encode();
    assertTrue(cookie.contains("; Secure"), cookie);
    assertTrue(cookie.contains("; HTTPOnly"), cookie);
    assertTrue(cookie.contains("; SameSite=Strict"), cookie);
    assertTrue(cookie.contains("; Path=/api"), cookie);
    assertTrue(cookie.contains("Max-Age=43200"), "it cannot outlive the 12 h limit: " + cookie);
  }

  @Test
  void overPlainHttpItCannotBeSecureOrTheBrowserWouldDropIt() {
    assertFalse(sessions(false).cookie("abc").encode().contains("Secure"));
  }

  @Test
  void signingOutSendsACookieThatExpiresAtOnce() {
    String cookie = sessions(true).cleared().encode();
    assertTrue(cookie.startsWith("kila_session=;"), cookie);
    assertTrue(cookie.contains("Max-Age=0"), cookie);
  }
}
