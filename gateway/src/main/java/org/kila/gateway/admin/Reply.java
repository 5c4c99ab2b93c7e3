package org.kila.gateway.admin;

/**
 * What a route answers when it succeeds: a status and a JSON body (a Vert.x {@code JsonObject} or
 * {@code JsonArray}), or no body at all for 204.
 */
public record Reply(int status, Object body) {

  public static Reply ok(Object body) {
    return new Reply(200, body);
  }

  public static Reply created(Object body) {
    return new Reply(201, body);
  }

  public static Reply noContent() {
    return new Reply(204, null);
  }
}
