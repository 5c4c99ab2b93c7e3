package org.kila.gateway.channel;

/**
 * One SMS provider's delivery status webhook: authenticates it, parses it into a neutral
 * {@link DeliveryReport} and formats the acknowledgement.
 */
public interface DeliveryReportAdapter {

  /** The same name as the provider's {@link SmsAdapter}. */
  String provider();

  /** {@code target}: the request's path and query exactly as received, as for {@link SmsAdapter#parse}. */
  Parsed<DeliveryReport> parse(WebhookRequest request, String target);

  /** The HTTP answer once the report has been recorded. */
  WebhookResponse acknowledge(DeliveryReport report);

  /** The HTTP answer to a report this adapter refused. */
  WebhookResponse rejection(Parsed.Rejected<?> rejected);
}
