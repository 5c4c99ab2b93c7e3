package org.kila.bench.fault;

import io.vertx.core.http.HttpMethod;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

/**
 * Requests nobody should send, for the flood: every endpoint, any method, any content type, bodies of
 * random bytes, broken forms and JSON (bad escapes, invalid UTF-8, missing and repeated fields, deep
 * nesting), and bodies past the size limit. Seeded, so a failure can be replayed.
 */
final class JunkRequests {
  /** One request to send. {@code contentType} may be null (no header). */
  record Junk(HttpMethod method, String path, String contentType, byte[] body) {}

  private static final List<String> PATHS = List.of("/ussd/africastalking", "/ussd/africastalking",
      "/ussd/africastalking", "/ussd/hubtel", "/ussd/hubtel", "/ussd/africastalking/events", "/health", "/metrics",
      "/admin/", "/admin", "/", "/ussd", "/ussd/", "/ussd/africastalking/", "/ussd/unknown", "/admin/../../etc/passwd",
      "/ussd/africastalking?sessionId=1&text=1", "/%zz", "/ussd/%00hubtel");
  private static final List<HttpMethod> METHODS = List.of(HttpMethod.POST, HttpMethod.POST, HttpMethod.POST,
      HttpMethod.POST, HttpMethod.GET, HttpMethod.PUT, HttpMethod.DELETE, HttpMethod.PATCH, HttpMethod.OPTIONS,
      HttpMethod.HEAD);
  private static final List<String> TYPES = List.of("application/x-www-form-urlencoded",
      "application/x-www-form-urlencoded", "application/x-www-form-urlencoded; charset=UTF-8",
      "application/x-www-form-urlencoded; charset=ISO-8859-1", "application/json", "application/json",
      "application/json; charset=utf-16", "text/plain", "multipart/form-data; boundary=xyz", "application/xml",
      ";;;", "", "*/*");
  private static final List<String> FIELDS = List.of("sessionId", "serviceCode", "phoneNumber", "networkCode",
      "text", "status", "hopsCount", "durationInMillis", "lastAppResponse", "errorMessage", "date", "input");
  private static final List<String> VALUES = List.of("", "*384*12#", "*384*12", "+254712345678", "0712345678",
      "1", "1*1", "1*1*1*22", "*", "**", "%", "%2", "%zz", "%E2%82", "%FF%FE", "%00", "Success", "Failed",
      "Incomplete", "-1", "99999999999999999999", "1e9", "null", "true", "[]", "{}", "\u00e9\u00e9", "\ud83d\ude00",
      "<script>", "' OR 1=1 --", "a".repeat(300));

  private final Random random;

  JunkRequests(long seed) {
    this.random = new Random(seed);
  }

  Junk next(int maxBodyBytes) {
    HttpMethod method = pick(METHODS);
    String path = random.nextInt(50) == 0 ? "/" + "x".repeat(random.nextInt(9_000)) : pick(PATHS);
    String type = random.nextInt(10) == 0 ? null : pick(TYPES);
    return new Junk(method, path, type, body(maxBodyBytes));
  }

  private byte[] body(int maxBodyBytes) {
    return switch (random.nextInt(8)) {
      case 0 -> bytes(random.nextInt(2_048));
      case 1 -> bytes(maxBodyBytes + 1 + random.nextInt(4 * maxBodyBytes));
      case 2, 3 -> form();
      case 4 -> json();
      case 5 -> ("[".repeat(random.nextInt(5_000)) + "]".repeat(random.nextInt(5_000))).getBytes(StandardCharsets.UTF_8);
      case 6 -> new byte[0];
      default -> mangle(form());
    };
  }

  private byte[] form() {
    StringBuilder s = new StringBuilder();
    int fields = random.nextInt(9);
    for (int i = 0; i < fields; i++) {
      if (i > 0) {
        s.append(random.nextInt(20) == 0 ? "&&" : "&");
      }
      s.append(pick(FIELDS));
      if (random.nextInt(15) != 0) {
        s.append('=').append(pick(VALUES));
      }
    }
    return s.toString().getBytes(StandardCharsets.UTF_8);
  }

  private byte[] json() {
    StringBuilder s = new StringBuilder("{");
    int fields = random.nextInt(8);
    for (int i = 0; i < fields; i++) {
      String[] names = {"SessionId", "Mobile", "ServiceCode", "Type", "Message", "Operator", "Sequence",
          "ClientState", "Platform"};
      String[] values = {"\"Initiation\"", "\"Response\"", "\"Release\"", "\"Timeout\"", "1", "-1", "null", "[]", "{}",
          "\"233241234567\"", "\"*713#\"", "\"\\ud800\"", "\"\\u0000\"", "1e999", "\"" + "b".repeat(200) + "\""};
      s.append(i > 0 ? "," : "").append('"').append(names[random.nextInt(names.length)]).append("\":")
          .append(values[random.nextInt(values.length)]);
    }
    if (random.nextInt(4) != 0) {
      s.append('}');
    }
    return s.toString().getBytes(StandardCharsets.UTF_8);
  }

  private byte[] mangle(byte[] body) {
    for (int i = 0; i < body.length; i++) {
      if (random.nextInt(10) == 0) {
        body[i] = (byte) random.nextInt(256);
      }
    }
    return body;
  }

  private byte[] bytes(int n) {
    byte[] b = new byte[n];
    random.nextBytes(b);
    return b;
  }

  private <T> T pick(List<T> list) {
    return list.get(random.nextInt(list.size()));
  }
}
