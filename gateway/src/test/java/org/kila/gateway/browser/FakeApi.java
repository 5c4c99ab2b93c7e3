package org.kila.gateway.browser;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.Route;
import java.util.Map;
import java.util.function.Function;

/**
 * Answers the page's API requests inside the browser, for tests of the page alone (before a real gateway
 * is running). Each answer is written as the API contract (admin-ui/API.md) gives it.
 */
public final class FakeApi {
  private final Page page;

  public FakeApi(Page page) {
    this.page = page;
  }

  /** Answers method + path (glob, e.g. "**&#47;api/session") with status and JSON body; other methods fall through. */
  public FakeApi answer(String method, String path, int status, String json) {
    return answer(method, path, status, json, Map.of());
  }

  public FakeApi answer(String method, String path, int status, String json, Map<String, String> headers) {
    page.route(path, route -> {
      if (!route.request().method().equals(method)) {
        route.fallback();
        return;
      }
      route.fulfill(new Route.FulfillOptions().setStatus(status).setContentType("application/json")
          .setHeaders(headers).setBody(json));
    });
    return this;
  }

  /** Answers method + path with what answer(requestBody) returns, for answers that depend on what was sent. */
  public FakeApi answer(String method, String path, int status, Function<String, String> answer) {
    page.route(path, route -> {
      if (!route.request().method().equals(method)) {
        route.fallback();
        return;
      }
      route.fulfill(new Route.FulfillOptions().setStatus(status).setContentType("application/json")
          .setBody(answer.apply(route.request().postData())));
    });
    return this;
  }

  /** A designer is signed in (the session answer carries the CSRF token the page must send back). */
  public FakeApi signedIn(String role) {
    answer("GET", "**/api/setup", 200, "{\"needed\": false}");
    answer("GET", "**/api/session", 200,
        "{\"user\": {\"email\": \"amina@example.org\", \"role\": \"" + role + "\"}, \"csrfToken\": \"csrf-123\"}");
    return this;
  }

  /** The answers of a gateway with users but nobody signed in. */
  public FakeApi signedOut() {
    answer("GET", "**/api/setup", 200, "{\"needed\": false}");
    answer("GET", "**/api/session", 401, "{\"error\": \"Not signed in.\"}");
    return this;
  }
}
