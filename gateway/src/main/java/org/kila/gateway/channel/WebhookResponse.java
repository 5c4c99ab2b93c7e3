package org.kila.gateway.channel;

/** What the HTTP route sends back to the aggregator: status, Content-Type and body text. */
public record WebhookResponse(int status, String contentType, String body) {

  public static final String TEXT_PLAIN = "text/plain; charset=utf-8";
  public static final String JSON = "application/json; charset=utf-8";
}
