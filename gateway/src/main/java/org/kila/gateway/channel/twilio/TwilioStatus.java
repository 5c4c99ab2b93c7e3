package org.kila.gateway.channel.twilio;

import java.time.Clock;
import java.util.Map;
import java.util.regex.Pattern;
import org.kila.gateway.channel.BodyDecoder;
import org.kila.gateway.channel.DeliveryReport;
import org.kila.gateway.channel.DeliveryReportAdapter;
import org.kila.gateway.channel.DeliveryStatus;
import org.kila.gateway.channel.Parsed;
import org.kila.gateway.channel.RequiredFields;
import org.kila.gateway.channel.WebhookRequest;
import org.kila.gateway.channel.WebhookResponse;

/**
 * Twilio's message status callback: a signed form POST of MessageSid, MessageStatus and, for failed
 * messages, ErrorCode, sent to the StatusCallback URL we gave with the message. See
 * https://www.twilio.com/docs/messaging/guides/track-outbound-message-status
 *
 * <p>That URL carries the message's outbox key as {@code ?key=...}, so a callback can find a message
 * whose Twilio id we never stored (a crash between sending and recording). The query is part of what
 * Twilio signs, so the key cannot be forged.
 */
public final class TwilioStatus implements DeliveryReportAdapter {
  /** The query parameter of the status callback URL that carries the outbox key. */
  public static final String KEY_PARAMETER = "key";

  private static final Pattern KEY = Pattern.compile("[A-Za-z0-9_-]{1,80}");
  /** Twilio's error for a number that replied STOP to us. */
  private static final String OPTED_OUT = "21610";

  /** Twilio's MessageStatus, exactly as sent, to ours. */
  private static final Map<String, DeliveryStatus> STATUSES = Map.ofEntries(
      Map.entry("accepted", DeliveryStatus.QUEUED),
      Map.entry("scheduled", DeliveryStatus.QUEUED),
      Map.entry("queued", DeliveryStatus.QUEUED),
      Map.entry("sending", DeliveryStatus.QUEUED),
      Map.entry("sent", DeliveryStatus.SENT),
      Map.entry("delivered", DeliveryStatus.DELIVERED),
      Map.entry("read", DeliveryStatus.DELIVERED),
      Map.entry("undelivered", DeliveryStatus.UNDELIVERED),
      Map.entry("failed", DeliveryStatus.FAILED),
      Map.entry("canceled", DeliveryStatus.CANCELLED));

  private final BodyDecoder bodies;
  private final TwilioSignature signature;
  private final Clock clock;

  public TwilioStatus(String accountSid, String authToken, String publicBaseUrl, int maxBodyBytes, Clock clock) {
    this.bodies = new BodyDecoder(maxBodyBytes);
    this.signature = new TwilioSignature(accountSid, authToken, publicBaseUrl);
    this.clock = clock;
  }

  @Override
  public String provider() {
    return TwilioSms.PROVIDER;
  }

  @Override
  public Parsed<DeliveryReport> parse(WebhookRequest request, String target) {
    return bodies.form(request)
        .then(fields -> signature.verify(request, target, fields))
        .then(fields -> report(fields, outboxKey(target)));
  }

  private Parsed<DeliveryReport> report(Map<String, String> fields, String key) {
    String missing = RequiredFields.firstMissing(fields, "MessageSid", "MessageStatus");
    if (missing != null) {
      return Parsed.rejected(400, "missing field " + missing);
    }
    DeliveryStatus status = STATUSES.get(fields.get("MessageStatus"));
    if (status == null) {
      return Parsed.rejected(400, "unknown MessageStatus '" + fields.get("MessageStatus") + "'");
    }
    String error = fields.get("ErrorCode");
    String code = error == null || error.isBlank() ? null : error.strip();
    return Parsed.accepted(new DeliveryReport(
        TwilioSms.PROVIDER,
        fields.get("MessageSid"),
        key,
        status,
        code,
        OPTED_OUT.equals(code),
        clock.instant()));
  }

  /** The outbox key from the callback URL's query, or null when there is none we could have written. */
  static String outboxKey(String target) {
    int q = target.indexOf('?');
    if (q < 0) {
      return null;
    }
    for (String pair : target.substring(q + 1).split("&")) {
      if (pair.startsWith(KEY_PARAMETER + "=")) {
        String value = pair.substring(KEY_PARAMETER.length() + 1);
        return KEY.matcher(value).matches() ? value : null;
      }
    }
    return null;
  }

  @Override
  public WebhookResponse acknowledge(DeliveryReport report) {
    return new WebhookResponse(200, WebhookResponse.TEXT_PLAIN, "OK");
  }

  @Override
  public WebhookResponse rejection(Parsed.Rejected<?> rejected) {
    return new WebhookResponse(rejected.status(), WebhookResponse.TEXT_PLAIN, rejected.reason());
  }
}
