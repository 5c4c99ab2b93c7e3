package org.kila.gateway.sms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.kila.gateway.sms.OutboxRig.awaitUntil;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.kila.gateway.testing.TestDatabase;

/**
 * Pacing and backoff for real: texts go out no faster than the configured rate, and when Twilio answers
 * 429 with Retry-After the whole sender waits that long before its next request, then carries on.
 */
class OutboxPacingTest {
  @RegisterExtension static final TestDatabase db = new TestDatabase();

  private static final int RATE = 5;
  private static final int TEXTS = 20;
  private static final int RETRY_AFTER_SECONDS = 2;

  private final OutboxRig rig = new OutboxRig(db.jdbi());

  @AfterEach
  void stop() {
    rig.close();
  }

  @Test
  void textsArePacedAndA429PausesTheSenderForItsRetryAfter() {
    List<Long> ids = new ArrayList<>();
    for (int i = 0; i < TEXTS; i++) {
      UUID respondent = rig.respondent(String.format("+2547110001%02d", i));
      ids.add(rig.enqueue(respondent, "paced-" + i, "Invitation " + i));
    }
    rig.twilio.answer(new FakeTwilioServer.Created(), new FakeTwilioServer.Created(), new FakeTwilioServer.Created(),
        new FakeTwilioServer.Created(), new FakeTwilioServer.Created(), new FakeTwilioServer.Created(),
        new FakeTwilioServer.Throttled(RETRY_AFTER_SECONDS));
    rig.startSender(rig.twilioProvider(), OutboxRig.settings(RATE, 5, Duration.ofSeconds(30)));

    awaitUntil(Duration.ofSeconds(30), "all sent", () -> ids.stream().allMatch(id -> rig.status(id).equals("sent")));

    List<FakeTwilioServer.Received> requests = rig.twilio.received();
    assertEquals(TEXTS + 1, requests.size(), "every text once, plus the one throttled attempt");
    assertEquals(TEXTS, rig.twilio.sent().size());

    // Pacing: in any two seconds, at most twice the rate plus the burst (a quarter of a second's worth, at
    // least 1), plus one. The times are when the fake server read each request: on a busy machine one sent
    // on time can be read late, next to the one after it, which a one-second window would count as a burst.
    // A sender that ignored the rate would put all 20 in well under two seconds.
    int burst = (int) Math.max(1, RATE / 4.0);
    for (FakeTwilioServer.Received first : requests) {
      long inWindow = requests.stream()
          .filter(r -> !r.at().isBefore(first.at()) && r.at().isBefore(first.at().plusSeconds(2))).count();
      assertTrue(inWindow <= 2 * RATE + burst + 1, inWindow + " requests in the two seconds from " + first.at());
    }

    // The 429 paused the whole sender for its Retry-After (less a little scheduling slack).
    Instant throttled = requests.stream().filter(r -> r.status() == 429).findFirst().orElseThrow().at();
    Instant next = requests.stream().map(FakeTwilioServer.Received::at).filter(t -> t.isAfter(throttled)).min(Instant::compareTo).orElseThrow();
    long paused = Duration.between(throttled, next).toMillis();
    assertTrue(paused >= RETRY_AFTER_SECONDS * 1000 - 100, "next request only " + paused + " ms after the 429");

    // The throttled text itself came back after the wait and went out on its second attempt.
    long retried = ids.stream().filter(id -> ((Integer) rig.row(id).get("attempts")) == 2).count();
    assertEquals(1, retried);
    assertEquals(1.0, rig.counter("kila.sms.retries"));

    Duration total = Duration.between(requests.get(0).at(), requests.get(requests.size() - 1).at());
    long floor = (TEXTS - RATE) * 1000L / RATE + RETRY_AFTER_SECONDS * 1000L - 500;
    assertTrue(total.toMillis() >= floor, "20 texts at 5/s with a 2 s pause took only " + total.toMillis() + " ms");
  }
}
