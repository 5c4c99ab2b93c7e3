package org.kila.gateway.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.kila.gateway.admin.auth.Role;

/** Accounts and the audit log over HTTP: admins only, strong passwords, always one admin left. */
class UserApiIT {
  @RegisterExtension
  static final RunningGateway gateway = new RunningGateway();

  @Test
  void anAdminAddsAnAccountThatCanThenSignIn() {
    ApiClient admin = gateway.admin();
    ApiClient.Answer created = admin.post("/api/users",
        new JsonObject().put("email", "Wanjiru@NGO.example").put("role", "designer").put("password", "twelve chars!"));
    assertEquals(201, created.status(), created.body());
    JsonObject user = created.json();
    assertEquals("wanjiru@ngo.example", user.getString("email"));
    assertEquals("designer", user.getString("role"));
    assertNull(user.getValue("lastSignIn"));
    assertFalse(user.getBoolean("disabled"));
    assertFalse(created.body().contains("argon2"), "the hash never leaves the server");

    gateway.client().signIn("wanjiru@ngo.example", "twelve chars!");
    JsonArray users = admin.get("/api/users").array();
    JsonObject listed = users.stream().map(JsonObject.class::cast)
        .filter(u -> u.getString("email").equals("wanjiru@ngo.example")).findFirst().orElseThrow();
    assertTrue(listed.getString("lastSignIn") != null, listed.encode());
    assertEquals("role designer", audit("user_create", "wanjiru@ngo.example").getString("detail"));
    String hash = gateway.jdbi().withHandle(h -> h.createQuery("SELECT password_hash FROM admin_user WHERE email = 'wanjiru@ngo.example'")
        .mapTo(String.class).one());
    assertTrue(hash.startsWith("$argon2id$v=19$m=19456,t=2,p=1$"), hash);
  }

  @Test
  void badAccountsAreRefusedWithTheReason() {
    ApiClient admin = gateway.admin();
    ApiClient.Answer weak = admin.post("/api/users",
        new JsonObject().put("email", "short@ngo.example").put("role", "viewer").put("password", "elevenchars"));
    assertEquals(422, weak.status());
    assertEquals("The password must be at least 12 characters long.", weak.error());
    assertEquals("That is not an email address.", admin.post("/api/users",
        new JsonObject().put("email", "nobody").put("role", "viewer").put("password", "twelve chars!")).error());
    assertEquals("The role must be admin, designer or viewer, not 'owner'.", admin.post("/api/users",
        new JsonObject().put("email", "owner@ngo.example").put("role", "owner").put("password", "twelve chars!")).error());
    ApiClient.Answer twice = admin.post("/api/users",
        new JsonObject().put("email", RunningGateway.ADMIN).put("role", "viewer").put("password", "twelve chars!"));
    assertEquals(409, twice.status());
    assertEquals("An account with the email admin@kila.test exists already.", twice.error());
  }

  @Test
  void changingARoleTakesEffectOnTheNextRequest() {
    ApiClient admin = gateway.admin();
    admin.post("/api/users", new JsonObject().put("email", "promoted@ngo.example").put("role", "viewer")
        .put("password", "twelve chars!"));
    ApiClient promoted = gateway.client().signIn("promoted@ngo.example", "twelve chars!");
    assertEquals(403, promoted.post("/api/surveys/validate", "{}").status());
    ApiClient.Answer changed = admin.patch("/api/users/promoted@ngo.example", new JsonObject().put("role", "designer"));
    assertEquals("designer", changed.json().getString("role"));
    assertEquals(200, promoted.post("/api/surveys/validate", "{}").status(), "the same session, now a designer");
    assertEquals("role viewer -> designer", audit("user_change", "promoted@ngo.example").getString("detail"));
  }

  @Test
  void disablingAnAccountEndsItsSessionsAndItsSignIns() {
    ApiClient admin = gateway.admin();
    admin.post("/api/users", new JsonObject().put("email", "leaving@ngo.example").put("role", "designer")
        .put("password", "twelve chars!"));
    ApiClient leaving = gateway.client().signIn("leaving@ngo.example", "twelve chars!");
    assertTrue(admin.patch("/api/users/leaving@ngo.example", new JsonObject().put("disabled", true)).json().getBoolean("disabled"));
    assertEquals(401, leaving.get("/api/surveys").status());
    assertEquals(401, gateway.client().from("192.0.2.77").post("/api/session",
        new JsonObject().put("email", "leaving@ngo.example").put("password", "twelve chars!")).status());
    admin.patch("/api/users/leaving@ngo.example", new JsonObject().put("disabled", false).put("password", "a new password"));
    gateway.client().signIn("leaving@ngo.example", "a new password");
  }

