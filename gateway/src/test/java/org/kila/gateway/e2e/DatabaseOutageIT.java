package org.kila.gateway.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.kila.gateway.Gateway;
import org.kila.gateway.config.ConfigLoader;
import org.kila.gateway.testing.TcpProxy;
import org.kila.gateway.testing.TestDatabase;
import org.kila.gateway.testing.UssdPost;

/**
 * The database server taken away from a running gateway and given back, as a crash or a network cut
 * would (every connection reset, new ones refused; through a relay the test controls): while it is away
 * a respondent gets the polite "dial again shortly" END at once, not after the connection timeout, and
 * {@code /health} says 503 at once; once it is back a new dial is served within a second or two, with no
 * restart of the gateway, and an earlier respondent's answers are still there. The same under load, with
 * PostgreSQL really stopped and started, is the fault harness's {@code dbdown} scenario (ops/bench).
 */
class DatabaseOutageIT {
  @RegisterExtension
  @Order(1)
  static final TestDatabase db = new TestDatabase();

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @Test
  void whileTheDatabaseIsAwayHopsAreAnsweredAtOnceAndServiceResumesByItselfWhenItIsBack() throws Exception {
    Matcher at = Pattern.compile("jdbc:postgresql://([^:/]+):(\\d+)(/.*)").matcher(db.env().get("KILA_DB_URL"));
    assertTrue(at.matches(), db.env().get("KILA_DB_URL"));
    try (TcpProxy relay = new TcpProxy(at.group(1), Integer.parseInt(at.group(2)))) {
      Map<String, String> env = new HashMap<>(db.env());
      env.put("KILA_DB_URL", "jdbc:postgresql://127.0.0.1:" + relay.port() + at.group(3));
      env.put("KILA_DB_CONNECT_TIMEOUT", "2s");
      env.put("KILA_DATA_DIR", Files.createTempDirectory("kila-outage").toString());
      env.put("KILA_HTTP_HOST", "127.0.0.1");
      env.put("KILA_HTTP_PORT", "0");
      try (Gateway gateway = Gateway.start(ConfigLoader.load(env, Optional.empty()))) {
        String base = "http://127.0.0.1:" + gateway.port();
        assertTrue(hop(base, "outage-before", "").body().contains("English"));
        assertTrue(hop(base, "outage-before", "1").body().startsWith("CON "), "language chosen");

        relay.cut();
        // The first hop finds its connection reset, and the gateway learns the database is away.
        HttpResponse<String> first = hop(base, "outage-during-0", "");
        assertTrue(first.body().startsWith("END ") && first.body().contains("dial again shortly"), first.body());
        for (int i = 1; i <= 5; i++) {
          Thread.sleep(400);
          long started = System.nanoTime();
          HttpResponse<String> during = hop(base, "outage-during-" + i, "");
          long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
          assertEquals(200, during.statusCode());
          assertTrue(during.body().startsWith("END ") && during.body().contains("dial again shortly"), during.body());
          assertTrue(millis < 500, "hop " + i + " while the database is away took " + millis
              + " ms: it should not wait for the 2 s connection timeout");
          long healthStarted = System.nanoTime();
          assertEquals(503, get(base + "/health").statusCode());
          long healthMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - healthStarted);
          assertTrue(healthMillis < 500, "/health took " + healthMillis + " ms");
        }
        String metrics = get(base + "/metrics").body();
        assertTrue(metrics.contains("kila_db_up 0.0"), "kila_db_up while away");
        assertTrue(metrics.lines().anyMatch(l -> l.startsWith("kila_ussd_hops_total{")
            && l.contains("outcome=\"unavailable\"")), "unavailable hops counted");

        relay.restore();
        long back = System.nanoTime();
        HttpResponse<String> served = hop(base, "outage-after", "");
        while (!served.body().startsWith("CON ") && System.nanoTime() - back < TimeUnit.SECONDS.toNanos(10)) {
          Thread.sleep(50);
          served = hop(base, "outage-after", "");
        }
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - back);
        assertTrue(served.body().startsWith("CON "), served.body());
        assertTrue(millis < 2_000, "served again " + millis + " ms after the database came back");
        assertEquals(200, get(base + "/health").statusCode());
        String after = get(base + "/metrics").body();
        assertTrue(after.contains("kila_db_up 1.0"), "kila_db_up once back");
        assertTrue(after.contains("hikaricp_connections_active{"), "pool figures published");

        // The respondent from before the outage dials again and is not asked for a language again.
        HttpResponse<String> resumed = hop(base, "outage-before-redial", "");
        assertTrue(resumed.body().startsWith("CON ") && !resumed.body().contains("English"), resumed.body());
      }
    }
  }

  private HttpResponse<String> hop(String base, String sessionId, String text) throws Exception {
    return UssdPost.africasTalking(http, base, sessionId, "0712000077", text);
  }

  private HttpResponse<String> get(String url) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
