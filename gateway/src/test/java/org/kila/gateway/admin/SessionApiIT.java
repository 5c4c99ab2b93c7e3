package org.kila.gateway.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Signing in and out, the session cookie, CSRF, session timeouts and sign-in rate limiting, over HTTP. */
class SessionApiIT {
  @RegisterExtension
  static final RunningGateway gateway = new RunningGateway();

  @Test
  void signingInSetsAnHttpOnlyStrictCookieAndReturnsTheUserAndACsrfToken() {
    ApiClient client = gateway.client().from("198.51.100.1");
    ApiClient.Answer answer = client.post("/api/session",
        new JsonObject().put("email", " Admin@Kila.TEST ").put("password", RunningGateway.PASSWORD));
    assertEquals(200, answer.status(), answer.body());
    assertEquals(new JsonObject().put("email", RunningGateway.ADMIN).put("role", "admin"), answer.json().getJsonObject("user"));
    assertEquals(43, answer.json().getString("csrfToken").length(), "256 random bits in base64url");
    String cookie = answer.header("Set-Cookie").orElseThrow();
    assertTrue(cookie.startsWith("kila_session="), cookie);
    assertTrue(cookie.toLowerCase(java.util.Locale.ROOT).contains("; httponly"), cookie);
    assertTrue(cookie.contains("SameSite=Strict"), cookie);
    assertTrue(cookie.contains("Path=/api"), cookie);
    assertFalse(cookie.contains("Secure"), "the public URL is http here, so the cookie cannot be Secure: " + cookie);

    ApiClient.Answer session = client.get("/api/session");
    assertEquals(200, session.status());
    assertEquals(answer.json(), session.json(), "the session answers with the same user and token");
  }

  @Test
  void aWrongPasswordAndAnUnknownEmailGetTheSameAnswerAndAreAudited() {
    ApiClient client = gateway.client().from("198.51.100.2");
    ApiClient.Answer wrong = client.post("/api/session",
        new JsonObject().put("email", RunningGateway.ADMIN).put("password", "not the password"));
    ApiClient.Answer unknown = client.post("/api/session",
        new JsonObject().put("email", "nobody@kila.test").put("password", "not the password"));
    assertEquals(401, wrong.status());
    assertEquals(new JsonObject().put("error", "Wrong email or password."), wrong.json());
    assertEquals(wrong.json(), unknown.json(), "the answer does not tell which emails have accounts");
    assertTrue(wrong.header("Set-Cookie").isEmpty(), "no session for a failed sign-in");

    List<String> failed = gateway.jdbi().withHandle(h -> h.createQuery(
        "SELECT actor || ': ' || detail FROM audit_event WHERE action = 'sign_in_failed' AND address = '198.51.100.2' ORDER BY id")
        .mapTo(String.class).list());
    assertEquals(List.of(RunningGateway.ADMIN + ": wrong password", "nobody@kila.test: no such account"), failed);
  }

  @Test
  void withoutASessionEveryRouteAnswers401() {
    ApiClient client = gateway.client();
    for (String path : List.of("/api/session", "/api/surveys", "/api/surveys/youth-voice-ke",
        "/api/surveys/youth-voice-ke/versions/1", "/api/users", "/api/audit",
        "/api/surveys/youth-voice-ke/tally?question=gender", "/api/surveys/youth-voice-ke/participation",
        "/api/surveys/youth-voice-ke/quality", "/api/surveys/youth-voice-ke/export/responses.csv",
        "/api/surveys/youth-voice-ke/export/codebook.csv", "/api/surveys/youth-voice-ke/export/tallies.csv")) {
      ApiClient.Answer answer = client.get(path);
      assertEquals(401, answer.status(), path);
      assertEquals(new JsonObject().put("error", "Please sign in."), answer.json(), path);
    }
    assertEquals(401, client.post("/api/surveys/validate", "{}").status());
  }

  @Test
  void aMadeUpCookieIsRefusedAndCleared() {
    ApiClient client = gateway.client();
    client.useCookie("made-up-session-id");
    ApiClient.Answer answer = client.get("/api/surveys");
    assertEquals(401, answer.status());
    assertEquals("Your session has ended. Please sign in again.", answer.error());
    assertTrue(answer.header("Set-Cookie").orElseThrow().contains("Max-Age=0"), "the browser is told to forget it");
  }

