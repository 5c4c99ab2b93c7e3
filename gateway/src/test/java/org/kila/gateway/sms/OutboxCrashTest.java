package org.kila.gateway.sms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.kila.gateway.sms.OutboxRig.awaitUntil;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.kila.gateway.channel.DeliveryReport;
import org.kila.gateway.channel.DeliveryStatus;
import org.kila.gateway.testing.TestDatabase;

/**
 * The sender is killed between handing a text to the provider and recording it, then a new sender
 * starts, as after a crash and restart. No text may be lost, and none sent twice.
 */
class OutboxCrashTest {
  @RegisterExtension static final TestDatabase db = new TestDatabase();

  private static final Duration LEASE = Duration.ofSeconds(1);
  private static final Duration WAIT = Duration.ofSeconds(20);

  private final OutboxRig rig = new OutboxRig(db.jdbi());

  @BeforeEach
  void emptyOutbox() {
    db.jdbi().useHandle(h -> h.execute("DELETE FROM sms_outbox"));
  }

  @AfterEach
  void stop() {
    rig.close();
  }

  /** A provider that dies like its process would: after (or before) the real call, before any record. */
  private static final class Crashing implements SmsProvider {
    final SmsProvider real;
    final boolean afterTheCall;
    final AtomicInteger calls = new AtomicInteger();

    Crashing(SmsProvider real, boolean afterTheCall) {
      this.real = real;
      this.afterTheCall = afterTheCall;
    }

    @Override public String name() { return real.name(); }
    @Override public String sender() { return real.sender(); }

    @Override
    public SendResult send(OutgoingSms message) {
      if (afterTheCall) {
        real.send(message);
      }
      calls.incrementAndGet();
      throw new Error("the process was killed here");
    }

    @Override
    public PriorSend lookup(OutgoingSms message, Instant attemptStarted) {
      return real.lookup(message, attemptStarted);
    }
  }

  /** Kills the sender once its one attempt has happened, leaving the row as a crash would. */
  private Crashing crashOnce(long id, boolean afterTheCall) {
    Crashing crashing = new Crashing(rig.twilioProvider(), afterTheCall);
    rig.startSender(crashing, OutboxRig.settings(50, 5, LEASE));
    awaitUntil(WAIT, "the attempt", () -> crashing.calls.get() == 1);
    rig.killSender();
    assertEquals("sending", rig.status(id), "killed before recording: the row is still being sent");
    return crashing;
  }

  @Test
  void killedAfterTwilioTookTheTextItIsRecordedAsSentAndNeverSentAgain() {
    long id = rig.enqueue(rig.respondent("+254711000011"), "crash-after", "Your age?");
    crashOnce(id, true);
    assertEquals(1, rig.twilio.sent().size());

    rig.startSender(rig.twilioProvider(), OutboxRig.settings(50, 5, LEASE));
    awaitUntil(WAIT, "the restarted sender to settle the row", () -> rig.status(id).equals("sent"));

    assertSentOnceAndLookedUp(id);
  }

  @Test
  void aSendWhoseAnswerNeverCameBackIsLookedUpAndNotSentAgain() {
    long id = rig.enqueue(rig.respondent("+254711000014"), "unanswered", "Your age?");
    rig.twilio.answer(new FakeTwilioServer.CreatedUnanswered());
    // The provider times out after 2 s; the lease outlasts it, as in production.
    rig.startSender(rig.twilioProvider(), OutboxRig.settings(50, 5, Duration.ofSeconds(5)));
    awaitUntil(WAIT, "the unanswered text to be settled", () -> rig.status(id).equals("sent"));

    assertSentOnceAndLookedUp(id);
  }

  /** Twilio got the text exactly once, the row holds its id, and the sender asked Twilio instead of resending. */
  private void assertSentOnceAndLookedUp(long id) {
    assertEquals(1, rig.twilio.sent().size(), "Twilio created the text once");
    assertEquals(1, rig.twilio.received().size(), "and was never asked to send it again");
    assertEquals(rig.twilio.sent().get(0).sid(), rig.row(id).get("provider_message_id"));
    assertTrue(rig.twilio.lookups() >= 1, "the sender asked Twilio instead of resending");
  }

  @Test
  void aSendThatNeverReachedTwilioIsSentAgainOnce() {
    long id = rig.enqueue(rig.respondent("+254711000015"), "hung-up", "Your age?");
    rig.twilio.answer(new FakeTwilioServer.Hang());
    rig.startSender(rig.twilioProvider(), OutboxRig.settings(50, 5, Duration.ofSeconds(5)));
    awaitUntil(WAIT, "the text to be sent after the look-up found nothing", () -> rig.status(id).equals("sent"));

    assertEquals(1, rig.twilio.sent().size(), "not lost: sent once");
    assertEquals(rig.twilio.sent().get(0).sid(), rig.row(id).get("provider_message_id"));
    assertTrue(rig.twilio.lookups() >= 1, "asked first");
  }

  @Test
  void killedBeforeTwilioGotTheTextItIsSentOnceAfterTheRestart() {
    long id = rig.enqueue(rig.respondent("+254711000012"), "crash-before", "Your age?");
    crashOnce(id, false);
    assertEquals(0, rig.twilio.received().size());

    rig.startSender(rig.twilioProvider(), OutboxRig.settings(50, 5, LEASE));
    awaitUntil(WAIT, "sent after the restart", () -> rig.status(id).equals("sent"));

    assertEquals(1, rig.twilio.sent().size(), "not lost: sent once");
    assertEquals(rig.twilio.sent().get(0).sid(), rig.row(id).get("provider_message_id"));
  }

  @Test
  void aStatusCallbackCarryingTheKeySettlesTheRowBeforeAnyLookUp() {
    long id = rig.enqueue(rig.respondent("+254711000013"), "crash-callback", "Your age?");
    crashOnce(id, true);
    String sid = rig.twilio.sent().get(0).sid();
    String key = (String) rig.row(id).get("idempotency_key");

    new DeliveryReports(db.jdbi(), rig.metrics, java.time.Clock.systemUTC())
        .apply(new DeliveryReport("twilio", sid, key, DeliveryStatus.SENT, null, false, Instant.now()));

    assertEquals("sent", rig.status(id));
    assertEquals(sid, rig.row(id).get("provider_message_id"));
    rig.startSender(rig.twilioProvider(), OutboxRig.settings(50, 5, LEASE));
    sleep(LEASE.multipliedBy(3));
    assertEquals(1, rig.twilio.received().size(), "never sent again");
    assertEquals(0, rig.twilio.lookups(), "nothing left to look up");
  }

  @Test
  void aProviderThatCannotBeAskedGetsTheRowFailedRatherThanSentTwice() {
    long id = rig.enqueue(rig.respondent("+254711000014"), "crash-blind", "Your age?");
    crashOnce(id, true);
    SmsProvider twilio = rig.twilioProvider();
    SmsProvider blind = new SmsProvider() { // as Africa's Talking: sends, but has no look-up
      @Override public String name() { return twilio.name(); }
      @Override public String sender() { return twilio.sender(); }
      @Override public SendResult send(OutgoingSms message) { return twilio.send(message); }
      @Override public PriorSend lookup(OutgoingSms message, Instant attemptStarted) { return new PriorSend.Unsupported(); }
    };

    rig.startSender(blind, OutboxRig.settings(50, 5, LEASE));
    awaitUntil(WAIT, "the row given up", () -> rig.status(id).equals("failed"));
    assertEquals(1, rig.twilio.received().size());
    assertTrue(((String) rig.row(id).get("last_error")).contains("cannot be asked whether it went out"));
  }

  private static void sleep(Duration d) {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
