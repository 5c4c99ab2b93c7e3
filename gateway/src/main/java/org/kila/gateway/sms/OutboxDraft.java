package org.kila.gateway.sms;

import java.time.Instant;
import java.util.UUID;
import org.kila.gateway.store.MessageKind;

/**
 * A text someone wants sent, before it is measured and keyed.
 *
 * @param cause what makes this text unique (see {@link OutboxKey}); the same cause is queued once
 * @param notBefore the earliest time to send it
 * @param surveyId the survey it is about, or null
 * @param sessionId the survey session it belongs to, or null
 */
public record OutboxDraft(
    MessageKind kind,
    String cause,
    String provider,
    UUID respondentId,
    String body,
    Instant notBefore,
    String surveyId,
    UUID sessionId) {}
