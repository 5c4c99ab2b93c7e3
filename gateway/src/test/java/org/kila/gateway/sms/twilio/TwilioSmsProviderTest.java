package org.kila.gateway.sms.twilio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.kila.gateway.sms.FakeTwilioServer;
import org.kila.gateway.sms.OutgoingSms;
import org.kila.gateway.sms.PriorSend;
import org.kila.gateway.sms.SendResult;

/** The Twilio provider against the fake Twilio server: what one send attempt reports for each answer. */
class TwilioSmsProviderTest {
  private static final String FROM = "+254700000100";
  private static final OutgoingSms MESSAGE = new OutgoingSms("ob-41", "+254711000111", "Your age?\n1. Under 18\n2. 18-35");

  private final FakeTwilioServer twilio = new FakeTwilioServer();
  private final TwilioSmsProvider provider = provider(Duration.ofSeconds(5));

  private TwilioSmsProvider provider(Duration timeout) {
    return new TwilioSmsProvider(FakeTwilioServer.ACCOUNT_SID, FakeTwilioServer.AUTH_TOKEN, FROM, twilio.baseUrl(),
        "https://kila.example.org/", timeout, Clock.systemUTC());
  }

  @AfterEach
  void stop() {
    twilio.close();
  }

  @Test
  void aCreatedMessageIsSentWithItsIdAndAsksForCallbacksCarryingItsKey() {
    SendResult result = provider.send(MESSAGE);

    FakeTwilioServer.Received request = twilio.received().get(0);
    assertEquals(new SendResult.Sent(request.sid()), result);
    assertEquals("+254711000111", request.to());
    assertEquals(FROM, request.from());
    assertEquals(MESSAGE.body(), request.body());
    assertEquals("https://kila.example.org/sms/twilio/status?key=ob-41", request.statusCallback());
  }

  @Test
  void throttlingIsTransientWithTheWaitTwilioAskedFor() {
    twilio.answer(new FakeTwilioServer.Throttled(7));
    SendResult result = provider.send(MESSAGE);
    SendResult.Transient retry = assertInstanceOf(SendResult.Transient.class, result);
    assertEquals(Duration.ofSeconds(7), retry.retryAfter());
  }

  @Test
  void aServerErrorIsTransientAndTriedOnlyOnce() {
    twilio.answer(new FakeTwilioServer.ServerError());
    SendResult result = provider.send(MESSAGE);
    SendResult.Transient retry = assertInstanceOf(SendResult.Transient.class, result);
    assertNull(retry.retryAfter());
    // The SDK's own client would have tried three times; the outbox must see and count every attempt.
    assertEquals(1, twilio.received().size());
  }

  @Test
  void aServerThatTookTheRequestButNeverAnswersLeavesTheTextInDoubtOnceTheTimeoutPasses() {
    twilio.answer(new FakeTwilioServer.Hang());
    long start = System.nanoTime();
    SendResult result = provider(Duration.ofMillis(300)).send(MESSAGE);
    long millis = (System.nanoTime() - start) / 1_000_000;
    // The request went out: Twilio may have created the message, so it must not simply be sent again.
    assertInstanceOf(SendResult.InDoubt.class, result);
    assertTrue(millis < 5_000, "gave up after " + millis + " ms");
  }

  @Test
  void anOptedOutNumberIsPermanentAndSaysSo() {
    twilio.answer(new FakeTwilioServer.Refused(400, 21610, "Attempt to send to unsubscribed recipient"));
    SendResult result = provider.send(MESSAGE);
    assertEquals(new SendResult.Permanent("HTTP 400: Attempt to send to unsubscribed recipient", "21610", true), result);
  }

  @Test
  void anInvalidNumberIsPermanent() {
    twilio.answer(new FakeTwilioServer.Refused(400, 21211, "Invalid 'To' Phone Number"));
    SendResult result = provider.send(MESSAGE);
    assertEquals(new SendResult.Permanent("HTTP 400: Invalid 'To' Phone Number", "21211", false), result);
  }

  @Test
  void refusedCredentialsAreTransientSoTheOutboxIsNotFailedWholesale() {
    TwilioSmsProvider wrongToken = new TwilioSmsProvider(FakeTwilioServer.ACCOUNT_SID, "not-the-token", FROM,
        twilio.baseUrl(), null, Duration.ofSeconds(5), Clock.systemUTC());
    assertInstanceOf(SendResult.Transient.class, wrongToken.send(MESSAGE));
  }

  @Test
  void anUnreachableServerIsTransient() {
    twilio.close();
    assertInstanceOf(SendResult.Transient.class, provider.send(MESSAGE));
  }

  @Test
  void aMessageTwilioCreatedIsFoundAfterACrash() {
    Instant attempt = Instant.now();
    SendResult.Sent sent = (SendResult.Sent) provider.send(MESSAGE);
    provider.send(new OutgoingSms("ob-42", "+254711000111", "Something else"));
    provider.send(new OutgoingSms("ob-43", "+254722000222", MESSAGE.body()));

    assertEquals(new PriorSend.Found(List.of(sent.providerMessageId())), provider.lookup(MESSAGE, attempt));
  }

  @Test
  void aMessageThatNeverReachedTwilioIsNotFound() {
    twilio.answer(new FakeTwilioServer.ServerError());
    provider.send(MESSAGE);
    assertEquals(new PriorSend.NotFound(), provider.lookup(MESSAGE, Instant.now()));
  }

  @Test
  void anOlderIdenticalMessageIsNotMistakenForTheInterruptedOne() {
    provider.send(MESSAGE);
    assertEquals(new PriorSend.NotFound(), provider.lookup(MESSAGE, Instant.now().plus(Duration.ofMinutes(10))));
  }

  @Test
  void aLookupThatCannotReachTwilioSaysSo() {
    twilio.close();
    assertInstanceOf(PriorSend.Unreachable.class, provider.lookup(MESSAGE, Instant.now()));
  }
}
