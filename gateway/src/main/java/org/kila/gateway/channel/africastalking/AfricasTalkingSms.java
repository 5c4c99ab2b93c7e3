package org.kila.gateway.channel.africastalking;

import java.util.Map;
import org.kila.gateway.channel.BodyDecoder;
import org.kila.gateway.channel.Parsed;
import org.kila.gateway.channel.RequiredFields;
import org.kila.gateway.channel.SmsAdapter;
import org.kila.gateway.channel.SmsInbound;
import org.kila.gateway.channel.WebhookRequest;
import org.kila.gateway.channel.WebhookResponse;

/**
 * Africa's Talking incoming SMS callback: a form POST of from, to, text, date, id, linkId and
 * networkCode. See https://developers.africastalking.com/docs/sms/notifications
 *
 * <p>Africa's Talking signs nothing, so the route is {@code /sms/africastalking/<secret>}: a request
 * without the configured secret gets 403 before its body is read (see {@link PathSecret}). It has no
 * opt-out field of its own: STOP is recognised by our keyword matching.
 */
public final class AfricasTalkingSms implements SmsAdapter {
  public static final String PROVIDER = "africastalking";
  /** The route's path up to the secret. */
  public static final String PATH = "/sms/africastalking/";

  private final BodyDecoder bodies;
  private final PathSecret secret;

  /** {@code secret}: at least 16 characters; {@code maxBodyBytes}: the largest request accepted. */
  public AfricasTalkingSms(String secret, int maxBodyBytes) {
    this.bodies = new BodyDecoder(maxBodyBytes);
    this.secret = new PathSecret(secret);
  }

  @Override
  public String provider() {
    return PROVIDER;
  }

  @Override
  public Parsed<SmsInbound> parse(WebhookRequest request, String target) {
    return secret.check(target, PATH)
        .then(ok -> bodies.form(request))
        .then(AfricasTalkingSms::inbound);
  }

  private static Parsed<SmsInbound> inbound(Map<String, String> fields) {
    String missing = RequiredFields.firstMissing(fields, "id", "from", "to");
    if (missing != null) {
      return Parsed.rejected(400, "missing field " + missing);
    }
    return Parsed.accepted(new SmsInbound(
        PROVIDER,
        fields.get("id"),
        fields.get("from"),
        fields.get("to"),
        fields.getOrDefault("text", ""),
        null));
  }

  @Override
  public WebhookResponse acknowledge(SmsInbound inbound) {
    return new WebhookResponse(200, WebhookResponse.TEXT_PLAIN, "OK");
  }

  @Override
  public WebhookResponse rejection(Parsed.Rejected<?> rejected) {
    return new WebhookResponse(rejected.status(), WebhookResponse.TEXT_PLAIN, rejected.reason());
  }
}
