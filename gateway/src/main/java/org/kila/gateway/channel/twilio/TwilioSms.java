package org.kila.gateway.channel.twilio;

import java.util.Locale;
import java.util.Map;
import org.kila.gateway.channel.BodyDecoder;
import org.kila.gateway.channel.OptOutType;
import org.kila.gateway.channel.Parsed;
import org.kila.gateway.channel.RequiredFields;
import org.kila.gateway.channel.SmsAdapter;
import org.kila.gateway.channel.SmsInbound;
import org.kila.gateway.channel.WebhookRequest;
import org.kila.gateway.channel.WebhookResponse;

/**
 * Twilio's incoming message webhook: a signed form POST of MessageSid, AccountSid, From, To, Body,
 * NumMedia, NumSegments and, with Advanced Opt-Out, OptOutType (STOP, START or HELP). See
 * https://www.twilio.com/docs/messaging/guides/webhook-request
 *
 * <p>The answer is always empty TwiML: replies go through the outbox (paced, retried, recorded), never
 * in the webhook response. A bad or missing signature gets 403 before anything is read or recorded.
 */
public final class TwilioSms implements SmsAdapter {
  public static final String PROVIDER = "twilio";
  public static final String EMPTY_TWIML = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response/>";
  static final String TEXT_XML = "text/xml; charset=utf-8";

  /** Twilio's OptOutType, exactly as sent, to ours; an unknown value is ignored, not refused. */
  private static final Map<String, OptOutType> OPT_OUT_TYPES = Map.of(
      "STOP", OptOutType.STOP,
      "START", OptOutType.START,
      "HELP", OptOutType.HELP);

  private final BodyDecoder bodies;
  private final TwilioSignature signature;

  /**
   * {@code publicBaseUrl}: the gateway's base URL as Twilio calls it; {@code maxBodyBytes}: the largest
   * request accepted (413 above it).
   */
  public TwilioSms(String accountSid, String authToken, String publicBaseUrl, int maxBodyBytes) {
    this.bodies = new BodyDecoder(maxBodyBytes);
    this.signature = new TwilioSignature(accountSid, authToken, publicBaseUrl);
  }

  @Override
  public String provider() {
    return PROVIDER;
  }

  @Override
  public Parsed<SmsInbound> parse(WebhookRequest request, String target) {
    return bodies.form(request)
        .then(fields -> signature.verify(request, target, fields))
        .then(TwilioSms::inbound);
  }

  private static Parsed<SmsInbound> inbound(Map<String, String> fields) {
    String missing = RequiredFields.firstMissing(fields, "MessageSid", "From", "To");
    if (missing != null) {
      return Parsed.rejected(400, "missing field " + missing);
    }
    String optOut = fields.get("OptOutType");
    return Parsed.accepted(new SmsInbound(
        PROVIDER,
        fields.get("MessageSid"),
        fields.get("From"),
        fields.get("To"),
        fields.getOrDefault("Body", ""),
        optOut == null ? null : OPT_OUT_TYPES.get(optOut.strip().toUpperCase(Locale.ROOT))));
  }

  @Override
  public WebhookResponse acknowledge(SmsInbound inbound) {
    return new WebhookResponse(200, TEXT_XML, EMPTY_TWIML);
  }

  @Override
  public WebhookResponse rejection(Parsed.Rejected<?> rejected) {
    return new WebhookResponse(rejected.status(), WebhookResponse.TEXT_PLAIN, rejected.reason());
  }
}
