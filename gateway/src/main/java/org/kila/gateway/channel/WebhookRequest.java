package org.kila.gateway.channel;

import java.util.Map;

/**
 * An aggregator's HTTP call as an adapter sees it, free of any web framework: the HTTP route copies
 * the request into this record and hands it to an adapter.
 *
 * @param contentType the Content-Type header as sent, or null when there was none
 * @param headers every header, names in lower case
 * @param body the raw body bytes, undecoded
 * @param remoteAddress the caller's address, for logs and allow-lists
 */
public record WebhookRequest(String contentType, Map<String, String> headers, byte[] body, String remoteAddress) {

  public WebhookRequest {
    headers = headers == null ? Map.of() : Map.copyOf(headers);
    body = body == null ? new byte[0] : body.clone();
  }

  @Override
  public byte[] body() {
    return body.clone();
  }

  /** The number of body bytes, without copying them. */
  public int bodyLength() {
    return body.length;
  }
}
