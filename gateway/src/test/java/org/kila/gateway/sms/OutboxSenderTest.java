package org.kila.gateway.sms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.kila.gateway.sms.OutboxRig.awaitUntil;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.kila.gateway.store.MessageKind;
import org.kila.gateway.store.OptOutDao;
import org.kila.gateway.testing.TestDatabase;

/** The outbox sender against the fake Twilio server: what is sent, retried, given up and withdrawn. */
class OutboxSenderTest {
  @RegisterExtension static final TestDatabase db = new TestDatabase();

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

  @Test
  void queuedTextsGoOutOnceEachAndAreRecordedAsSent() {
    UUID amina = rig.respondent("+254711000001");
    long first = rig.enqueue(amina, "reply-1", "What is your gender?\n1. Female\n2. Male");
    long second = rig.enqueue(amina, "reply-2", "Jinsia yako ni ipi? 🙂");
    rig.startSender(rig.twilioProvider(), OutboxRig.settings(50, 3, Duration.ofSeconds(30)));

    awaitUntil(WAIT, "both sent", () -> rig.status(first).equals("sent") && rig.status(second).equals("sent"));
    assertEquals(2, rig.twilio.received().size());
    FakeTwilioServer.Received gender = rig.twilio.received().stream()
        .filter(r -> r.body().startsWith("What is your gender?")).findFirst().orElseThrow();
    assertEquals("+254711000001", gender.to());
    assertEquals(OutboxRig.FROM, gender.from());
    assertEquals(gender.sid(), rig.row(first).get("provider_message_id"));
    assertEquals("ucs2", rig.row(second).get("encoding"), "an emoji makes the text UCS-2");
    assertEquals(2.0, rig.counter("kila.sms.outbound", "status", "sent"));
    assertEquals(2.0, rig.counter("kila.sms.segments"));
  }

  @Test
  void theSameCauseIsQueuedOnce() {
    UUID baraka = rig.respondent("+254711000002");
    rig.enqueue(baraka, "reply-to-SM1", "Thank you!");
    Optional<Long> again = db.jdbi().inTransaction(h -> rig.outbox.enqueue(h, new OutboxDraft(MessageKind.PROMPT,
        "reply-to-SM1", "twilio", baraka, "Thank you!", null, null, null)));
    assertEquals(Optional.empty(), again);
  }

  @Test
  void aServerErrorIsRetriedAfterABackoff() {
    rig.twilio.answer(new FakeTwilioServer.ServerError(), new FakeTwilioServer.ServerError());
    long id = rig.enqueue(rig.respondent("+254711000003"), "retry", "Your age?");
    rig.startSender(rig.twilioProvider(), OutboxRig.settings(50, 5, Duration.ofSeconds(30)));

    awaitUntil(WAIT, "sent on the third attempt", () -> rig.status(id).equals("sent"));
    List<FakeTwilioServer.Received> tries = rig.twilio.received();
    assertEquals(3, tries.size());
    assertEquals(3, rig.row(id).get("attempts"));
    // base 200 ms with equal jitter: at least 100 ms, then at least 200 ms.
    assertTrue(Duration.between(tries.get(0).at(), tries.get(1).at()).toMillis() >= 100, "first backoff");
    assertTrue(Duration.between(tries.get(1).at(), tries.get(2).at()).toMillis() >= 200, "second backoff doubles");
    assertEquals(2.0, rig.counter("kila.sms.retries"));
  }

  @Test
  void aTextThatKeepsFailingIsGivenUpAfterTheLastAttempt() {
    rig.twilio.otherwise(new FakeTwilioServer.ServerError());
    long id = rig.enqueue(rig.respondent("+254711000004"), "doomed", "Your age?");
    rig.startSender(rig.twilioProvider(), OutboxRig.settings(50, 3, Duration.ofSeconds(30)));

    awaitUntil(WAIT, "given up", () -> rig.status(id).equals("failed"));
    assertEquals(3, rig.twilio.received().size());
    assertTrue(((String) rig.row(id).get("last_error")).startsWith("gave up after 3 attempts"), (String) rig.row(id).get("last_error"));
  }

