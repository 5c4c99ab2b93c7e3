package org.kila.gateway.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.kila.survey.render.Gsm7;

/**
 * A basic phone dialling a USSD code through a real gateway, the way an aggregator relays it: Africa's
 * Talking (form fields, cumulative {@code text}, CON/END) or Hubtel (JSON, latest input only). It checks
 * every screen it sees against the screen budget.
 */
public final class UssdPhone {
  /** Which aggregator relays the session. */
  public enum Via { AFRICAS_TALKING, HUBTEL }

  private final TestGateway gateway;
  private final Via via;
  private final String phone;
  private final String serviceCode;
  private final String sessionId;
  private final List<String> inputs = new ArrayList<>();
  private final List<String> screens = new ArrayList<>();
  private int sequence;
  private String screen = "";
  private boolean ended;

  public UssdPhone(TestGateway gateway, Via via, String phone, String serviceCode, String sessionId) {
    this.gateway = gateway;
    this.via = via;
    this.phone = phone;
    this.serviceCode = serviceCode;
    this.sessionId = sessionId;
  }

  /** Dials the code: the first hop of the session. */
  public UssdPhone dial() {
    return hop(null);
  }

  /** Types {@code input} and presses Send. */
  public UssdPhone answer(String input) {
    inputs.add(input);
    return hop(input);
  }

  /** Sends the last hop again, as an aggregator does when our reply was slow to arrive. */
  public String retryLastHop() {
    sequence--;
    return send(inputs.isEmpty() ? null : inputs.get(inputs.size() - 1)).screen;
  }

  public String screen() {
    return screen;
  }

  public boolean ended() {
    return ended;
  }

  public List<String> screens() {
    return List.copyOf(screens);
  }

  public String sessionId() {
    return sessionId;
  }

  private UssdPhone hop(String input) {
    Reply reply = send(input);
    screen = reply.screen;
    ended = reply.end;
    screens.add(screen);
    int budget = Gsm7.isGsm7(screen) ? 160 : 70;
    assertTrue(Gsm7.screenLength(screen) <= budget,
        "screen over the " + budget + "-character budget (" + Gsm7.screenLength(screen) + "):\n" + screen);
    return this;
  }

  private record Reply(String screen, boolean end) {}

  private Reply send(String input) {
    sequence++;
    HttpResponse<String> response = switch (via) {
      case AFRICAS_TALKING -> gateway.post("/ussd/africastalking", "application/x-www-form-urlencoded", form(Map.of(
          "sessionId", sessionId, "serviceCode", serviceCode, "phoneNumber", phone, "networkCode", "63902",
          "text", String.join("*", inputs))));
      case HUBTEL -> gateway.post("/ussd/hubtel", "application/json", hubtel(input));
    };
    assertEquals(200, response.statusCode(), response.body());
    String body = response.body();
    if (via == Via.AFRICAS_TALKING) {
      assertTrue(body.startsWith("CON ") || body.startsWith("END "), body);
      return new Reply(body.substring(4), body.startsWith("END "));
    }
    String type = jsonField(body, "Type");
    return new Reply(jsonField(body, "Message"), type.equalsIgnoreCase("release"));
  }

  private String hubtel(String input) {
    String type = input == null ? "Initiation" : "Response";
    String message = input == null ? serviceCode : input;
    return "{\"Type\":\"" + type + "\",\"Message\":\"" + message.replace("\"", "\\\"") + "\",\"ServiceCode\":\""
        + serviceCode.replaceAll("[*#]", "").split("\\*")[0] + "\",\"Operator\":\"mtn\",\"ClientState\":\"\","
        + "\"Mobile\":\"" + phone.replace("+", "") + "\",\"SessionId\":\"" + sessionId + "\",\"Sequence\":"
        + sequence + ",\"Platform\":\"USSD\"}";
  }

  private static String form(Map<String, String> fields) {
    return fields.entrySet().stream()
        .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
            + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
  }

  private static String jsonField(String json, String field) {
    try {
      return new com.fasterxml.jackson.databind.ObjectMapper().readTree(json).path(field).asText();
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new AssertionError("not JSON: " + json, e);
    }
  }
}
