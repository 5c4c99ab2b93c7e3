package org.kila.gateway.store;

import java.time.Instant;
import java.util.UUID;

/**
 * A row of {@code sms_conversation}: the survey session a number's texts answer, on one provider.
 *
 * @param sessionId null until the number starts a survey
 * @param expiresAt after this, a text is no longer taken as an answer; null without a session
 * @param lastHelpAt when the last help text went to the number, or null
 */
public record SmsConversationRow(
    String provider,
    byte[] phoneHash,
    UUID respondentId,
    UUID sessionId,
    Instant expiresAt,
    Instant lastHelpAt,
    Instant updatedAt) {}
