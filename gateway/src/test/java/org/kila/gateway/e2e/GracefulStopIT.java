package org.kila.gateway.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.kila.gateway.Gateway;
import org.kila.gateway.config.ConfigLoader;
import org.kila.gateway.testing.TestDatabase;
import org.kila.gateway.testing.UssdPost;

/**
 * Stopping the gateway (what SIGTERM does, e.g. during a deploy) while a hop is being answered: the hop
 * in flight still gets its next screen and its answer is stored; requests after the stop began are
 * refused at the connection, so the aggregator can send them to another instance, and nobody gets a 500.
 */
class GracefulStopIT {
  @RegisterExtension
  @Order(1)
  static final TestDatabase db = new TestDatabase();

  /** HTTP/1.1, as aggregators post their webhooks. */
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5)).build();

  @Test
  void aHopInFlightWhenTheGatewayStopsIsStillAnsweredAndStored() throws Exception {
    Map<String, String> env = new HashMap<>(db.env());
    env.put("KILA_DATA_DIR", Files.createTempDirectory("kila-stop").toString());
    env.put("KILA_HTTP_HOST", "127.0.0.1");
    env.put("KILA_HTTP_PORT", "0");
    Gateway gateway = Gateway.start(ConfigLoader.load(env, Optional.empty()));
    String base = "http://127.0.0.1:" + gateway.port();
    assertTrue(hop(base, "stop-1", "").body().contains("English"));
    UUID session = db.jdbi().withHandle(h -> h.createQuery(
        "SELECT session_id FROM channel_session WHERE external_id = 'stop-1'").mapTo(UUID.class).one());

    CompletableFuture<HttpResponse<String>> inFlight;
    CompletableFuture<Void> stopped;
    try (Handle lock = db.jdbi().open()) {
      // Holds the session's row, so the next hop is inside the gateway, waiting to store its answer.
      lock.begin();
      lock.createQuery("SELECT id FROM survey_session WHERE id = :id FOR UPDATE").bind("id", session)
          .mapTo(UUID.class).one();
      inFlight = CompletableFuture.supplyAsync(() -> {
        try {
          return hop(base, "stop-1", "1");
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      });
      Thread.sleep(500);
      stopped = CompletableFuture.runAsync(() -> {
        try {
          gateway.close();
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      });
      Thread.sleep(500);
      assertThrows(IOException.class, () -> hop(base, "stop-2", ""), "a new request once the stop began");
      lock.rollback();
    }
    HttpResponse<String> answered = inFlight.get(10, TimeUnit.SECONDS);
    assertEquals(200, answered.statusCode());
    assertTrue(answered.body().startsWith("CON ") && !answered.body().contains("English"), answered.body());
    stopped.get(10, TimeUnit.SECONDS);
    String stored = db.jdbi().withHandle(h -> h.createQuery(
        "SELECT last_reply FROM channel_session WHERE external_id = 'stop-1'").mapTo(String.class).one());
    assertEquals(answered.body(), "CON " + stored, "the hop answered while the gateway stopped is stored with its reply");
  }

  private HttpResponse<String> hop(String base, String sessionId, String text) throws Exception {
    return UssdPost.africasTalking(http, base, sessionId, "0712000078", text);
  }
}
