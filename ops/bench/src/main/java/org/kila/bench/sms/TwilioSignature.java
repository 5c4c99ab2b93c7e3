package org.kila.bench.sms;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The {@code X-Twilio-Signature} Twilio puts on every webhook it sends: the base64 HMAC-SHA1, keyed by
 * the account's auth token, of the full URL it posts to followed by each form field's name and value in
 * name order. The fake Twilio signs its status callbacks with it, so the gateway checks them exactly as it
 * checks Twilio's. See https://www.twilio.com/docs/usage/webhooks/webhooks-security
 */
public final class TwilioSignature {
  private TwilioSignature() {}

  public static String of(String authToken, String url, Map<String, String> fields) {
    StringBuilder data = new StringBuilder(url);
    new TreeMap<>(fields).forEach((name, value) -> data.append(name).append(value));
    try {
      Mac mac = Mac.getInstance("HmacSHA1");
      mac.init(new SecretKeySpec(authToken.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
      return Base64.getEncoder().encodeToString(mac.doFinal(data.toString().getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA1 is part of every JDK", e);
    }
  }
}
