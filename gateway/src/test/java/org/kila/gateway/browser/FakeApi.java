package org.kila.gateway.browser;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.Route;
import java.util.Map;

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

  /** The answers of a gateway with users but nobody signed in. */
  public FakeApi signedOut() {
    answer("GET", "**/api/setup", 200, "{\"needed\": false}");
    answer("GET", "**/api/session", 401, "{\"error\": \"Not signed in.\"}");
    return this;
  }
}
