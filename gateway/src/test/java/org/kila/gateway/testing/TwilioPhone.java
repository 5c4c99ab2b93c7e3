package org.kila.gateway.testing;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.kila.gateway.sms.FakeTwilioServer;

/**
 * A basic phone texting a gateway through Twilio: each text is Twilio's signed webhook to the gateway,
 * and each reply is what the gateway then asked the (fake) Twilio API to send to this number.
 *
 * <p>Signed as Twilio signs, written out here rather than taken from the SDK so the test checks the SDK's
 * validator against the documented algorithm: base64 of HMAC-SHA1, keyed by the auth token, over the
 * URL Twilio called followed by each field name and value, sorted by name.
 */
public final class TwilioPhone {
  public static final String SHORT_CODE = "+254700000100";
  private static final AtomicInteger MESSAGE_IDS = new AtomicInteger();

  private final TestGateway gateway;
  private final FakeTwilioServer twilio;
  private final String publicUrl;
  private final String number;

  public TwilioPhone(TestGateway gateway, FakeTwilioServer twilio, String publicUrl, String number) {
    this.gateway = gateway;
    this.twilio = twilio;
    this.publicUrl = publicUrl;
    this.number = number;
  }

  public String number() {
    return number;
  }

  /** Texts {@code body} and returns the reply, failing when none comes within 15 s. */
  public String text(String body) {
    int before = replies().size();
    HttpResponse<String> response = deliver(newMessageId(), body);
    if (response.statusCode() != 200) {
      throw new AssertionError("webhook answered " + response.statusCode() + ": " + response.body());
    }
    return awaitReply(before);
  }

  public static String newMessageId() {
    return String.format("SM%032x", MESSAGE_IDS.incrementAndGet() + 0x5000L);
  }

  /** Delivers one incoming-message webhook as Twilio would, signed. */
  public HttpResponse<String> deliver(String messageSid, String body) {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("ToCountry", "KE");
    fields.put("SmsMessageSid", messageSid);
    fields.put("NumMedia", "0");
    fields.put("SmsSid", messageSid);
    fields.put("SmsStatus", "received");
    fields.put("Body", body);
    fields.put("To", SHORT_CODE);
    fields.put("NumSegments", "1");
    fields.put("MessageSid", messageSid);
    fields.put("AccountSid", FakeTwilioServer.ACCOUNT_SID);
    fields.put("From", number);
    fields.put("ApiVersion", "2010-04-01");
    return post("/sms/twilio", fields, FakeTwilioServer.AUTH_TOKEN);
  }

  /** A signed form POST to {@code pathAndQuery}, signed with {@code token}. */
  public HttpResponse<String> post(String pathAndQuery, Map<String, String> fields, String token) {
    String form = fields.entrySet().stream()
        .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
    return gateway.send(HttpRequest.newBuilder(URI.create(gateway.url(pathAndQuery))).timeout(Duration.ofSeconds(20))
        .header("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
        .header("X-Twilio-Signature", sign(publicUrl + pathAndQuery, fields, token))
        .POST(HttpRequest.BodyPublishers.ofString(form)).build());
  }

  /** The texts sent to this number so far, oldest first. */
  public List<FakeTwilioServer.Received> replies() {
    return twilio.sent().stream().filter(r -> number.equals(r.to())).toList();
  }

  private String awaitReply(int before) {
    Instant deadline = Instant.now().plusSeconds(15);
    while (Instant.now().isBefore(deadline)) {
      List<FakeTwilioServer.Received> all = replies();
      if (all.size() > before) {
        return all.get(before).body();
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
    throw new AssertionError("no reply to " + number + " within 15 s");
  }

  static String sign(String url, Map<String, String> fields, String token) {
    StringBuilder data = new StringBuilder(url);
    new TreeMap<>(fields).forEach((k, v) -> data.append(k).append(v));
    try {
      Mac mac = Mac.getInstance("HmacSHA1");
      mac.init(new SecretKeySpec(token.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
      return Base64.getEncoder().encodeToString(mac.doFinal(data.toString().getBytes(StandardCharsets.UTF_8)));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
