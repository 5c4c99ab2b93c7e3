package org.kila.gateway.admin;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.kila.gateway.admin.auth.AdminSessions;

/**
 * A browser's view of the admin API for tests: it keeps the session cookie it was given and sends the
 * CSRF token on state-changing requests, unless a test asks it not to.
 */
final class ApiClient {
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final String base;
  private String cookie;
  private String csrfToken;
  private String forwardedFor;

  ApiClient(int port) {
    this.base = "http://127.0.0.1:" + port;
  }

  /** What came back: status, headers and body text, with the body read as JSON on demand. */
  record Answer(int status, Map<String, List<String>> headers, String body) {
    JsonObject json() {
      return new JsonObject(body);
    }

    JsonArray array() {
      return new JsonArray(body);
    }

    Optional<String> header(String name) {
      return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
          .flatMap(e -> e.getValue().stream()).findFirst();
    }

    String error() {
      return json().getString("error");
    }
  }

  /** Signs in and keeps the session; fails the test when sign-in does not succeed. */
  ApiClient signIn(String email, String password) {
    Answer answer = post("/api/session", new JsonObject().put("email", email).put("password", password));
    if (answer.status() != 200) {
      throw new AssertionError("sign-in as " + email + " failed: " + answer);
    }
    return this;
  }

  /**
   * Sends every request as if a reverse proxy on this machine forwarded it for {@code address}, so that
   * sign-in failures of one test count against an address of its own.
   */
  ApiClient from(String address) {
    forwardedFor = address;
    return this;
  }

  String csrfToken() {
    return csrfToken;
  }

  void setCsrfToken(String token) {
    csrfToken = token;
  }

  void forgetCsrfToken() {
    csrfToken = null;
  }

  void useCookie(String value) {
    cookie = value;
  }

  String cookie() {
    return cookie;
  }

  Answer get(String path) {
    return send("GET", path, null, "application/json");
  }

  Answer post(String path, Object body) {
    return send("POST", path, body, "application/json");
  }

  Answer put(String path, Object body) {
    return send("PUT", path, body, "application/json");
  }

  Answer patch(String path, Object body) {
    return send("PATCH", path, body, "application/json");
  }

  Answer delete(String path) {
    return send("DELETE", path, null, "application/json");
  }

  /** A form post to a webhook, as an aggregator sends it. */
  Answer postForm(String path, String form) {
    return send("POST", path, form, "application/x-www-form-urlencoded");
  }

  /** A multipart/form-data upload of one file, as a browser's form sends it. */
  Answer upload(String path, String field, String filename, byte[] content) {
    String boundary = "kila-test-" + System.nanoTime();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field + "\"; filename=\"" + filename
        + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
    body.writeBytes(content);
    body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
    if (cookie != null) {
      request.header("Cookie", AdminSessions.COOKIE + "=" + cookie);
    }
    if (csrfToken != null) {
      request.header("X-CSRF-Token", csrfToken);
    }
    try {
      HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Answer(response.statusCode(), response.headers().map(), response.body());
    } catch (IOException e) {
      throw new AssertionError("upload to " + path + " failed: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  /** {@code body}: a JsonObject, a JsonArray, a String sent as it is, or null. */
  Answer send(String method, String path, Object body, String contentType) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
    String text = body == null ? null : body instanceof String s ? s : body.toString();
    request.method(method, text == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(text));
    if (text != null) {
      request.header("Content-Type", contentType);
    }
    if (cookie != null) {
      request.header("Cookie", AdminSessions.COOKIE + "=" + cookie);
    }
    if (forwardedFor != null) {
      request.header("X-Forwarded-For", forwardedFor);
    }
    if (csrfToken != null && !method.equals("GET")) {
      request.header("X-CSRF-Token", csrfToken);
    }
    try {
      HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      Answer answer = new Answer(response.statusCode(), response.headers().map(), response.body());
      remember(answer);
      return answer;
    } catch (IOException e) {
      throw new AssertionError(method + " " + path + " failed: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  private void remember(Answer answer) {
    answer.headers().entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase("set-cookie"))
        .flatMap(e -> e.getValue().stream())
        .filter(c -> c.startsWith(AdminSessions.COOKIE + "="))
        .findFirst()
        .ifPresent(c -> {
          String value = c.substring(AdminSessions.COOKIE.length() + 1, c.indexOf(';') < 0 ? c.length() : c.indexOf(';'));
          cookie = value.isEmpty() ? null : value;
        });
    if (answer.status() == 200 && answer.body() != null && answer.body().startsWith("{\"user\"")) {
      csrfToken = answer.json().getString("csrfToken");
    }
  }
}
