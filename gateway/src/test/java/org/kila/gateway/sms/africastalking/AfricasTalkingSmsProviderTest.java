package org.kila.gateway.sms.africastalking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.kila.gateway.sms.OutgoingSms;
import org.kila.gateway.sms.PriorSend;
import org.kila.gateway.sms.SendResult;

/**
 * The Africa's Talking provider against a local server answering as their SMS API does: what one send
 * attempt reports for each answer, and what it sent.
 */
class AfricasTalkingSmsProviderTest {
  private static final OutgoingSms MESSAGE = new OutgoingSms("ob-7", "+254711000111", "Habari! Jibu 1 au 2");

  private final Vertx vertx = Vertx.vertx();
  private final List<MultiMap> requests = new CopyOnWriteArrayList<>();
  private final List<MultiMap> headers = new CopyOnWriteArrayList<>();
  private volatile int status = 201;
  private volatile String body = "";
  private volatile String retryAfter;
  private final HttpServer server;

  AfricasTalkingSmsProviderTest() throws Exception {
    server = vertx.createHttpServer().requestHandler(request -> {
      request.setExpectMultipart(true);
      request.endHandler(v -> {
        if (!request.path().equals("/version1/messaging")) {
          request.response().setStatusCode(404).end();
          return;
        }
        requests.add(request.formAttributes());
        headers.add(request.headers());
        if (retryAfter != null) {
          request.response().putHeader("Retry-After", retryAfter);
        }
        request.response().setStatusCode(status).putHeader("Content-Type", "application/json").end(body);
      });
    });
    server.listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  @AfterEach
  void stop() throws Exception {
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  private AfricasTalkingSmsProvider provider() {
    return new AfricasTalkingSmsProvider(URI.create("http://127.0.0.1:" + server.actualPort() + "/"), "kila", "at-key-123",
        "21525", Duration.ofSeconds(5), Clock.systemUTC());
  }

  private void answer(int httpStatus, int recipientCode, String recipientStatus, String messageId) {
    status = httpStatus;
    body = "{\"SMSMessageData\":{\"Message\":\"Sent to 1/1 Total Cost: KES 0.8000\",\"Recipients\":[{\"statusCode\":"
        + recipientCode + ",\"number\":\"+254711000111\",\"status\":\"" + recipientStatus + "\",\"cost\":\"KES 0.8000\",\"messageId\":\""
        + messageId + "\"}]}}";
  }

  @Test
  void anAcceptedMessageIsSentWithItsIdAndTheRequestCarriesKeyAndFields() {
    answer(201, 101, "Success", "ATXid_1f2e3d");
    assertEquals(new SendResult.Sent("ATXid_1f2e3d"), provider().send(MESSAGE));
    MultiMap form = requests.get(0);
    assertEquals("kila", form.get("username"));
    assertEquals("+254711000111", form.get("to"));
    assertEquals("Habari! Jibu 1 au 2", form.get("message"));
    assertEquals("21525", form.get("from"));
    assertEquals("at-key-123", headers.get(0).get("apiKey"));
  }

  @Test
  void aBlacklistedNumberIsPermanentAndOptedOut() {
    answer(201, 406, "UserInBlacklist", "None");
    assertEquals(new SendResult.Permanent("UserInBlacklist (406)", "406", true), provider().send(MESSAGE));
  }

  @Test
  void anInvalidNumberIsPermanent() {
    answer(201, 403, "InvalidPhoneNumber", "None");
    assertEquals(new SendResult.Permanent("InvalidPhoneNumber (403)", "403", false), provider().send(MESSAGE));
  }

  @Test
  void anEmptyBalanceIsTransient() {
    answer(201, 405, "InsufficientBalance", "None");
    assertInstanceOf(SendResult.Transient.class, provider().send(MESSAGE));
  }

  @Test
  void throttlingIsTransientWithItsRetryAfter() {
    status = 429;
    body = "Too many requests";
    retryAfter = "12";
    SendResult.Transient result = assertInstanceOf(SendResult.Transient.class, provider().send(MESSAGE));
    assertEquals(Duration.ofSeconds(12), result.retryAfter());
  }

  @Test
  void aServerErrorIsTransient() {
    status = 502;
    body = "Bad gateway";
    assertInstanceOf(SendResult.Transient.class, provider().send(MESSAGE));
  }

  @Test
  void aRefusedRequestIsPermanent() {
    status = 400;
    body = "Invalid message";
    assertEquals(new SendResult.Permanent("HTTP 400: Invalid message", null, false), provider().send(MESSAGE));
  }

  @Test
  void anUnreadableSuccessIsNotRetriedBecauseItMayHaveBeenSent() {
    status = 201;
    body = "<html>ok</html>";
    assertInstanceOf(SendResult.Permanent.class, provider().send(MESSAGE));
  }

  @Test
  void anUnreachableServerIsTransient() throws Exception {
    AfricasTalkingSmsProvider provider = provider();
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    assertInstanceOf(SendResult.Transient.class, provider.send(MESSAGE));
  }

  @Test
  void anInterruptedSendCannotBeLookedUp() {
    assertEquals(new PriorSend.Unsupported(), provider().lookup(MESSAGE, Instant.now()));
  }
}
