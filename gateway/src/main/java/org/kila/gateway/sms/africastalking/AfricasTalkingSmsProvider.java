package org.kila.gateway.sms.africastalking;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.kila.gateway.sms.OutgoingSms;
import org.kila.gateway.sms.PriorSend;
import org.kila.gateway.sms.RetryAfter;
import org.kila.gateway.sms.SendResult;
import org.kila.gateway.sms.SmsProvider;

/**
 * Sends through Africa's Talking's SMS API: a form POST of username, to, message and (optionally) from,
 * authenticated by the {@code apiKey} header, answered with one recipient entry whose statusCode says
 * what became of the message. See https://developers.africastalking.com/docs/sms/sending/bulk
 */
public final class AfricasTalkingSmsProvider implements SmsProvider {
  public static final String NAME = "africastalking";
  public static final URI LIVE = URI.create("https://api.africastalking.com");

  /** The recipient's statusCode when the message was taken: Processed, Sent, Queued. */
  private static final Set<Integer> ACCEPTED = Set.of(100, 101, 102);
  /**
   * Recipient statusCodes that are about our account or the moment, not the message, so are retried:
   * 401 RiskHold, 405 InsufficientBalance, 500 InternalServerError, 501 GatewayError, 502
   * RejectedByGateway. Every other code (403 InvalidPhoneNumber, 404 UnsupportedNumberType, 406
   * UserInBlacklist, 407 CouldNotRoute, 409 DoNotDisturbRejection ...) refuses this message for good.
   */
  private static final Set<Integer> TRANSIENT = Set.of(401, 405, 500, 501, 502);
  /** The number has blocked messages from us. */
  private static final int BLACKLISTED = 406;

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final HttpClient http;
  private final URI endpoint;
  private final String username;
  private final String apiKey;
  private final String from;
  private final Duration timeout;
  private final Clock clock;

  /**
   * @param baseUrl {@link #LIVE}, {@code https://api.sandbox.africastalking.com}, or a local fake in tests
   * @param from a short code or alphanumeric sender id, or null for the account's default
   */
  public AfricasTalkingSmsProvider(URI baseUrl, String username, String apiKey, String from, Duration timeout, Clock clock) {
    this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
    this.endpoint = URI.create(baseUrl.toString().replaceAll("/+$", "") + "/version1/messaging");
    this.username = username;
    this.apiKey = apiKey;
    this.from = from;
    this.timeout = timeout;
    this.clock = clock;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String sender() {
    return from == null ? username : from;
  }

  @Override
  public SendResult send(OutgoingSms message) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("username", username);
    form.put("to", message.to());
    form.put("message", message.body());
    if (from != null) {
      form.put("from", from);
    }
    HttpRequest request = HttpRequest.newBuilder(endpoint)
        .timeout(timeout)
        .header("apiKey", apiKey)
        .header("Accept", "application/json")
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(encode(form)))
        .build();
    HttpResponse<String> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (ConnectException | HttpConnectTimeoutException e) {
      return new SendResult.Transient("Africa's Talking could not be reached: " + e, null);
    } catch (IOException e) {
      // The request may have gone out: sending again could send the text twice.
      return new SendResult.InDoubt("no answer from Africa's Talking: " + e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new SendResult.InDoubt("interrupted while waiting for Africa's Talking");
    }
    int status = response.statusCode();
    if (status == 429 || status >= 500 || status == 401) {
      return new SendResult.Transient("HTTP " + status + ": " + snippet(response.body()),
          RetryAfter.parse(response.headers().firstValue("Retry-After").orElse(null), clock));
    }
    if (status >= 400) {
      return new SendResult.Permanent("HTTP " + status + ": " + snippet(response.body()), null, false);
    }
    return recipient(response.body());
  }

  /** The outcome written in the one recipient entry of a 2xx answer. */
  private static SendResult recipient(String body) {
    JsonNode entry;
    try {
      entry = MAPPER.readTree(body).path("SMSMessageData").path("Recipients").path(0);
    } catch (IOException e) {
      // A 2xx we cannot read may still have sent the message: retrying could send it twice, so it is
      // recorded as failed with the body for an operator to look at.
      return new SendResult.Permanent("unreadable answer: " + snippet(body), null, false);
    }
    int code = entry.path("statusCode").asInt(-1);
    String messageId = entry.path("messageId").asText("");
    if (ACCEPTED.contains(code) && !messageId.isEmpty() && !messageId.equals("None")) {
      return new SendResult.Sent(messageId);
    }
    String reason = entry.path("status").asText("no recipient in the answer") + " (" + code + ")";
    if (TRANSIENT.contains(code)) {
      return new SendResult.Transient(reason, null);
    }
    return new SendResult.Permanent(reason, code < 0 ? null : Integer.toString(code), code == BLACKLISTED);
  }

  /**
   * Africa's Talking has no way to ask whether a message went out, and no idempotency key: a row whose
   * send was interrupted cannot be told apart from one that never left.
   */
  @Override
  public PriorSend lookup(OutgoingSms message, Instant attemptStarted) {
    return new PriorSend.Unsupported();
  }

  private static String encode(Map<String, String> form) {
    return form.entrySet().stream()
        .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
  }

  private static String snippet(String body) {
    String oneLine = body == null ? "" : body.replaceAll("\\s+", " ").strip();
    return oneLine.length() > 200 ? oneLine.substring(0, 200) + "..." : oneLine;
  }
}
