package org.kila.gateway.channel.africastalking;

import java.util.Map;
import org.kila.gateway.channel.BodyDecoder;
import org.kila.gateway.channel.DialledCode;
import org.kila.gateway.channel.HopKind;
import org.kila.gateway.channel.InputMode;
import org.kila.gateway.channel.Parsed;
import org.kila.gateway.channel.RequiredFields;
import org.kila.gateway.channel.UssdAdapter;
import org.kila.gateway.channel.UssdHop;
import org.kila.gateway.channel.UssdReply;
import org.kila.gateway.channel.WebhookRequest;
import org.kila.gateway.channel.WebhookResponse;

/**
 * Africa's Talking USSD callback: a form POST of sessionId, serviceCode, phoneNumber, networkCode and
 * text, answered with plain text starting {@code CON } (show and wait) or {@code END } (show and hang
 * up). See https://developers.africastalking.com/docs/ussd/overview
 *
 * <p>{@code text} is every input of the session joined by '*', empty on the first hop. It is passed on
 * verbatim as a CUMULATIVE hop: only the session layer, which knows the previous hop's text, can tell
 * the new input, because a typed answer may itself contain '*'. The same cumulative text is the hop's
 * retry key: Africa's Talking resends a hop with the same text.
 */
public final class AfricasTalkingUssd implements UssdAdapter {
  public static final String AGGREGATOR = "africastalking";

  private final BodyDecoder bodies;

  /** {@code maxBodyBytes}: the largest request accepted (413 above it). */
  public AfricasTalkingUssd(int maxBodyBytes) {
    this.bodies = new BodyDecoder(maxBodyBytes);
  }

  @Override
  public String aggregator() {
    return AGGREGATOR;
  }

  @Override
  public Parsed<UssdHop> parse(WebhookRequest request) {
    return bodies.form(request).then(AfricasTalkingUssd::hop);
  }

  private static Parsed<UssdHop> hop(Map<String, String> fields) {
    String missing = RequiredFields.firstMissing(fields, "sessionId", "serviceCode", "phoneNumber");
    if (missing != null) {
      return Parsed.rejected(400, "missing field " + missing);
    }
    String text = fields.getOrDefault("text", "");
    return Parsed.accepted(new UssdHop(
        AGGREGATOR,
        fields.get("sessionId"),
        DialledCode.normalise(fields.get("serviceCode")),
        fields.get("phoneNumber"),
        fields.get("networkCode"),
        text.isEmpty() ? HopKind.START : HopKind.CONTINUE,
        text,
        InputMode.CUMULATIVE,
        text));
  }

  @Override
  public WebhookResponse reply(UssdHop hop, UssdReply reply) {
    return new WebhookResponse(200, WebhookResponse.TEXT_PLAIN, (reply.end() ? "END " : "CON ") + reply.text());
  }

  @Override
  public WebhookResponse rejection(Parsed.Rejected<?> rejected) {
    return new WebhookResponse(rejected.status(), WebhookResponse.TEXT_PLAIN, rejected.reason());
  }
}
