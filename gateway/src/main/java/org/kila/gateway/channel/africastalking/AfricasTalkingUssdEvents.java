package org.kila.gateway.channel.africastalking;

import java.util.Map;
import org.kila.gateway.channel.BodyDecoder;
import org.kila.gateway.channel.EndStatus;
import org.kila.gateway.channel.Parsed;
import org.kila.gateway.channel.RequiredFields;
import org.kila.gateway.channel.UssdEndAdapter;
import org.kila.gateway.channel.UssdSessionEnd;
import org.kila.gateway.channel.WebhookRequest;
import org.kila.gateway.channel.WebhookResponse;

/**
 * Africa's Talking end-of-session notification: a form POST sent once a USSD session is over, with
 * sessionId, status, hopsCount, durationInMillis, lastAppResponse, phoneNumber and (unused here)
 * serviceCode, networkCode, input, cost, errorMessage and date. An Incomplete session is one the
 * respondent dropped. See the "end of session notification" part of
 * https://developers.africastalking.com/docs/ussd/overview
 */
public final class AfricasTalkingUssdEvents implements UssdEndAdapter {

  /** Africa's Talking's session status, exactly as sent, to ours. */
  private static final Map<String, EndStatus> STATUSES = Map.of(
      "Incomplete", EndStatus.DROPPED,
      "Success", EndStatus.COMPLETED,
      "Failed", EndStatus.FAILED);

  private final BodyDecoder bodies;

  /** {@code maxBodyBytes}: the largest notification accepted (413 above it). */
  public AfricasTalkingUssdEvents(int maxBodyBytes) {
    this.bodies = new BodyDecoder(maxBodyBytes);
  }

  @Override
  public String aggregator() {
    return AfricasTalkingUssd.AGGREGATOR;
  }

  @Override
  public Parsed<UssdSessionEnd> parse(WebhookRequest request) {
    return bodies.form(request).then(AfricasTalkingUssdEvents::end);
  }

  private static Parsed<UssdSessionEnd> end(Map<String, String> fields) {
    String missing = RequiredFields.firstMissing(fields, "sessionId", "status", "hopsCount");
    if (missing != null) {
      return Parsed.rejected(400, "missing field " + missing);
    }
    EndStatus status = STATUSES.get(fields.get("status"));
    if (status == null) {
      return Parsed.rejected(400, "unknown status '" + fields.get("status") + "', expected one of Incomplete, Success, Failed");
    }
    Long hops = count(fields.get("hopsCount"));
    if (hops == null || hops > Integer.MAX_VALUE) {
      return Parsed.rejected(400, "hopsCount must be a whole number, got '" + fields.get("hopsCount") + "'");
    }
    String duration = fields.get("durationInMillis");
    Long millis = duration == null || duration.isBlank() ? null : count(duration);
    if (duration != null && !duration.isBlank() && millis == null) {
      return Parsed.rejected(400, "durationInMillis must be a whole number, got '" + duration + "'");
    }
    return Parsed.accepted(new UssdSessionEnd(
        AfricasTalkingUssd.AGGREGATOR,
        fields.get("sessionId"),
        status,
        hops.intValue(),
        millis,
        fields.get("lastAppResponse"),
        fields.get("phoneNumber")));
  }

  /** A non-negative decimal count, or null when {@code raw} is not one. */
  private static Long count(String raw) {
    String digits = raw.strip();
    if (digits.isEmpty() || digits.length() > 18 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
      return null;
    }
    return Long.parseLong(digits);
  }

  @Override
  public WebhookResponse acknowledge(UssdSessionEnd end) {
    return new WebhookResponse(200, WebhookResponse.TEXT_PLAIN, "OK");
  }

  @Override
  public WebhookResponse rejection(Parsed.Rejected<?> rejected) {
    return new WebhookResponse(rejected.status(), WebhookResponse.TEXT_PLAIN, rejected.reason());
  }
}
