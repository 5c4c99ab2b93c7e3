package org.kila.gateway.sms;

import java.time.Clock;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.kila.gateway.store.NewOutboxMessage;
import org.kila.gateway.store.OutboxDao;

/**
 * Writes outgoing texts into the outbox, on the caller's handle: a reply is queued in the same
 * transaction as the answer that causes it, so either both are stored or neither is. The outbox sender
 * sends them later; nothing here talks to a provider.
 */
public final class Outbox {
  private final Clock clock;
  private final SmsMetrics metrics;

  public Outbox(Clock clock, SmsMetrics metrics) {
    this.clock = clock;
    this.metrics = metrics;
  }

  /**
   * Queues {@code draft}. Empty when the same cause was queued before, or when the number opted out
   * (only an opt-out acknowledgement still reaches an opted-out number).
   */
  public Optional<Long> enqueue(Handle handle, OutboxDraft draft) {
    SmsBody body = SmsBody.of(draft.body());
    Optional<Long> id = handle.attach(OutboxDao.class).enqueue(new NewOutboxMessage(
        OutboxKey.of(draft.cause()),
        draft.provider(),
        draft.respondentId(),
        body.text(),
        body.segments(),
        body.encoding(),
        draft.kind(),
        draft.notBefore() == null ? clock.instant() : draft.notBefore(),
        draft.surveyId(),
        draft.sessionId()), clock.instant());
    id.ifPresent(queued -> metrics.queued(draft.kind()));
    return id;
  }
}
