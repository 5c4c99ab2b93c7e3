package org.kila.gateway.channel.hubtel;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.kila.gateway.channel.BodyDecoder;
import org.kila.gateway.channel.DialledCode;
import org.kila.gateway.channel.HopKind;
import org.kila.gateway.channel.InputMode;
import org.kila.gateway.channel.Parsed;
import org.kila.gateway.channel.UssdAdapter;
import org.kila.gateway.channel.UssdHop;
import org.kila.gateway.channel.UssdReply;
import org.kila.gateway.channel.WebhookRequest;
import org.kila.gateway.channel.WebhookResponse;

/**
 * Hubtel programmable USSD: a JSON POST of Type, Message, ServiceCode, Operator, ClientState, Mobile,
 * SessionId, Sequence and Platform, answered with JSON whose Type is {@code response} (show and wait)
 * or {@code release} (show and hang up). See
 * https://developers.hubtel.com/docs/api-reference-prog-services
 *
 * <p>Hubtel sends only the newest input (a LATEST hop) and, on Initiation, the dialled string
 * ({@code *713*12#}) as the Message: that becomes the service code, so a sub-code of a shared short
 * code picks its survey, and the START hop carries no text. Sequence numbers the hops of a session and
 * is the retry key. Our survey state lives in our database, so ClientState is neither read nor set.
 * Hubtel's own documents disagree on the case of field names and Type values, so both are matched
 * without regard to case.
 */
public final class HubtelUssd implements UssdAdapter {
  public static final String AGGREGATOR = "hubtel";

  /** Hubtel's request Type, lower-cased, to ours. */
  private static final Map<String, HopKind> TYPES = Map.of(
      "initiation", HopKind.START,
      "response", HopKind.CONTINUE,
      "release", HopKind.RELEASE,
      "timeout", HopKind.TIMEOUT);

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final BodyDecoder bodies;

  /** {@code maxBodyBytes}: the largest request accepted (413 above it). */
  public HubtelUssd(int maxBodyBytes) {
    this.bodies = new BodyDecoder(maxBodyBytes);
  }

  @Override
  public String aggregator() {
    return AGGREGATOR;
  }

  @Override
  public Parsed<UssdHop> parse(WebhookRequest request) {
    return bodies.json(request).then(HubtelUssd::hop);
  }

  private static Parsed<UssdHop> hop(JsonNode body) {
    Fields fields = new Fields(body);
    for (String name : new String[] {"SessionId", "Type", "Mobile", "Sequence", "Message", "ServiceCode", "Operator"}) {
      String problem = fields.problem(name);
      if (problem != null) {
        return Parsed.rejected(400, problem);
      }
    }
    for (String name : new String[] {"SessionId", "Type", "Mobile", "Sequence"}) {
      if (fields.text(name).isBlank()) {
        return Parsed.rejected(400, "missing field " + name);
      }
    }
    HopKind kind = TYPES.get(fields.text("Type").toLowerCase(Locale.ROOT));
    if (kind == null) {
      return Parsed.rejected(400, "unknown Type '" + fields.text("Type") + "', expected one of Initiation, Response, Release, Timeout");
    }
    String message = fields.text("Message");
    String dialled = kind == HopKind.START && !message.isBlank() ? message : fields.text("ServiceCode");
    if (dialled.isBlank()) {
      return Parsed.rejected(400, "missing field ServiceCode");
    }
    String operator = fields.text("Operator");
    return Parsed.accepted(new UssdHop(
        AGGREGATOR,
        fields.text("SessionId"),
        DialledCode.normalise(dialled),
        fields.text("Mobile"),
        operator.isBlank() ? null : operator,
        kind,
        kind == HopKind.START ? "" : message,
        InputMode.LATEST,
        fields.text("Sequence")));
  }

  /**
   * Our reply in Hubtel's response shape. Label is the screen's first line, which Hubtel's app channels
   * show as a title; DataType {@code input} asks for an answer, {@code display} only shows the text.
   */
  @Override
  public WebhookResponse reply(UssdHop hop, UssdReply reply) {
    ObjectNode json = MAPPER.createObjectNode()
        .put("SessionId", hop.externalSessionId())
        .put("Type", reply.end() ? "release" : "response")
        .put("Message", reply.text())
        .put("Label", reply.text().lines().findFirst().orElse(""))
        .put("ClientState", "")
        .put("DataType", reply.end() ? "display" : "input")
        .put("FieldType", "text");
    return new WebhookResponse(200, WebhookResponse.JSON, json.toString());
  }

  @Override
  public WebhookResponse rejection(Parsed.Rejected<?> rejected) {
    ObjectNode json = MAPPER.createObjectNode().put("error", rejected.reason());
    return new WebhookResponse(rejected.status(), WebhookResponse.JSON, json.toString());
  }

  /** The request's top-level fields, looked up by name without regard to case. */
  private static final class Fields {
    private final Map<String, JsonNode> byName = new HashMap<>();
    private final Set<String> repeated = new HashSet<>();

    Fields(JsonNode body) {
      for (Map.Entry<String, JsonNode> field : body.properties()) {
        String key = field.getKey().toLowerCase(Locale.ROOT);
        if (byName.putIfAbsent(key, field.getValue()) != null) {
          repeated.add(key);
        }
      }
    }

    /** Why the field cannot be read as one text value, or null when it can (or is absent). */
    String problem(String name) {
      String key = name.toLowerCase(Locale.ROOT);
      if (repeated.contains(key)) {
        return "field " + name + " appears more than once";
      }
      JsonNode node = byName.get(key);
      return node == null || node.isValueNode() ? null : "field " + name + " must be a string";
    }

    /** The field as text: strings as they are, numbers spelled out, absent or null as "". */
    String text(String name) {
      JsonNode node = byName.get(name.toLowerCase(Locale.ROOT));
      return node == null || node.isNull() ? "" : node.asText();
    }
  }
}
