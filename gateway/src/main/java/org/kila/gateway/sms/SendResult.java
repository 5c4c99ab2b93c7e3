package org.kila.gateway.sms;

import java.time.Duration;

/** What became of one attempt to hand a message to a provider. */
public sealed interface SendResult {

  /** The provider accepted the message and gave it this id. */
  record Sent(String providerMessageId) implements SendResult {}

  /**
   * Worth trying again later: throttled (HTTP 429), a provider error (5xx), a timeout or a refused
   * connection. {@code retryAfter}: how long the provider asked us to wait, or null when it did not say.
   */
  record Transient(String reason, Duration retryAfter) implements SendResult {}

  /**
   * Unknown: the request went out and no answer came back (it timed out, or the connection was lost
   * mid-answer), so the provider may have taken the text. Sending again could send it twice; the outbox
   * asks the provider instead, as after a crash mid-send.
   */
  record InDoubt(String reason) implements SendResult {}

  /**
   * Never worth trying again: the provider refused this message (an invalid number, a blocked
   * destination ...). {@code code}: the provider's error code, or null. {@code recipientOptedOut}: the
   * provider refused because the number opted out (Twilio 21610, Africa's Talking 406), which we must
   * remember so no other send path tries either.
   */
  record Permanent(String reason, String code, boolean recipientOptedOut) implements SendResult {}
}
