package org.kila.gateway.channel.africastalking;

import java.time.Clock;
import java.util.Map;
import org.kila.gateway.channel.BodyDecoder;
import org.kila.gateway.channel.DeliveryReport;
import org.kila.gateway.channel.DeliveryReportAdapter;
import org.kila.gateway.channel.DeliveryStatus;
import org.kila.gateway.channel.Parsed;
import org.kila.gateway.channel.RequiredFields;
import org.kila.gateway.channel.WebhookRequest;
import org.kila.gateway.channel.WebhookResponse;

/**
 * Africa's Talking SMS delivery report callback: a form POST of id (the messageId we got when sending),
 * status, phoneNumber, networkCode, retryCount and, for Rejected or Failed messages, failureReason. See
 * https://developers.africastalking.com/docs/sms/notifications
 *
 * <p>Unsigned like the inbound callback, so protected the same way: the route is
 * {@code /sms/africastalking/<secret>/delivery}.
 */
public final class AfricasTalkingDeliveryReports implements DeliveryReportAdapter {

  /** Africa's Talking's delivery status, exactly as sent, to ours. */
  private static final Map<String, DeliveryStatus> STATUSES = Map.of(
      "Submitted", DeliveryStatus.QUEUED,
      "Buffered", DeliveryStatus.SENT,
      "Sent", DeliveryStatus.SENT,
      "Success", DeliveryStatus.DELIVERED,
      "Failed", DeliveryStatus.UNDELIVERED,
      "Rejected", DeliveryStatus.FAILED);

  /** The failureReason of a number that blocked messages from us. */
  private static final String BLACKLISTED = "UserInBlackList";

  private final BodyDecoder bodies;
  private final PathSecret secret;
  private final Clock clock;

  public AfricasTalkingDeliveryReports(String secret, int maxBodyBytes, Clock clock) {
    this.bodies = new BodyDecoder(maxBodyBytes);
    this.secret = new PathSecret(secret);
    this.clock = clock;
  }

  @Override
  public String provider() {
    return AfricasTalkingSms.PROVIDER;
  }

  @Override
  public Parsed<DeliveryReport> parse(WebhookRequest request, String target) {
    return secret.check(target, AfricasTalkingSms.PATH)
        .then(ok -> bodies.form(request))
        .then(this::report);
  }

  private Parsed<DeliveryReport> report(Map<String, String> fields) {
    String missing = RequiredFields.firstMissing(fields, "id", "status");
    if (missing != null) {
      return Parsed.rejected(400, "missing field " + missing);
    }
    DeliveryStatus status = STATUSES.get(fields.get("status"));
    if (status == null) {
      return Parsed.rejected(400, "unknown status '" + fields.get("status") + "', expected one of Submitted, Buffered, Sent, Success, Failed, Rejected");
    }
    String reason = fields.get("failureReason");
    String code = reason == null || reason.isBlank() ? null : reason.strip();
    return Parsed.accepted(new DeliveryReport(
        AfricasTalkingSms.PROVIDER,
        fields.get("id"),
        null,
        status,
        code,
        BLACKLISTED.equals(code),
        clock.instant()));
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
