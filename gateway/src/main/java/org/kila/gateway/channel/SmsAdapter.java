package org.kila.gateway.channel;

/**
 * One SMS provider's inbound message webhook: authenticates the request, parses it into a neutral
 * {@link SmsInbound} and formats the acknowledgement. Replies to the respondent never go in the
 * acknowledgement: they go through the outbox, so they are paced, retried and recorded.
 */
public interface SmsAdapter {

  /** The name used in routes, metrics and stored messages, e.g. {@code twilio}. */
  String provider();

  /**
   * {@code target}: the request's path and query exactly as received (e.g.
   * {@code /sms/africastalking/s3cret} or {@code /sms/twilio?x=1}), which some providers sign and others
   * carry a secret in.
   */
  Parsed<SmsInbound> parse(WebhookRequest request, String target);

  /** The HTTP answer once the message has been recorded. */
  WebhookResponse acknowledge(SmsInbound inbound);

  /** The HTTP answer to a request this adapter refused. */
  WebhookResponse rejection(Parsed.Rejected<?> rejected);
}
