package org.kila.gateway.store;

import java.time.Instant;
import java.util.UUID;

/**
 * An outbox row a sender has claimed (status {@code sending}, leased to it).
 *
 * @param attempts this attempt's number (1 for the first)
 * @param attemptStartedAt when this attempt began; a message found at the provider created before it
 *     is not this attempt's
 * @param leaseUntil the claimer's lease; its later update names it, so that a row re-leased to another
 *     sender after the lease lapsed is not updated by the first
 * @param optedOut the number opted out since the row was written: cancel it instead of sending
 */
public record ClaimedMessage(
    long id,
    String idempotencyKey,
    String provider,
    UUID respondentId,
    byte[] toEnc,
    String body,
    int segments,
    MessageKind kind,
    int attempts,
    Instant attemptStartedAt,
    Instant leaseUntil,
    boolean optedOut) {}
