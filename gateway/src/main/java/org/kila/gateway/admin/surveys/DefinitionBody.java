package org.kila.gateway.admin.surveys;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.ext.web.RoutingContext;
import org.kila.gateway.admin.ApiException;
import org.kila.survey.Surveys;
import org.kila.survey.render.ChannelProfile;

/**
 * A survey definition sent to the API as the request body: read only as far as the server needs (its id,
 * and the version number it sets), and otherwise handed as text to the core, which validates it with
 * the same messages as {@code kila validate}.
 */
final class DefinitionBody {
  // Duplicate keys are refused, as the core's reader refuses them: re-writing the JSON must never drop one.
  private static final JsonMapper JSON = JsonMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

  private final ObjectNode definition;

  private DefinitionBody(ObjectNode definition) {
    this.definition = definition;
  }

  /**
   * The request's definition; 400 when it is not a JSON object, with the core's problem (line and column)
   * so the JSON view can point at it.
   */
  static DefinitionBody of(RoutingContext ctx, ChannelProfile ussd) {
    String text = ctx.body() == null || ctx.body().isEmpty() ? "" : ctx.body().asString();
    try {
      JsonNode node = JSON.readTree(text);
      if (node instanceof ObjectNode object) {
        return new DefinitionBody(object);
      }
    } catch (JsonProcessingException e) {
      // the core says why, below
    }
    throw new ApiException(400, "The request body is not a survey definition (a JSON object).",
        Surveys.load(text, ussd).problems());
  }

  /** The {@code id} field as written, or null when it is missing or not text. */
  String id() {
    JsonNode id = definition.get("id");
    return id != null && id.isTextual() ? id.asText() : null;
  }

  /** The definition's JSON text with its {@code version} set to {@code version}, where the designer wrote it or last. */
  String withVersion(int version) {
    definition.put("version", version);
    try {
      return JSON.writeValueAsString(definition);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree could not be written back as JSON", e);
    }
  }
}