  @Test
  void aPermanentRefusalIsNotRetriedAndKeepsItsReason() {
    rig.twilio.answer(new FakeTwilioServer.Refused(400, 21211, "Invalid 'To' Phone Number"));
    long id = rig.enqueue(rig.respondent("+254711000005"), "invalid", "Your age?");
    rig.startSender(rig.twilioProvider(), OutboxRig.settings(50, 5, Duration.ofSeconds(30)));

    awaitUntil(WAIT, "failed", () -> rig.status(id).equals("failed"));
    assertEquals(1, rig.twilio.received().size());
    assertEquals("21211", rig.row(id).get("error_code"));
    assertEquals("HTTP 400: Invalid 'To' Phone Number", rig.row(id).get("last_error"));
  }

  @Test
  void twilioSayingTheNumberOptedOutStoresTheOptOutAndWithdrawsItsOtherTexts() {
    UUID chidi = rig.respondent("+254711000006");
    rig.twilio.answer(new FakeTwilioServer.Refused(400, 21610, "Attempt to send to unsubscribed recipient"));
    long refused = rig.enqueue(chidi, "first", "Your age?");
    long later = db.jdbi().inTransaction(h -> rig.outbox.enqueue(h, new OutboxDraft(MessageKind.REMINDER, "later",
        "twilio", chidi, "A reminder", Instant.now().plusSeconds(1), null, null))).orElseThrow();
    rig.startSender(rig.twilioProvider(), OutboxRig.settings(50, 5, Duration.ofSeconds(30)));

    awaitUntil(WAIT, "refused", () -> rig.status(refused).equals("failed"));
    assertTrue(db.jdbi().onDemand(OptOutDao.class).isOptedOut(rig.vault.hash("+254711000006")));
    awaitUntil(WAIT, "the later text withdrawn", () -> rig.status(later).equals("cancelled"));
    assertEquals(1, rig.twilio.received().size(), "nothing more was sent to the number");
    assertEquals(Optional.empty(), db.jdbi().inTransaction(h -> rig.outbox.enqueue(h, new OutboxDraft(MessageKind.PROMPT,
        "after", "twilio", chidi, "Another", null, null, null))), "nor can be queued");
    assertEquals(1.0, rig.counter("kila.sms.opt.outs", "source", "provider_refusal"));
  }

  @Test
  void anOptedOutNumberGetsNothingButTheAcknowledgement() {
    UUID dawit = rig.respondent("+254711000007");
    long queued = rig.enqueue(dawit, "before-stop", "Question 3");
    db.jdbi().useTransaction(h -> new OptOuts(java.time.Clock.systemUTC(), rig.metrics)
        .optOut(h, rig.vault.hash("+254711000007"), OptOutDao.Source.KEYWORD));
    Optional<Long> prompt = db.jdbi().inTransaction(h -> rig.outbox.enqueue(h, new OutboxDraft(MessageKind.PROMPT,
        "after-stop", "twilio", dawit, "Question 4", null, null, null)));
    Optional<Long> ack = db.jdbi().inTransaction(h -> rig.outbox.enqueue(h, new OutboxDraft(MessageKind.OPTOUT_ACK,
        "stop-ack", "twilio", dawit, "You will get no more messages. Send START to join again.", null, null, null)));
    rig.startSender(rig.twilioProvider(), OutboxRig.settings(50, 3, Duration.ofSeconds(30)));

    awaitUntil(WAIT, "acknowledgement sent", () -> rig.status(ack.orElseThrow()).equals("sent"));
    assertEquals(Optional.empty(), prompt);
    assertEquals("cancelled", rig.status(queued));
    assertEquals(List.of("You will get no more messages. Send START to join again."),
        rig.twilio.received().stream().map(FakeTwilioServer.Received::body).toList());
  }
}
