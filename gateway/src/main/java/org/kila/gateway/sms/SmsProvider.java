package org.kila.gateway.sms;

import java.time.Instant;

/**
 * The port through which the outbox hands messages to an SMS provider. Implementations block (they make
 * an HTTP call), so they are only ever called off the event loop; they never retry on their own, because
 * the outbox owns retries, pacing and the record of every attempt.
 */
public interface SmsProvider {

  /** The provider's name, as in webhook routes and stored rows, e.g. {@code twilio}. */
  String name();

  /** The number or sender id messages go out from; the outbox paces sends per sender. */
  String sender();

  /** One attempt to send; never throws for a provider's refusal or a network failure. */
  SendResult send(OutgoingSms message);

  /**
   * Whether a message like {@code message} was accepted by the provider since {@code attemptStarted}:
   * asked for a row whose send was interrupted, before sending it again.
   */
  PriorSend lookup(OutgoingSms message, Instant attemptStarted);
}
