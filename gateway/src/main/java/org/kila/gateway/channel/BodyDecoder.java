package org.kila.gateway.channel;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/**
 * Turns a webhook body into text, form fields or a JSON object, refusing what an aggregator would
 * never send: a body over the size limit (413), a Content-Type other than the expected one or a
 * charset other than UTF-8 (415), an empty body, bytes that are not UTF-8, malformed form encoding or
 * JSON (400). Shared by all adapters so every aggregator gets the same strictness.
 */
public final class BodyDecoder {
  public static final String FORM = "application/x-www-form-urlencoded";
  public static final String JSON = "application/json";

  private static final ObjectMapper MAPPER = JsonMapper.builder()
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .build();

  private final int maxBytes;

  /** {@code maxBytes}: the largest body accepted; USSD requests are a few hundred bytes. */
  public BodyDecoder(int maxBytes) {
    if (maxBytes < 1) {
      throw new IllegalArgumentException("maxBytes must be positive, got " + maxBytes);
    }
    this.maxBytes = maxBytes;
  }

  /** The body as text, after the size, Content-Type and UTF-8 checks. */
  public Parsed<String> text(WebhookRequest request, String mediaType) {
    if (request.bodyLength() > maxBytes) {
      return Parsed.rejected(413, "body is larger than " + maxBytes + " bytes");
    }
    String problem = contentTypeProblem(request.contentType(), mediaType);
    if (problem != null) {
      return Parsed.rejected(415, problem);
    }
    if (request.bodyLength() == 0) {
      return Parsed.rejected(400, "body is empty");
    }
    try {
      return Parsed.accepted(StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(request.body()))
          .toString());
    } catch (CharacterCodingException e) {
      return Parsed.rejected(400, "body is not valid UTF-8");
    }
  }

  /** The fields of an {@code application/x-www-form-urlencoded} body, percent-decoded. */
  public Parsed<Map<String, String>> form(WebhookRequest request) {
    return text(request, FORM).then(FormFields::parse);
  }

  /** The body as a JSON object; a parse error names the parser's line and column. */
  public Parsed<JsonNode> json(WebhookRequest request) {
    return text(request, JSON).then(text -> {
      JsonNode root;
      try {
        root = MAPPER.readTree(text);
      } catch (JsonProcessingException e) {
        JsonLocation at = e.getLocation();
        String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
        return Parsed.rejected(400, "body is not valid JSON" + where + ": " + e.getOriginalMessage());
      }
      if (root == null || !root.isObject()) {
        return Parsed.rejected(400, "body must be a JSON object");
      }
      return Parsed.accepted(root);
    });
  }

  /** Null when {@code contentType} is {@code expected} with no charset or UTF-8; else the reason. */
  private static String contentTypeProblem(String contentType, String expected) {
    if (contentType == null || contentType.isBlank()) {
      return "Content-Type must be " + expected;
    }
    // Limit -1 keeps empty parts: a header of only semicolons must be refused, not crash the split's [0].
    String[] parts = contentType.split(";", -1);
    if (!parts[0].trim().equalsIgnoreCase(expected)) {
      return "Content-Type must be " + expected + ", got " + parts[0].trim();
    }
    for (int i = 1; i < parts.length; i++) {
      String[] param = parts[i].split("=", 2);
      if (param.length == 2 && param[0].trim().equalsIgnoreCase("charset")) {
        String charset = param[1].trim().replace("\"", "").toLowerCase(Locale.ROOT);
        if (!charset.equals("utf-8") && !charset.equals("utf8") && !charset.equals("us-ascii")) {
          return "charset must be UTF-8, got " + param[1].trim();
        }
      }
    }
    return null;
  }
}
