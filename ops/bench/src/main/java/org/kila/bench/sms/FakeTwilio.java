package org.kila.bench.sms;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * A stand-in for Twilio's Messages API with one port per gateway instance, so it knows which instance sent
 * what. Like Twilio it creates a message for each create request and answers 201, lists an account's
 * messages by To and From (the outbox's look-up after a crash), and posts signed status callbacks
 * ({@code sent}, then {@code delivered}) to the URL given with each message, through whichever gateway
 * instance is up, as the proxy in front of them would. It can hold back its answers to one instance, as
 * Twilio being slow for a moment would, so that a kill -9 lands while that instance has texts Twilio took
 * and has not yet heard back about. See https://www.twilio.com/docs/messaging/api/message-resource
 */
public final class FakeTwilio implements AutoCloseable {
  /** Twilio's API version in every path. */
  static final String API = "/2010-04-01/Accounts/";
  /** Between a message's creation and its callbacks, as on a quiet day at Twilio. */
  static final long CALLBACK_DELAY_MILLIS = 300;
  /** How long Twilio waits for a webhook's answer. */
  static final long WEBHOOK_TIMEOUT_MILLIS = 15_000;
  private static final DateTimeFormatter RFC_2822 =
      DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss Z", Locale.US).withZone(ZoneOffset.UTC);

  /** One message as created; {@code heldBack}: its 201 was held back from the instance that sent it. */
  public record Message(int instance, String sid, String to, String from, String body, String statusCallback,
      long atMillis, boolean heldBack) {}

  private record Held(HttpServerRequest request, JsonObject message) {}

  private final Vertx vertx;
  private final String accountSid;
  private final String authToken;
  private final List<HttpServer> servers = new ArrayList<>();
  private final HttpClientAgent http;
  private final List<Message> created = new ArrayList<>();
  private final List<JsonObject> newestFirst = new ArrayList<>();
  private final List<List<Held>> held = new ArrayList<>();
  private final boolean[] holding;
  private final String run = Long.toHexString(System.nanoTime());
  private List<Integer> gatewayPorts = List.of();
  private boolean callbacksForHeldBack = true;
  private boolean closed;
  private long sids;
  private int lookups;
  private int refused;
  private int callbacksAccepted;
  private int callbacksRefused;
  private int callbacksNotDelivered;

  private FakeTwilio(Vertx vertx, int instances, String accountSid, String authToken) {
    this.vertx = vertx;
    this.accountSid = accountSid;
    this.authToken = authToken;
    this.holding = new boolean[instances];
    for (int i = 0; i < instances; i++) {
      held.add(new ArrayList<>());
    }
    this.http = vertx.httpClientBuilder().build();
  }

  /** Listens on a free port of 127.0.0.1 for each of {@code instances} gateway instances. */
  public static FakeTwilio start(Vertx vertx, int instances, String accountSid, String authToken) throws Exception {
    FakeTwilio twilio = new FakeTwilio(vertx, instances, accountSid, authToken);
    for (int i = 0; i < instances; i++) {
      int instance = i;
      HttpServer server = vertx.createHttpServer().requestHandler(r -> twilio.handle(instance, r));
      twilio.servers.add(server.listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS));
    }
    return twilio;
  }

  /** What {@code KILA_TWILIO_BASE_URL} of instance {@code i} is. */
  public String baseUrl(int instance) {
    return "http://127.0.0.1:" + servers.get(instance).actualPort();
  }

  /** Where status callbacks go: the gateway instances' ports, the first one tried in turn. */
  public synchronized void deliverCallbacksTo(List<Integer> ports) {
    this.gatewayPorts = List.copyOf(ports);
  }

  /**
   * Whether messages whose 201 was held back get their status callbacks. Without them, only the outbox's
   * look-up, once the lease of the killed sender lapses, can tell that those texts went out.
   */
  public synchronized void callbacksForHeldBack(boolean send) {
    this.callbacksForHeldBack = send;
  }

  /** From now on, create requests from {@code instance} get their message created but no answer yet. */
  public synchronized void holdBack(int instance) {
    holding[instance] = true;
  }

  /** Create requests from {@code instance} waiting for their answer. */
  public synchronized int heldBack(int instance) {
    return held.get(instance).size();
  }

  /** Answers the held requests that can still be answered, and answers at once from now on. */
  public synchronized void release(int instance) {
    holding[instance] = false;
    for (Held h : held.get(instance)) {
      try {
        h.request().response().setStatusCode(201).putHeader("Content-Type", "application/json").end(h.message().encode());
      } catch (IllegalStateException closed) {
        // The instance died with the request open: nobody is left to answer.
      }
    }
    held.get(instance).clear();
  }

  /** Every message created, in order. */
  public synchronized List<Message> created() {
    return List.copyOf(created);
  }

  /** List requests: the outbox asking what became of a text a crash interrupted. */
  public synchronized int lookups() {
    return lookups;
  }

  /** Requests refused: wrong path or credentials, or a create without To, From or Body. */
  public synchronized int refused() {
    return refused;
  }

  /**
   * Status callbacks a gateway answered 200; refused with a 4xx (a signature or form it does not accept);
   * and not delivered: no instance answered within Twilio's 15 s, or only with a 5xx. Twilio does not
   * post a callback again, so for those the outbox's look-up has to do.
   */
  public synchronized String callbackSummary() {
    return String.format("status callbacks accepted %d, refused %d, not delivered %d", callbacksAccepted,
        callbacksRefused, callbacksNotDelivered);
  }

  /** Status callbacks a gateway answered with a 4xx. */
  public synchronized int callbacksRefused() {
    return callbacksRefused;
  }

  private void handle(int instance, HttpServerRequest request) {
    request.body().onSuccess(buffer -> {
      String basic = "Basic " + Base64.getEncoder()
          .encodeToString((accountSid + ":" + authToken).getBytes(StandardCharsets.US_ASCII));
      if (!request.path().equals(API + accountSid + "/Messages.json")) {
        refuse(request, 404, 20404, "The requested resource " + request.path() + " was not found");
      } else if (!basic.equals(request.getHeader("Authorization"))) {
        refuse(request, 401, 20003, "Authenticate");
      } else if (request.method() == HttpMethod.GET) {
        list(request);
      } else if (request.method() == HttpMethod.POST) {
        create(instance, request, form(buffer.toString(StandardCharsets.UTF_8)));
      } else {
        refuse(request, 405, 20004, "Method not allowed");
      }
    });
  }

  private synchronized void create(int instance, HttpServerRequest request, Map<String, String> form) {
    if (form.get("To") == null || form.get("From") == null || form.get("Body") == null) {
      refuse(request, 400, 21604, "A 'To', 'From' and 'Body' are required");
      return;
    }
    String sid = String.format("SM%s%0" + (32 - run.length()) + "x", run, ++sids);
    Instant now = Instant.now();
    Message m = new Message(instance, sid, form.get("To"), form.get("From"), form.get("Body"),
        form.get("StatusCallback"), now.toEpochMilli(), holding[instance]);
    created.add(m);
    JsonObject json = json(m, now);
    newestFirst.add(0, json);
    if (holding[instance]) {
      held.get(instance).add(new Held(request, json));
    } else {
      request.response().setStatusCode(201).putHeader("Content-Type", "application/json").end(json.encode());
    }
    if (m.statusCallback() != null && (!m.heldBack() || callbacksForHeldBack)) {
      long turn = sids;
      vertx.setTimer(CALLBACK_DELAY_MILLIS, t -> callback(m, "sent", turn)
          .onComplete(v -> vertx.setTimer(CALLBACK_DELAY_MILLIS, t2 -> callback(m, "delivered", turn + 1))));
    }
  }

  private synchronized void list(HttpServerRequest request) {
    lookups++;
    String to = request.getParam("To");
    String from = request.getParam("From");
    JsonArray messages = new JsonArray();
    for (JsonObject message : newestFirst) {
      if ((to == null || to.equals(message.getString("to"))) && (from == null || from.equals(message.getString("from")))
          && messages.size() < 50) {
        messages.add(message);
      }
    }
    JsonObject page = new JsonObject().put("messages", messages).put("uri", request.uri())
        .put("first_page_uri", request.uri()).put("next_page_uri", (String) null)
        .put("previous_page_uri", (String) null).put("page", 0).put("page_size", 50);
    request.response().setStatusCode(200).putHeader("Content-Type", "application/json").end(page.encode());
  }

  /** Posts one signed status callback, to one instance and, if that one cannot be reached, the other. */
  private Future<Void> callback(Message m, String status, long turn) {
    URI url = URI.create(m.statusCallback());
    String target = url.getRawPath() + (url.getRawQuery() == null ? "" : "?" + url.getRawQuery());
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("SmsSid", m.sid());
    fields.put("SmsStatus", status);
    fields.put("MessageStatus", status);
    fields.put("To", m.to());
    fields.put("MessageSid", m.sid());
    fields.put("AccountSid", accountSid);
    fields.put("From", m.from());
    fields.put("ApiVersion", "2010-04-01");
    String signature = TwilioSignature.of(authToken, m.statusCallback(), fields);
    Buffer body = Buffer.buffer(fields.entrySet().stream()
        .map(e -> enc(e.getKey()) + "=" + enc(e.getValue())).collect(Collectors.joining("&")));
    List<Integer> ports;
    synchronized (this) {
      if (closed) {
        return Future.succeededFuture();
      }
      ports = gatewayPorts;
    }
    if (ports.isEmpty()) {
      return countCallback(-1);
    }
    int first = (int) (turn % ports.size());
    return post(ports.get(first), target, signature, body)
        .recover(e -> post(ports.get((first + 1) % ports.size()), target, signature, body))
        .transform(ar -> countCallback(ar.succeeded() ? ar.result() : -1));
  }

  private Future<Integer> post(int port, String target, String signature, Buffer body) {
    return http.request(new RequestOptions().setMethod(HttpMethod.POST).setHost("127.0.0.1").setPort(port)
            .setURI(target).setTimeout(WEBHOOK_TIMEOUT_MILLIS))
        .compose(req -> req.putHeader("Content-Type", "application/x-www-form-urlencoded")
            .putHeader("X-Twilio-Signature", signature).send(body))
        .compose(resp -> resp.body().map(b -> resp.statusCode()));
  }

  private synchronized Future<Void> countCallback(int status) {
    if (status == 200) {
      callbacksAccepted++;
    } else if (status >= 400 && status < 500) {
      callbacksRefused++;
    } else {
      callbacksNotDelivered++;
    }
    return Future.succeededFuture();
  }

  private synchronized void refuse(HttpServerRequest request, int status, int code, String message) {
    refused++;
    request.response().setStatusCode(status).putHeader("Content-Type", "application/json")
        .end(new JsonObject().put("code", code).put("message", message)
            .put("more_info", "https://www.twilio.com/docs/errors/" + code).put("status", status).encode());
  }

  private JsonObject json(Message m, Instant at) {
    String date = RFC_2822.format(at);
    return new JsonObject().put("sid", m.sid()).put("account_sid", accountSid).put("to", m.to())
        .put("from", m.from()).put("body", m.body()).put("status", "queued").put("num_segments", "1")
        .put("num_media", "0").put("direction", "outbound-api").put("api_version", "2010-04-01")
        .put("date_created", date).put("date_updated", date).put("date_sent", (String) null)
        .put("uri", API + accountSid + "/Messages/" + m.sid() + ".json");
  }

  private static Map<String, String> form(String body) {
    Map<String, String> fields = new LinkedHashMap<>();
    for (String pair : body.split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0) {
        fields.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    return fields;
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  @Override
  public void close() {
    synchronized (this) {
      closed = true;
    }
    servers.forEach(s -> s.close());
    http.close();
  }
}
