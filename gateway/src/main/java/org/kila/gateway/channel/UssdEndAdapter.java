package org.kila.gateway.channel;

/**
 * One aggregator's end-of-session notification webhook: parses it into a neutral
 * {@link UssdSessionEnd} and formats the acknowledgement.
 */
public interface UssdEndAdapter {

  /** The same name as the aggregator's {@link UssdAdapter}. */
  String aggregator();

  Parsed<UssdSessionEnd> parse(WebhookRequest request);

  /** The HTTP answer once the notification has been recorded. */
  WebhookResponse acknowledge(UssdSessionEnd end);

  /** The HTTP answer to a notification this adapter refused. */
  WebhookResponse rejection(Parsed.Rejected<?> rejected);
}
