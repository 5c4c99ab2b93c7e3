package org.kila.gateway.store;

import java.time.Instant;
import java.util.UUID;

/**
 * A text to put in the outbox: its recipient is a respondent, whose encrypted number is copied onto the
 * row, so the message goes where it was meant to even if the respondent's number is re-encrypted later.
 *
 * @param idempotencyKey unique per message (see {@code sms.OutboxKey}); enqueueing the same key twice
 *     stores it once
 * @param notBefore the earliest time to send it (now, or the end of quiet hours)
 * @param surveyId the survey it is about, or null
 * @param sessionId the survey session it belongs to, or null
 */
public record NewOutboxMessage(
    String idempotencyKey,
    String provider,
    UUID respondentId,
    String body,
    int segments,
    SmsEncoding encoding,
    MessageKind kind,
    Instant notBefore,
    String surveyId,
    UUID sessionId) {}
