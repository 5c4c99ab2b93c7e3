package org.kila.gateway.testing;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * One Africa's Talking hop for the demo code {@code *384*12#}, posted to a gateway the test started itself
 * (tests on a {@link TestGateway} use {@link UssdPhone}).
 */
public final class UssdPost {
  private UssdPost() {}

  /** Posts the hop and returns the reply; {@code text} is the aggregator's cumulative input. */
  public static HttpResponse<String> africasTalking(HttpClient http, String base, String sessionId, String phone,
      String text) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(base + "/ussd/africastalking")).timeout(Duration.ofSeconds(20))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString("sessionId=" + sessionId + "&serviceCode=%2A384%2A12%23&phoneNumber="
            + phone + "&networkCode=63902&text=" + text))
        .build(), HttpResponse.BodyHandlers.ofString());
  }
}