  @Test
  void aSessionEndsAfterThirtyMinutesIdle() {
    ApiClient client = gateway.client().signIn(RunningGateway.ADMIN, RunningGateway.PASSWORD);
    age(client, "last_seen_at", Duration.ofMinutes(29));
    assertEquals(200, client.get("/api/session").status(), "29 minutes idle is still fine, and counts as activity");
    age(client, "last_seen_at", Duration.ofMinutes(31));
    ApiClient.Answer answer = client.get("/api/session");
    assertEquals(401, answer.status());
    assertEquals("Your session has ended. Please sign in again.", answer.error());
  }

  @Test
  void aBusySessionStillEndsTwelveHoursAfterSignIn() {
    ApiClient client = gateway.client().signIn(RunningGateway.ADMIN, RunningGateway.PASSWORD);
    age(client, "created_at", Duration.ofHours(11).plusMinutes(59));
    assertEquals(200, client.get("/api/session").status());
    age(client, "created_at", Duration.ofHours(12).plusMinutes(1));
    assertEquals(401, client.get("/api/session").status());
  }

  @Test
  void signingOutNeedsTheCsrfTokenAndEndsTheSession() {
    ApiClient client = gateway.client().signIn(RunningGateway.ADMIN, RunningGateway.PASSWORD);
    String token = client.csrfToken();
    client.forgetCsrfToken();
    ApiClient.Answer without = client.delete("/api/session");
    assertEquals(403, without.status());
    assertEquals(new JsonObject().put("error", "Missing or wrong CSRF token."), without.json());
    client.setCsrfToken("x".repeat(43));
    ApiClient.Answer wrong = client.delete("/api/session");
    assertEquals(403, wrong.status());
    assertEquals(200, client.get("/api/session").status(), "a refused sign-out leaves the session alone");

    ApiClient other = gateway.client().signIn(RunningGateway.ADMIN, RunningGateway.PASSWORD);
    assertNotEquals(token, other.csrfToken(), "each session has its own token");
    ApiClient withOthersToken = gateway.client();
    withOthersToken.useCookie(client.cookie());
    withOthersToken.setCsrfToken(other.csrfToken());
    assertEquals(403, withOthersToken.delete("/api/session").status(), "another session's token is not this one's");

    client.setCsrfToken(token);
    String cookie = client.cookie();
    ApiClient.Answer out = client.delete("/api/session");
    assertEquals(204, out.status());
    assertTrue(out.header("Set-Cookie").orElseThrow().contains("Max-Age=0"));
    ApiClient replay = gateway.client();
    replay.useCookie(cookie);
    assertEquals(401, replay.get("/api/session").status(), "the old cookie no longer works anywhere");
  }

  @Test
  void everyStateChangingRouteNeedsTheCsrfTokenEvenForAnAdmin() {
    ApiClient admin = gateway.admin();
    admin.forgetCsrfToken();
    JsonObject poll = TestSurveys.clinicPoll("csrf-check", "*384*40#");
    List<ApiClient.Answer> refused = List.of(
        admin.post("/api/surveys/validate", poll),
        admin.post("/api/surveys", poll),
        admin.put("/api/surveys/youth-voice-ke/draft", poll),
        admin.post("/api/surveys/youth-voice-ke/versions/1/launch", null),
        admin.post("/api/surveys/youth-voice-ke/versions/1/pause", null),
        admin.post("/api/surveys/youth-voice-ke/versions/1/close", null),
        admin.post("/api/simulate", new JsonObject().put("definition", poll)),
        admin.post("/api/users", new JsonObject().put("email", "csrf@kila.test").put("role", "admin").put("password", "twelve chars!")),
        admin.patch("/api/users/" + RunningGateway.ADMIN, new JsonObject().put("role", "viewer")),
        admin.delete("/api/session"));
    for (ApiClient.Answer answer : refused) {
      assertEquals(403, answer.status(), answer.body());
      assertEquals(new JsonObject().put("error", "Missing or wrong CSRF token."), answer.json());
    }
    assertEquals("launched", admin.get("/api/surveys/youth-voice-ke/versions/1").json().getString("status"), "nothing changed");
    assertEquals(404, admin.get("/api/surveys/csrf-check").status());
    assertEquals(200, admin.get("/api/session").status(), "still signed in");
  }

