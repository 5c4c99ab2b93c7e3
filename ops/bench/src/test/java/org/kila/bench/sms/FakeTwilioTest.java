package org.kila.bench.sms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The fake Twilio as the gateway's Twilio client and webhook check see it. */
class FakeTwilioTest {
  static final String SID = "AC0123456789abcdef0123456789abcdef";
  static final String TOKEN = "0123456789abcdef0123456789abcdef";
  static final String CALLBACK = "http://gateway.bench.invalid/sms/twilio/status?key=k1";

  Vertx vertx;
  FakeTwilio twilio;
  HttpServer gateway;
  List<String> callbacks = Collections.synchronizedList(new ArrayList<>());
  // HTTP/1.1 as Twilio's API speaks it, without the JDK client's attempt to upgrade to h2c.
  HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  @BeforeEach
  void start() throws Exception {
    vertx = Vertx.vertx();
    twilio = FakeTwilio.start(vertx, 2, SID, TOKEN);
    gateway = vertx.createHttpServer().requestHandler(req -> req.body().onSuccess(body -> {
      Map<String, String> fields = new LinkedHashMap<>();
      for (String pair : body.toString(StandardCharsets.UTF_8).split("&")) {
        String[] kv = pair.split("=", 2);
        fields.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8), URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
      }
      String expected = TwilioSignature.of(TOKEN, "http://gateway.bench.invalid" + req.uri(), fields);
      callbacks.add(req.uri() + " " + fields.get("MessageStatus") + " " + fields.get("MessageSid") + " "
          + expected.equals(req.getHeader("X-Twilio-Signature")));
      req.response().end("OK");
    })).listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    int down;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      down = s.getLocalPort();
    }
    twilio.deliverCallbacksTo(List.of(down, gateway.actualPort()));
  }

  @AfterEach
  void stop() throws Exception {
    twilio.close();
    vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }

  CompletableFuture<HttpResponse<String>> create(int instance, String to, String token) {
    String form = "To=" + enc(to) + "&From=" + enc("+254700000100") + "&Body=" + enc("Karibu! Reply SAUTI")
        + "&StatusCallback=" + enc(CALLBACK);
    return http.sendAsync(HttpRequest.newBuilder(URI.create(twilio.baseUrl(instance) + "/2010-04-01/Accounts/" + SID
            + "/Messages.json")).header("Authorization", basic(token))
        .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form))
        .build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void createsAMessageAndReportsItSentThenDeliveredThroughAnInstanceThatIsUp() throws Exception {
    HttpResponse<String> created = create(0, "+254790000001", TOKEN).get(30, TimeUnit.SECONDS);
    assertEquals(201, created.statusCode());
    String sid = new JsonObject(created.body()).getString("sid");
    assertTrue(sid.matches("SM[0-9a-f]{32}"), sid);
    assertEquals(List.of(0), twilio.created().stream().map(FakeTwilio.Message::instance).toList());
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    // Done when the gateway has both and the fake has heard its answers to both.
    while ((callbacks.size() < 2 || !twilio.callbackSummary().startsWith("status callbacks accepted 2"))
        && System.nanoTime() < until) {
      Thread.sleep(50);
    }
    assertEquals(List.of("/sms/twilio/status?key=k1 sent " + sid + " true",
        "/sms/twilio/status?key=k1 delivered " + sid + " true"), callbacks);
    assertTrue(twilio.callbackSummary().startsWith("status callbacks accepted 2, refused 0, not delivered 0"),
        twilio.callbackSummary());
  }

  @Test
  void countsACallbackTheGatewayRefusesApartFromOneNoInstanceTook() throws Exception {
    HttpServer refusing = vertx.createHttpServer().requestHandler(req -> req.response().setStatusCode(403).end("bad signature"))
        .listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    twilio.deliverCallbacksTo(List.of(refusing.actualPort()));
    create(0, "+254790000001", TOKEN).get(30, TimeUnit.SECONDS);
    awaitSummary("status callbacks accepted 0, refused 2, not delivered 0");
    assertEquals(2, twilio.callbacksRefused());
    int down;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      down = s.getLocalPort();
    }
    twilio.deliverCallbacksTo(List.of(down));
    create(0, "+254790000002", TOKEN).get(30, TimeUnit.SECONDS);
    awaitSummary("status callbacks accepted 0, refused 2, not delivered 2");
    assertEquals(2, twilio.callbacksRefused(), "an instance that is down refuses nothing");
  }

  private void awaitSummary(String summary) throws InterruptedException {
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (!twilio.callbackSummary().equals(summary) && System.nanoTime() < until) {
      Thread.sleep(50);
    }
    assertEquals(summary, twilio.callbackSummary());
  }

  @Test
  void listsMessagesByRecipientAndSenderForTheLookUpAfterACrash() throws Exception {
    create(0, "+254790000001", TOKEN).get(30, TimeUnit.SECONDS);
    create(1, "+254790000002", TOKEN).get(30, TimeUnit.SECONDS);
    HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(twilio.baseUrl(1) + "/2010-04-01/Accounts/"
        + SID + "/Messages.json?To=%2B254790000001&From=%2B254700000100&PageSize=50"))
        .header("Authorization", basic(TOKEN)).build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(200, page.statusCode());
    var messages = new JsonObject(page.body()).getJsonArray("messages");
    assertEquals(1, messages.size());
    assertEquals("+254790000001", messages.getJsonObject(0).getString("to"));
    assertEquals(1, twilio.lookups());
  }

  @Test
  void refusesOtherCredentials() throws Exception {
    assertEquals(401, create(0, "+254790000001", "not-the-token").get(30, TimeUnit.SECONDS).statusCode());
    assertEquals(1, twilio.refused());
    assertTrue(twilio.created().isEmpty());
  }

  @Test
  void holdsBackItsAnswersToOneInstanceUntilReleased() throws Exception {
    twilio.holdBack(1);
    CompletableFuture<HttpResponse<String>> held = create(1, "+254790000003", TOKEN);
    assertHeld(1, held);
    assertTrue(twilio.created().get(0).heldBack(), "the message exists at Twilio all the same");
    assertEquals(201, create(0, "+254790000004", TOKEN).get(30, TimeUnit.SECONDS).statusCode(), "others are answered");
    twilio.release(1);
    assertEquals(201, held.get(30, TimeUnit.SECONDS).statusCode());
    assertEquals(0, twilio.heldBack(1));
  }

  @Test
  void sendsNoCallbackForAHeldBackMessageWhenToldNotTo() throws Exception {
    twilio.callbacksForHeldBack(false);
    twilio.holdBack(0);
    CompletableFuture<HttpResponse<String>> held = create(0, "+254790000005", TOKEN);
    assertHeld(0, held);
    twilio.release(0);
    held.get(30, TimeUnit.SECONDS);
    // A message created later, answered at once, gets its callbacks; by then the held one's would be in.
    String later = new JsonObject(create(0, "+254790000006", TOKEN).get(30, TimeUnit.SECONDS).body()).getString("sid");
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (callbacks.size() < 2 && System.nanoTime() < until) {
      Thread.sleep(50);
    }
    assertEquals(List.of("/sms/twilio/status?key=k1 sent " + later + " true",
        "/sms/twilio/status?key=k1 delivered " + later + " true"), callbacks);
  }

  /** Waits until the request reached the fake and is held there, then checks it is still unanswered. */
  private void assertHeld(int instance, CompletableFuture<?> request) throws Exception {
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (twilio.heldBack(instance) == 0 && System.nanoTime() < until) {
      Thread.sleep(20);
    }
    assertEquals(1, twilio.heldBack(instance));
    try {
      request.get(300, TimeUnit.MILLISECONDS);
      assertFalse(true, "answered although held back");
    } catch (TimeoutException expected) {
      // still waiting, as it should
    }
  }

  private static String basic(String token) {
    return "Basic " + Base64.getEncoder().encodeToString((SID + ":" + token).getBytes(StandardCharsets.US_ASCII));
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

}
