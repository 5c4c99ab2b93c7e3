package org.kila.gateway.sms.twilio;

import com.twilio.exception.ApiConnectionException;
import com.twilio.exception.ApiException;
import com.twilio.http.HttpClient;
import com.twilio.http.HttpMethod;
import com.twilio.http.Request;
import com.twilio.http.Response;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.message.BasicHeader;
import org.kila.gateway.sms.RetryAfter;

/**
 * The HTTP client the Twilio SDK sends through, replacing its own, for three reasons: the SDK builds
 * every URL on {@code https://api.twilio.com}, and tests must reach a local fake server instead, so the
 * scheme, host and port are rewritten to a configured base URL; the SDK's client silently retries a 5xx
 * three times, which could create a message twice and hides attempts from the outbox, so this makes
 * exactly one attempt; and a {@code Retry-After} on a 429, which the SDK drops, is passed on as
 * {@link Throttled}.
 */
final class TwilioHttp extends HttpClient {
  private final java.net.http.HttpClient http;
  private final URI base;
  private final Duration timeout;
  private final Clock clock;

  /** {@code base}: e.g. {@code http://127.0.0.1:40123}, or null to call Twilio itself. */
  TwilioHttp(URI base, Duration timeout, Clock clock) {
    this.http = java.net.http.HttpClient.newBuilder()
        .connectTimeout(timeout)
        .followRedirects(java.net.http.HttpClient.Redirect.NEVER)
        .build();
    this.base = base;
    this.timeout = timeout;
    this.clock = clock;
  }

  /** Twilio answered 429; {@code retryAfter} is its Retry-After, or null when it sent none. */
  static final class Throttled extends ApiException {
    private static final long serialVersionUID = 1L;
    final transient Duration retryAfter;

    Throttled(Duration retryAfter) {
      super("Twilio answered 429 Too Many Requests", 429);
      this.retryAfter = retryAfter;
    }
  }

  /** The request went out and no answer came back: Twilio may or may not have acted on it. */
  static final class Unanswered extends ApiConnectionException {
    private static final long serialVersionUID = 1L;

    Unanswered(String message, Throwable cause) {
      super(message, cause);
    }
  }

  @Override
  public Response reliableRequest(Request request) {
    return makeRequest(request);
  }

  @Override
  public Response reliableRequest(Request request, int[] retryCodes, int retries, long delayMillis) {
    return makeRequest(request);
  }

  @Override
  public Response makeRequest(Request request) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(target(request))
        .timeout(timeout)
        .header("Accept", "application/json")
        .header("User-Agent", "kila-gateway twilio-java");
    if (request.requiresAuthentication()) {
      builder.header("Authorization", request.getAuthString());
    }
    for (Map.Entry<String, List<String>> header : request.getHeaderParams().entrySet()) {
      for (String value : header.getValue()) {
        builder.header(header.getKey(), value);
      }
    }
    if (request.getMethod() == HttpMethod.GET) {
      builder.GET();
    } else {
      builder.header("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
          .method(request.getMethod().toString(), HttpRequest.BodyPublishers.ofString(request.encodeFormBody(), StandardCharsets.UTF_8));
    }
    HttpResponse<String> response;
    try {
      response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (ConnectException | HttpConnectTimeoutException e) {
      throw new ApiConnectionException("Twilio could not be reached: " + e, e);
    } catch (IOException e) {
      // The request may have gone out: a timeout waiting for the answer, a connection lost mid-answer.
      throw new Unanswered("no answer from Twilio: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new Unanswered("interrupted while waiting for Twilio", e);
    }
    if (response.statusCode() == 429) {
      throw new Throttled(RetryAfter.parse(response.headers().firstValue("Retry-After").orElse(null), clock));
    }
    List<Header> headers = new ArrayList<>();
    response.headers().map().forEach((name, values) -> values.forEach(v -> headers.add(new BasicHeader(name, v))));
    return new Response(response.body(), response.statusCode(), headers.toArray(new Header[0]));
  }

  /** The URL the SDK built, on the configured base's scheme, host and port (and under its path). */
  private URI target(Request request) {
    try {
      URI built = request.constructURL().toURI();
      if (base == null) {
        return built;
      }
      String basePath = base.getRawPath() == null ? "" : base.getRawPath().replaceAll("/+$", "");
      String query = built.getRawQuery() == null ? "" : "?" + built.getRawQuery();
      return new URI(base.getScheme() + "://" + base.getRawAuthority() + basePath + built.getRawPath() + query);
    } catch (URISyntaxException e) {
      throw new ApiException("bad Twilio URL: " + e.getMessage());
    }
  }
}