  @Test
  void fiveFailuresForOneAccountGet429WithRetryAfterEvenForTheRightPassword() {
    gateway.admin().post("/api/users", new JsonObject().put("email", "guessed@kila.test").put("role", "viewer")
        .put("password", "the right password"));
    ApiClient attacker = gateway.client().from("203.0.113.7");
    for (int i = 0; i < 5; i++) {
      assertEquals(401, attacker.post("/api/session", credentials("guessed@kila.test", "guess " + i)).status());
    }
    ApiClient.Answer limited = attacker.post("/api/session", credentials("guessed@kila.test", "guess 6"));
    assertEquals(429, limited.status());
    assertEquals("Too many failed sign-ins. Please wait 15 minutes and try again.", limited.error());
    long retryAfter = Long.parseLong(limited.header("Retry-After").orElseThrow());
    assertTrue(retryAfter > 14 * 60 && retryAfter <= 15 * 60, "Retry-After " + retryAfter);

    ApiClient owner = gateway.client().from("192.0.2.50");
    assertEquals(429, owner.post("/api/session", credentials("guessed@kila.test", "the right password")).status(),
        "the limit is per account, from any address, so guessing cannot slip a right password through");
    assertEquals(200, gateway.client().from("203.0.113.7").post("/api/session",
        credentials(RunningGateway.ADMIN, RunningGateway.PASSWORD)).status(), "other accounts from that address still work");

    gateway.jdbi().useHandle(h -> h.execute(
        "UPDATE sign_in_failure SET failed_at = failed_at - interval '16 minutes' WHERE account = 'guessed@kila.test'"));
    assertEquals(200, owner.post("/api/session", credentials("guessed@kila.test", "the right password")).status(),
        "after the window the owner gets in");
  }

  @Test
  void twentyFailuresFromOneAddressGet429ForEveryAccount() {
    ApiClient sprayer = gateway.client().from("203.0.113.99");
    for (int i = 0; i < 20; i++) {
      assertEquals(401, sprayer.post("/api/session", credentials("person" + i + "@kila.test", "password")).status());
    }
    assertEquals(429, sprayer.post("/api/session", credentials(RunningGateway.ADMIN, RunningGateway.PASSWORD)).status());
    assertEquals(200, gateway.client().from("203.0.113.100")
        .post("/api/session", credentials(RunningGateway.ADMIN, RunningGateway.PASSWORD)).status());
  }

  @Test
  void signInNeedsAnEmailAndAPasswordInAJsonObject() {
    ApiClient client = gateway.client().from("198.51.100.3");
    ApiClient.Answer missing = client.post("/api/session", new JsonObject().put("email", RunningGateway.ADMIN));
    assertEquals(400, missing.status());
    assertEquals("The field \"password\" is missing.", missing.error());
    ApiClient.Answer malformed = client.post("/api/session", "{\"email\": ");
    assertEquals(400, malformed.status());
    assertEquals("The request body is not a valid JSON object.", malformed.error());
  }

  @Test
  void signInsAreAudited() {
    gateway.client().from("198.51.100.4").signIn(RunningGateway.ADMIN, RunningGateway.PASSWORD);
    long count = gateway.jdbi().withHandle(h -> h.createQuery(
        "SELECT count(*) FROM audit_event WHERE action = 'sign_in' AND actor = :a AND address = '198.51.100.4'")
        .bind("a", RunningGateway.ADMIN).mapTo(Long.class).one());
    assertEquals(1, count);
    Instant lastSignIn = gateway.jdbi().withHandle(h -> h.createQuery(
        "SELECT last_sign_in FROM admin_user WHERE email = :a").bind("a", RunningGateway.ADMIN).mapTo(Instant.class).one());
    assertTrue(Duration.between(lastSignIn, Instant.now()).abs().toMinutes() < 5);
  }

  private static JsonObject credentials(String email, String password) {
    return new JsonObject().put("email", email).put("password", password);
  }

  /** Moves the client's session's {@code column} back by {@code age} from now. */
  private static void age(ApiClient client, String column, Duration age) {
    byte[] idHash = org.kila.gateway.admin.auth.Tokens.hash(client.cookie());
    gateway.jdbi().useHandle(h -> h.createUpdate("UPDATE admin_session SET " + column + " = now() - CAST(:age AS interval)"
        + " WHERE id_hash = :id").bind("age", age.toSeconds() + " seconds").bind("id", idHash).execute());
  }
}
