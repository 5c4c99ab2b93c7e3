package org.kila.gateway.channel.twilio;

import com.twilio.security.RequestValidator;
import java.util.Map;
import org.kila.gateway.channel.Parsed;
import org.kila.gateway.channel.WebhookRequest;

/**
 * Checks that a webhook really comes from our Twilio account: its {@code X-Twilio-Signature} must be the
 * HMAC-SHA1, keyed by the account's auth token, of the URL Twilio called followed by every form field.
 * See https://www.twilio.com/docs/usage/webhooks/webhooks-security
 *
 * <p>The URL is the configured public base URL plus the path and query as received, never the URL the
 * gateway itself sees: behind a reverse proxy those differ (scheme, host, port), and Twilio signed the
 * one it called. The SDK's validator compares in constant time and tries the URL with and without the
 * default port, as Twilio's own signing is inconsistent about it.
 */
final class TwilioSignature {
  static final String HEADER = "x-twilio-signature";

  private final RequestValidator validator;
  private final String accountSid;
  private final String publicBaseUrl;

  /**
   * {@code publicBaseUrl}: how Twilio reaches this gateway, e.g. {@code https://kila.example.org} (a
   * trailing slash is ignored).
   */
  TwilioSignature(String accountSid, String authToken, String publicBaseUrl) {
    if (authToken == null || authToken.isBlank()) {
      throw new IllegalArgumentException("a Twilio auth token is required to check signatures");
    }
    this.validator = new RequestValidator(authToken);
    this.accountSid = accountSid;
    this.publicBaseUrl = publicBaseUrl.endsWith("/") ? publicBaseUrl.substring(0, publicBaseUrl.length() - 1) : publicBaseUrl;
  }

  /** The fields when the signature holds and they name our account; a 403 otherwise. */
  Parsed<Map<String, String>> verify(WebhookRequest request, String target, Map<String, String> fields) {
    String signature = request.headers().get(HEADER);
    if (signature == null || signature.isBlank()) {
      return Parsed.rejected(403, "missing X-Twilio-Signature");
    }
    if (!validator.validate(publicBaseUrl + target, fields, signature.strip())) {
      return Parsed.rejected(403, "X-Twilio-Signature does not match this request");
    }
    // A valid signature already proves the sender knows our token; a request naming another account
    // would still be one we never asked for, so it is refused rather than acted on.
    String sid = fields.get("AccountSid");
    if (accountSid != null && sid != null && !sid.equals(accountSid)) {
      return Parsed.rejected(403, "AccountSid is not this gateway's account");
    }
    return Parsed.accepted(fields);
  }
}
