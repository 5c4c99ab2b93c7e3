package org.kila.gateway.sms;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A stand-in for Twilio's Messages API on a free local port, so that no test reaches the network. It
 * records every request and answers message creation as it is told: created (201, the default),
 * throttled (429 with Retry-After), a server error (500), a refusal with a Twilio error code (4xx), or
 * never (the connection hangs until the client gives up). It also lists the messages it created, by To
 * and From, as Twilio does, for the outbox's look-up after a crash.
 */
public final class FakeTwilioServer implements AutoCloseable {
  public static final String ACCOUNT_SID = "AC0123456789abcdef0123456789abcdef";
  public static final String AUTH_TOKEN = "test-auth-token-0123456789abcdef";

  /** How to answer one create request. */
  public sealed interface Answer {}

  public record Created() implements Answer {}

  public record Throttled(int retryAfterSeconds) implements Answer {}

  public record ServerError() implements Answer {}

  public record Refused(int status, int code, String message) implements Answer {}

  public record Hang() implements Answer {}

  /** Creates the message, as Twilio does, but its answer never comes back (lost on the way). */
  public record CreatedUnanswered() implements Answer {}

  /** One create request as received. */
  public record Received(String to, String from, String body, String statusCallback, String authorization,
      Instant at, int status, String sid) {}

  private static final DateTimeFormatter RFC_2822 = DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss Z", Locale.US).withZone(ZoneOffset.UTC);

  private final Vertx vertx = Vertx.vertx();
  private final HttpServer server;
  private final Deque<Answer> script = new ArrayDeque<>();
  private final List<Received> received = new ArrayList<>();
  private final List<JsonObject> created = new ArrayList<>();
  /** Message ids differ between fake servers, as Twilio's never repeat. */
  private static final long RUN = new java.security.SecureRandom().nextLong();
  private static final AtomicLong sids = new AtomicLong();
  private Answer fallback = new Created();
  private int lookups;

  public FakeTwilioServer() {
    server = vertx.createHttpServer().requestHandler(this::handle);
    try {
      server.listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException("the fake Twilio server did not start", e);
    }
  }

  public URI baseUrl() {
    return URI.create("http://127.0.0.1:" + server.actualPort());
  }

  /** The next create requests get these answers, in order; after them, {@link #otherwise}'s. */
  public synchronized FakeTwilioServer answer(Answer... answers) {
    script.addAll(List.of(answers));
    return this;
  }

  /** The answer once the script is used up (at first: 201 Created). */
  public synchronized FakeTwilioServer otherwise(Answer answer) {
    fallback = answer;
    return this;
  }

  /** Every create request so far, answered or not. */
  public synchronized List<Received> received() {
    return List.copyOf(received);
  }

  /** The create requests that were answered 201, i.e. the messages Twilio would send. */
  public synchronized List<Received> sent() {
    return received.stream().filter(r -> r.status() == 201).toList();
  }

  public synchronized int lookups() {
    return lookups;
  }

  private void handle(HttpServerRequest request) {
    request.body().onSuccess(buffer -> {
      String path = request.path();
      if (!path.equals("/2010-04-01/Accounts/" + ACCOUNT_SID + "/Messages.json")) {
        request.response().setStatusCode(404).end(error(20404, "not found: " + path, 404).encode());
        return;
      }
      if (!("Basic " + Base64.getEncoder().encodeToString((ACCOUNT_SID + ":" + AUTH_TOKEN).getBytes(StandardCharsets.US_ASCII)))
          .equals(request.getHeader("Authorization"))) {
        request.response().setStatusCode(401).end(error(20003, "Authenticate", 401).encode());
        return;
      }
      if (request.method().name().equals("GET")) {
        list(request);
      } else {
        create(request, form(buffer.toString(StandardCharsets.UTF_8)));
      }
    });
  }

  private synchronized void create(HttpServerRequest request, Map<String, String> form) {
    Answer answer = script.isEmpty() ? fallback : script.poll();
    int status = answer instanceof Created || answer instanceof CreatedUnanswered ? 201
        : answer instanceof Throttled ? 429
        : answer instanceof ServerError ? 500
        : answer instanceof Refused refused ? refused.status()
        : 0;
    String sid = status == 201 ? String.format("SM%016x%016x", RUN, sids.incrementAndGet()) : null;
    Instant now = Instant.now();
    received.add(new Received(form.get("To"), form.get("From"), form.get("Body"), form.get("StatusCallback"),
        request.getHeader("Authorization"), now, status, sid));
    if (answer instanceof Hang) {
      return; // never answered: the client's timeout must fire
    }
    if (answer instanceof CreatedUnanswered) {
      created.add(0, message(sid, form, now));
      return; // taken, but the client's timeout fires before any answer
    }
    request.response().setStatusCode(status).putHeader("Content-Type", "application/json");
    if (answer instanceof Created) {
      JsonObject message = message(sid, form, now);
      created.add(0, message);
      request.response().end(message.encode());
    } else if (answer instanceof Throttled throttled) {
      request.response().putHeader("Retry-After", Integer.toString(throttled.retryAfterSeconds()))
          .end(error(20429, "Too Many Requests", 429).encode());
    } else if (answer instanceof Refused refused) {
      request.response().end(error(refused.code(), refused.message(), refused.status()).encode());
    } else {
      request.response().end(error(20500, "Internal Server Error", 500).encode());
    }
  }

  private synchronized void list(HttpServerRequest request) {
    lookups++;
    String to = request.getParam("To");
    String from = request.getParam("From");
    JsonArray messages = new JsonArray();
    for (JsonObject message : created) {
      if ((to == null || to.equals(message.getString("to"))) && (from == null || from.equals(message.getString("from")))) {
        messages.add(message);
      }
    }
    JsonObject page = new JsonObject()
        .put("messages", messages)
        .put("uri", request.uri())
        .put("first_page_uri", request.uri())
        .put("next_page_uri", (String) null)
        .put("previous_page_uri", (String) null)
        .put("page", 0)
        .put("page_size", 50);
    request.response().setStatusCode(200).putHeader("Content-Type", "application/json").end(page.encode());
  }

  private static JsonObject message(String sid, Map<String, String> form, Instant now) {
    String date = RFC_2822.format(now);
    return new JsonObject()
        .put("sid", sid)
        .put("account_sid", ACCOUNT_SID)
        .put("to", form.get("To"))
        .put("from", form.get("From"))
        .put("body", form.get("Body"))
        .put("status", "queued")
        .put("num_segments", "1")
        .put("num_media", "0")
        .put("direction", "outbound-api")
        .put("api_version", "2010-04-01")
        .put("date_created", date)
        .put("date_updated", date)
        .put("date_sent", (String) null)
        .put("uri", "/2010-04-01/Accounts/" + ACCOUNT_SID + "/Messages/" + sid + ".json");
  }

  private static JsonObject error(int code, String message, int status) {
    return new JsonObject().put("code", code).put("message", message)
        .put("more_info", "https://www.twilio.com/docs/errors/" + code).put("status", status);
  }

  private static Map<String, String> form(String body) {
    Map<String, String> fields = new LinkedHashMap<>();
    for (String pair : body.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      fields.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
          URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
    }
    return fields;
  }

  @Override
  public void close() {
    try {
      vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
