package org.kila.gateway.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.util.Map;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/** First run without KILA_ADMIN_EMAIL: the one-time setup link creates the first admin, once. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SetupApiIT {
  @RegisterExtension
  static final RunningGateway gateway = new RunningGateway(Map.of("KILA_ADMIN_EMAIL", "", "KILA_ADMIN_PASSWORD", ""));

  @Test
  @Order(1)
  void withoutAnyAccountTheGatewayOffersASetupLink() {
    String link = gateway.gateway().setupLink().orElseThrow();
    assertTrue(link.matches("http://localhost:\\d+/admin/#/setup\\?token=[A-Za-z0-9_-]{43}"), link);
    assertEquals(new JsonObject().put("needed", true), gateway.client().get("/api/setup").json());
    assertEquals(401, gateway.client().get("/api/surveys").status(), "nobody can sign in yet");
  }

  @Test
  @Order(2)
  void aWrongTokenOrAWeakPasswordIsRefused() {
    ApiClient client = gateway.client();
    ApiClient.Answer wrong = client.post("/api/setup", setup("not-the-token", "first@ngo.example", "twelve chars!"));
    assertEquals(403, wrong.status());
    assertEquals("This setup link is not valid. Use the link Kila printed when it started.", wrong.error());
    ApiClient.Answer weak = client.post("/api/setup", setup(token(), "first@ngo.example", "short"));
    assertEquals(422, weak.status());
    assertEquals("The password must be at least 12 characters long.", weak.error());
    assertEquals(new JsonObject().put("needed", true), client.get("/api/setup").json());
  }

  @Test
  @Order(3)
  void theRightTokenCreatesTheFirstAdminOnce() {
    ApiClient client = gateway.client();
    ApiClient.Answer created = client.post("/api/setup", setup(token(), "First@NGO.example", "twelve chars!"));
    assertEquals(201, created.status(), created.body());
    assertEquals(new JsonObject().put("email", "first@ngo.example").put("role", "admin"), created.json());
    assertEquals(new JsonObject().put("needed", false), client.get("/api/setup").json());
    ApiClient.Answer again = client.post("/api/setup", setup(token(), "second@ngo.example", "twelve chars!"));
    assertEquals(409, again.status());
    assertEquals("Kila is set up already: please sign in.", again.error());

    ApiClient admin = gateway.client().signIn("first@ngo.example", "twelve chars!");
    JsonObject made = admin.get("/api/audit").array().stream().map(JsonObject.class::cast)
        .filter(e -> e.getString("action").equals("user_create")).findFirst().orElseThrow();
    assertEquals("setup link", made.getString("actor"));
    assertEquals("first@ngo.example", made.getString("target"));
  }

  private static String token() {
    String link = gateway.gateway().setupLink().orElseThrow();
    return link.substring(link.indexOf("token=") + "token=".length());
  }

  private static JsonObject setup(String token, String email, String password) {
    return new JsonObject().put("token", token).put("email", email).put("password", password);
  }
}
