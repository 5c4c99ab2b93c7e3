package org.kila.gateway.admin;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.Optional;

/** Reads a request's JSON body and its fields, refusing with 400 and a plain sentence what does not fit. */
public final class RequestJson {
  private RequestJson() {}

  /** The body as a JSON object. */
  public static JsonObject object(RoutingContext ctx) {
    if (ctx.body() == null || ctx.body().isEmpty()) {
      throw ApiException.badRequest("The request needs a JSON object as its body.");
    }
    try {
      JsonObject body = ctx.body().asJsonObject();
      if (body == null) {
        throw ApiException.badRequest("The request needs a JSON object as its body.");
      }
      return body;
    } catch (DecodeException | ClassCastException e) {
      throw ApiException.badRequest("The request body is not a valid JSON object.");
    }
  }

  /** A field that must be present and text. */
  public static String text(JsonObject body, String field) {
    return optionalText(body, field).orElseThrow(() -> ApiException.badRequest("The field \"" + field + "\" is missing."));
  }

  /** A field that may be absent or null, and otherwise must be text. */
  public static Optional<String> optionalText(JsonObject body, String field) {
    Object value = body.getValue(field);
    if (value == null) {
      return Optional.empty();
    }
    if (!(value instanceof String text)) {
      throw ApiException.badRequest("The field \"" + field + "\" must be text.");
    }
    return Optional.of(text);
  }

  /** A field that may be absent or null, and otherwise must be true or false. */
  public static Optional<Boolean> optionalBoolean(JsonObject body, String field) {
    Object value = body.getValue(field);
    if (value == null) {
      return Optional.empty();
    }
    if (!(value instanceof Boolean flag)) {
      throw ApiException.badRequest("The field \"" + field + "\" must be true or false.");
    }
    return Optional.of(flag);
  }
}
