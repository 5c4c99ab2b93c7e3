package org.kila.gateway.channel;

import java.time.Instant;

/**
 * A provider's news about a message we sent, normalised.
 *
 * @param providerMessageId the id the provider gave the message when we sent it
 * @param outboxKey our idempotency key of the message when the provider echoes it back (Twilio calls the
 *     status callback URL we gave it, which carries the key), else null; it lets a report find a message
 *     whose provider id we never stored because we crashed between sending and recording
 * @param errorCode the provider's error code for a failed message, or null
 * @param recipientOptedOut the provider says the number blocked our messages (Twilio 21610, Africa's
 *     Talking UserInBlackList): the number is to be treated as opted out
 * @param at when the report was received (providers do not reliably say when the status changed)
 */
public record DeliveryReport(
    String provider,
    String providerMessageId,
    String outboxKey,
    DeliveryStatus status,
    String errorCode,
    boolean recipientOptedOut,
    Instant at) {}
