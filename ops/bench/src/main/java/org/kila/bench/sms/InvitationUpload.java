package org.kila.bench.sms;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Queues SMS invitations through the admin API as the admin page does (see admin-ui/API.md): signs in with
 * an admin's email and password ({@code POST /api/session}), then uploads the numbers as a CSV in the
 * multipart field {@code file} ({@code POST /api/surveys/{id}/invitations}) with the session cookie and the
 * CSRF token. Signing in on one instance and uploading on another works only because admin sessions live
 * in the database.
 */
public final class InvitationUpload {
  static final String COOKIE = "kila_session";
  static final String BOUNDARY = "kila-bench-invitations";

  /**
   * What the gateway said: invitations queued, rows skipped, and where the file broke (null: it did not);
   * and how long signing in and the upload took.
   */
  public record Queued(int queued, int skipped, String brokenAt, long signInMillis, long uploadMillis) {}

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  /**
   * @param signInAt base URL of the instance signed in on, e.g. {@code http://127.0.0.1:8080}
   * @param uploadAt base URL of the instance the list is uploaded to
   */
  public Queued upload(String signInAt, String uploadAt, String email, String password, String surveyId,
      List<String> phones) throws IOException, InterruptedException {
    long t0 = System.nanoTime();
    HttpResponse<String> session = http.send(HttpRequest.newBuilder(URI.create(signInAt + "/api/session"))
        .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(new JsonObject().put("email", email).put("password", password).encode()))
        .build(), HttpResponse.BodyHandlers.ofString());
    if (session.statusCode() != 200) {
      throw new IOException("signing in answered " + session.statusCode() + ": " + session.body());
    }
    String cookie = sessionCookie(session.headers().allValues("Set-Cookie"))
        .orElseThrow(() -> new IOException("signing in set no " + COOKIE + " cookie"));
    String csrf = new JsonObject(session.body()).getString("csrfToken");
    long t1 = System.nanoTime();
    HttpResponse<String> answer = http.send(HttpRequest.newBuilder(
            URI.create(uploadAt + "/api/surveys/" + surveyId + "/invitations"))
        .timeout(Duration.ofSeconds(60)).header("Cookie", cookie).header("X-CSRF-Token", csrf)
        .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
        .POST(HttpRequest.BodyPublishers.ofByteArray(multipart("file", "invitations.csv", csv(phones))))
        .build(), HttpResponse.BodyHandlers.ofString());
    if (answer.statusCode() != 200) {
      throw new IOException("uploading the invitations answered " + answer.statusCode() + ": " + answer.body());
    }
    JsonObject report = new JsonObject(answer.body());
    return new Queued(report.getInteger("queued"), report.getJsonArray("skipped").size(), report.getString("brokenAt"),
        (t1 - t0) / 1_000_000, (System.nanoTime() - t1) / 1_000_000);
  }

  /** The list as the API takes it: a header row, then one number a line. */
  static String csv(List<String> phones) {
    return "phone\n" + String.join("\n", phones) + "\n";
  }

  /** A multipart/form-data body (RFC 7578) with one file field, delimited by {@link #BOUNDARY}. */
  static byte[] multipart(String field, String filename, String content) {
    return ("--" + BOUNDARY + "\r\n"
        + "Content-Disposition: form-data; name=\"" + field + "\"; filename=\"" + filename + "\"\r\n"
        + "Content-Type: text/csv\r\n\r\n"
        + content + "\r\n"
        + "--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8);
  }

  /** {@code kila_session=...} from the answer's Set-Cookie headers, without its attributes. */
  static Optional<String> sessionCookie(List<String> setCookies) {
    return setCookies.stream().map(c -> c.split(";", 2)[0].strip()).filter(c -> c.startsWith(COOKIE + "=")).findFirst();
  }
}
