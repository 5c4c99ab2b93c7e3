package org.kila.gateway.admin;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.kila.survey.validate.Problem;

/**
 * A request the API refuses, with the status and the plain sentence it answers with, and for a survey
 * definition every problem with its field path. Thrown or failed anywhere below a route; the route's
 * failure handler turns it into {@code {"error": ..., "problems": [...]}}.
 */
public final class ApiException extends RuntimeException {
  private final int status;
  private final List<Problem> problems;
  private final Map<String, String> headers = new LinkedHashMap<>();

  public ApiException(int status, String message) {
    this(status, message, List.of());
  }

  public ApiException(int status, String message, List<Problem> problems) {
    // No stack trace: this is an answer, not a fault, and some (a wrong password) are frequent.
    super(message, null, false, false);
    this.status = status;
    this.problems = List.copyOf(problems);
  }

  /** Adds a response header, such as {@code Retry-After} on a 429. */
  public ApiException withHeader(String name, String value) {
    headers.put(name, value);
    return this;
  }

  public int status() {
    return status;
  }

  public List<Problem> problems() {
    return problems;
  }

  public Map<String, String> headers() {
    return Map.copyOf(headers);
  }

  public static ApiException badRequest(String message) {
    return new ApiException(400, message);
  }

  public static ApiException notFound(String message) {
    return new ApiException(404, message);
  }

  public static ApiException conflict(String message) {
    return new ApiException(409, message);
  }

  /** 422: the request was understood but its content cannot be accepted (a definition that does not validate). */
  public static ApiException unprocessable(String message, List<Problem> problems) {
    return new ApiException(422, message, problems);
  }
}
