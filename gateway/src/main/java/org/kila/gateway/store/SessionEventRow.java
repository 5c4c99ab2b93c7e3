package org.kila.gateway.store;

import java.time.Instant;
import java.util.UUID;

/**
 * A data-quality event of a session.
 *
 * @param questionId the question concerned, or null
 * @param detail a short reason (e.g. the validation hint given), never a phone number, or null
 */
public record SessionEventRow(UUID sessionId, SessionEventKind kind, String questionId, String detail,
    Instant occurredAt) {}
