package org.kila.gateway.channel;

/**
 * One aggregator's USSD webhook: parses its request into a neutral {@link UssdHop} and formats our
 * {@link UssdReply} the way it expects. Only parsing and formatting: no storage, no survey logic.
 */
public interface UssdAdapter {

  /** The name used in routes, metrics and stored sessions, e.g. {@code hubtel}. */
  String aggregator();

  Parsed<UssdHop> parse(WebhookRequest request);

  /** The HTTP answer that shows {@code reply} to the respondent of {@code hop}. */
  WebhookResponse reply(UssdHop hop, UssdReply reply);

  /** The HTTP answer to a request this adapter refused. */
  WebhookResponse rejection(Parsed.Rejected<?> rejected);
}
