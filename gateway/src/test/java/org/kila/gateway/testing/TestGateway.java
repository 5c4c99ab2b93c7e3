package org.kila.gateway.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.kila.gateway.Gateway;
import org.kila.gateway.config.ConfigLoader;

/**
 * A whole gateway for an end-to-end test class, on a free port, on the class's {@link TestDatabase},
 * configured exactly as {@code serve} would be from environment variables. Register it after the
 * database: {@code @RegisterExtension @Order(2) static TestGateway gateway = new TestGateway(db);}.
 */
public final class TestGateway implements BeforeAllCallback, AfterAllCallback {
  private final TestDatabase db;
  private final Map<String, String> extraEnv;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private Gateway gateway;
  private Path dataDir;

  public TestGateway(TestDatabase db) {
    this(db, Map.of());
  }

  /** {@code extraEnv}: more {@code KILA_*} settings, e.g. a surveys directory or a smaller USSD limit. */
  public TestGateway(TestDatabase db, Map<String, String> extraEnv) {
    this.db = db;
    this.extraEnv = Map.copyOf(extraEnv);
  }

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    dataDir = Files.createTempDirectory("kila-gateway-test");
    Map<String, String> env = new HashMap<>(db.env());
    env.put("KILA_HTTP_HOST", "127.0.0.1");
    env.put("KILA_HTTP_PORT", Integer.toString(freePort()));
    env.put("KILA_DATA_DIR", dataDir.toString());
    env.putAll(extraEnv);
    gateway = Gateway.start(ConfigLoader.load(env, Optional.empty()));
  }

  @Override
  public void afterAll(ExtensionContext context) throws Exception {
    if (gateway != null) {
      gateway.close();
    }
  }

  public Gateway gateway() {
    return gateway;
  }

  public String url(String path) {
    return "http://127.0.0.1:" + gateway.port() + path;
  }

  /** POSTs a body with a content type; returns the response as text. */
  public HttpResponse<String> post(String path, String contentType, String body) {
    return send(HttpRequest.newBuilder(URI.create(url(path))).timeout(Duration.ofSeconds(20))
        .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body)).build());
  }

  public HttpResponse<String> get(String path) {
    return send(HttpRequest.newBuilder(URI.create(url(path))).timeout(Duration.ofSeconds(20)).GET().build());
  }

  public HttpResponse<String> send(HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new IllegalStateException(request.uri() + " failed: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
