package org.kila.gateway.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.kila.gateway.Gateway;
import org.kila.gateway.admin.auth.Role;
import org.kila.gateway.survey.CatalogReload;

/** Two gateway instances on one database, as behind a load balancer: they share sessions, limits and launches. */
class TwoInstancesIT {
  @RegisterExtension
  static final RunningGateway gateway = new RunningGateway();
  static Gateway second;

  @BeforeAll
  static void startTheSecond() throws Exception {
    second = gateway.another();
  }

  @AfterAll
  static void stopTheSecond() throws Exception {
    second.close();
  }

  @Test
  void aSessionStartedOnOneInstanceWorksOnTheOther() {
    ApiClient first = gateway.admin();
    ApiClient other = new ApiClient(second.port());
    other.useCookie(first.cookie());
    other.setCsrfToken(first.csrfToken());
    assertEquals(200, other.get("/api/session").status());
    assertEquals(204, other.delete("/api/session").status());
    assertEquals(401, first.get("/api/session").status(), "signed out on the other instance is signed out here");
  }

  @Test
  void failedSignInsCountOnEveryInstance() {
    gateway.admin().post("/api/users", new JsonObject().put("email", "shared@kila.test").put("role", "viewer")
        .put("password", "twelve chars!"));
    JsonObject wrong = new JsonObject().put("email", "shared@kila.test").put("password", "wrong guess");
    for (int i = 0; i < 5; i++) {
      ApiClient client = i % 2 == 0 ? gateway.client() : new ApiClient(second.port());
      assertEquals(401, client.from("203.0.113." + (10 + i)).post("/api/session", wrong).status());
    }
    assertEquals(429, new ApiClient(second.port()).from("203.0.113.20").post("/api/session", wrong).status());
    assertEquals(429, gateway.client().from("203.0.113.21").post("/api/session", wrong).status());
  }

  @Test
  void aLaunchOnOneInstanceIsServedByTheOtherWithinTheReloadPeriod() throws InterruptedException {
    ApiClient designer = gateway.as(Role.DESIGNER);
    assertEquals(201, designer.post("/api/surveys", TestSurveys.clinicPoll("everywhere", "*384*80#")).status());
    assertEquals("END This code is not in use. Please check the number you dialled.", dialSecond("two-1"));
    assertEquals(200, designer.post("/api/surveys/everywhere/versions/1/launch", null).status());
    long deadline = System.nanoTime() + CatalogReload.PERIOD.plus(Duration.ofSeconds(5)).toNanos();
    String screen = dialSecond("two-2");
    int n = 3;
    while (!screen.startsWith("CON ") && System.nanoTime() < deadline) {
      Thread.sleep(500);
      screen = dialSecond("two-" + n++);
    }
    assertTrue(screen.startsWith("CON Your gender?"), "the other instance serves it: " + screen);
  }

  private static String dialSecond(String sessionId) {
    String form = "sessionId=" + sessionId + "&phoneNumber=%2B2547" + String.format("%08d", Math.floorMod(sessionId.hashCode(), 100_000_000))
        + "&networkCode=63902&serviceCode=" + URLEncoder.encode("*384*80#", StandardCharsets.UTF_8) + "&text=";
    return new ApiClient(second.port()).postForm("/ussd/africastalking", form).body();
  }
}
