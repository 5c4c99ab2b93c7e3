package org.kila.gateway.admin;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.kila.gateway.Gateway;
import org.kila.gateway.admin.auth.Role;
import org.kila.gateway.config.ConfigLoader;
import org.kila.gateway.testing.TestDatabase;

/**
 * The real gateway, started on a free port on its own fresh database for one test class, with a first
 * admin from the environment and the bundled example surveys launched:
 * <pre>{@code @RegisterExtension static final RunningGateway gateway = new RunningGateway();}</pre>
 */
final class RunningGateway implements BeforeAllCallback, AfterAllCallback {
  static final String ADMIN = "admin@kila.test";
  static final String PASSWORD = "a long admin password";
  /** Small, so a test can exceed it cheaply. */
  static final int MAX_BODY = 65_536;

  private static final SecureRandom RANDOM = new SecureRandom();

  private final TestDatabase database = new TestDatabase();
  private final Map<String, String> extra;
  private Gateway gateway;
  private Map<String, String> env;

  RunningGateway() {
    this(Map.of());
  }

  /** {@code extra}: more {@code KILA_*} settings, overriding the test defaults. */
  RunningGateway(Map<String, String> extra) {
    this.extra = Map.copyOf(extra);
  }

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    database.open();
    Map<String, String> env = new HashMap<>(database.env());
    env.put("KILA_HTTP_PORT", "0");
    env.put("KILA_HTTP_HOST", "127.0.0.1");
    env.put("KILA_DB_POOL_SIZE", "4");
    env.put("KILA_DATA_DIR", Files.createTempDirectory("kila-it").toString());
    env.put("KILA_PHONE_HASH_KEY", key());
    env.put("KILA_PHONE_ENCRYPTION_KEY", key());
    env.put("KILA_ADMIN_EMAIL", ADMIN);
    env.put("KILA_ADMIN_PASSWORD", PASSWORD);
    env.put("KILA_ADMIN_MAX_BODY_BYTES", Integer.toString(MAX_BODY));
    env.putAll(extra);
    env.values().removeIf(String::isEmpty);
    this.env = Map.copyOf(env);
    gateway = Gateway.start(ConfigLoader.load(env, Optional.empty()));
  }

  @Override
  public void afterAll(ExtensionContext context) throws Exception {
    try {
      if (gateway != null) {
        gateway.close();
      }
    } finally {
      database.close();
    }
  }

  /** A second instance on the same database, as behind a load balancer; the caller closes it. */
  Gateway another() throws Exception {
    return Gateway.start(ConfigLoader.load(env, Optional.empty()));
  }

  /** The gateway's data directory (KILA_DATA_DIR). */
  Path dataDir() {
    return Path.of(env.get("KILA_DATA_DIR"));
  }

  Gateway gateway() {
    return gateway;
  }

  Jdbi jdbi() {
    return gateway.database().jdbi();
  }

  /** A client without a session. */
  ApiClient client() {
    return new ApiClient(gateway.port());
  }

  ApiClient admin() {
    return client().signIn(ADMIN, PASSWORD);
  }

  /** A client signed in with {@code role}, its account ({@code <role>@kila.test}) made on first use. */
  ApiClient as(Role role) {
    if (role == Role.ADMIN) {
      return admin();
    }
    String email = role.json() + "@kila.test";
    String password = "the " + role.json() + " password";
    ApiClient.Answer made = admin().post("/api/users",
        new JsonObject().put("email", email).put("role", role.json()).put("password", password));
    if (made.status() != 201 && made.status() != 409) {
      throw new AssertionError("could not make the " + role.json() + " account: " + made);
    }
    return client().signIn(email, password);
  }

  private static String key() throws IOException {
    byte[] key = new byte[32];
    RANDOM.nextBytes(key);
    return Base64.getEncoder().encodeToString(key);
  }
}