  @Test
  void resettingAPasswordSignsThatAccountOutEverywhere() {
    ApiClient admin = gateway.admin();
    admin.post("/api/users", new JsonObject().put("email", "forgot@ngo.example").put("role", "viewer")
        .put("password", "twelve chars!"));
    ApiClient old = gateway.client().signIn("forgot@ngo.example", "twelve chars!");
    assertEquals(422, admin.patch("/api/users/forgot@ngo.example", new JsonObject().put("password", "short")).status());
    assertEquals(200, admin.patch("/api/users/forgot@ngo.example", new JsonObject().put("password", "a brand new one")).status());
    assertEquals(401, old.get("/api/surveys").status());
    gateway.client().signIn("forgot@ngo.example", "a brand new one");
    assertEquals("password changed", audit("user_change", "forgot@ngo.example").getString("detail"));
  }

  @Test
  void theLastAdminCannotBeDemotedOrDisabled() {
    ApiClient admin = gateway.admin();
    ApiClient.Answer demoted = admin.patch("/api/users/" + RunningGateway.ADMIN, new JsonObject().put("role", "viewer"));
    assertEquals(409, demoted.status());
    assertEquals("Kila needs at least one admin who can sign in: make another account admin first.", demoted.error());
    assertEquals(409, admin.patch("/api/users/" + RunningGateway.ADMIN, new JsonObject().put("disabled", true)).status());
    assertEquals("admin", admin.get("/api/session").json().getJsonObject("user").getString("role"), "nothing changed");
    assertEquals(404, admin.patch("/api/users/nobody@ngo.example", new JsonObject().put("role", "viewer")).status());
    assertEquals(400, admin.patch("/api/users/" + RunningGateway.ADMIN, new JsonObject().put("disabled", "yes")).status());
  }

  @Test
  void accountsAndTheAuditLogAreForAdminsOnly() {
    for (Role role : List.of(Role.VIEWER, Role.DESIGNER)) {
      ApiClient client = gateway.as(role);
      assertEquals(403, client.get("/api/users").status());
      assertEquals(403, client.get("/api/audit").status());
      ApiClient.Answer refused = client.post("/api/users",
          new JsonObject().put("email", "sneaky@ngo.example").put("role", "admin").put("password", "twelve chars!"));
      assertEquals(403, refused.status());
      assertEquals("Your role (" + role.json() + ") may not do this: it needs the admin role.", refused.error());
      assertEquals(403, client.patch("/api/users/" + role.json() + "@kila.test", new JsonObject().put("role", "admin")).status());
    }
    assertEquals("viewer", role("viewer@kila.test"), "a viewer did not make itself admin");
  }

  @Test
  void theAuditLogListsTheNewestFirstWithinTheLimit() {
    ApiClient admin = gateway.admin();
    JsonArray two = admin.get("/api/audit?limit=2").array();
    assertEquals(2, two.size());
    JsonObject newest = two.getJsonObject(0);
    assertEquals("sign_in", newest.getString("action"), "signing in to read it was the last thing done");
    assertEquals(RunningGateway.ADMIN, newest.getString("actor"));
    assertTrue(newest.getString("at").compareTo(two.getJsonObject(1).getString("at")) >= 0);
    assertEquals(new JsonObject().put("error", "limit must be a whole number from 1 to 1000, not '0'."),
        admin.get("/api/audit?limit=0").json());
    JsonArray all = admin.get("/api/audit?limit=1000").array();
    assertTrue(all.stream().map(JsonObject.class::cast).anyMatch(e -> e.getString("action").equals("user_create")
        && e.getString("actor").equals("KILA_ADMIN_EMAIL") && e.getString("target").equals(RunningGateway.ADMIN)),
        "the first admin, made at start from the environment");
  }

  private static String role(String email) {
    return gateway.jdbi().withHandle(h -> h.createQuery("SELECT role FROM admin_user WHERE email = :e").bind("e", email)
        .mapTo(String.class).one());
  }

  private static JsonObject audit(String action, String target) {
    return gateway.admin().get("/api/audit?limit=1000").array().stream().map(JsonObject.class::cast)
        .filter(e -> e.getString("action").equals(action) && target.equals(e.getString("target"))).findFirst()
        .orElseThrow(() -> new AssertionError("no audit entry " + action + " " + target));
  }
}
