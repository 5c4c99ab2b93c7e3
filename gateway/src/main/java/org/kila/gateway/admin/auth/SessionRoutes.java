package org.kila.gateway.admin.auth;

import io.vertx.core.Future;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import org.kila.gateway.admin.ApiException;
import org.kila.gateway.admin.ApiRouter;
import org.kila.gateway.admin.ClientAddress;
import org.kila.gateway.admin.Reply;
import org.kila.gateway.admin.RequestJson;

/** {@code /api/session}: who is signed in (GET), signing in (POST) and out (DELETE). */
public final class SessionRoutes {
  static final String WRONG = "Wrong email or password.";

  private final AdminSessions sessions;
  private final SignIn signIn;

  public SessionRoutes(AdminSessions sessions, SignIn signIn) {
    this.sessions = sessions;
    this.signIn = signIn;
  }

  public void mount(ApiRouter api) {
    api.route(HttpMethod.GET, "/api/session", Role.VIEWER, (ctx, user) -> Future.succeededFuture(Reply.ok(json(user))));
    api.open(HttpMethod.POST, "/api/session", this::signIn);
    api.route(HttpMethod.DELETE, "/api/session", Role.VIEWER, (ctx, user) -> sessions.end(ctx.request()).map(v -> {
      ctx.response().addCookie(sessions.cleared());
      return Reply.noContent();
    }));
  }

  private Future<Reply> signIn(RoutingContext ctx) {
    JsonObject body = RequestJson.object(ctx);
    String email = RequestJson.text(body, "email");
    String password = RequestJson.text(body, "password");
    return signIn.attempt(email, password, ClientAddress.of(ctx.request())).compose(outcome -> {
      if (outcome instanceof SignIn.Outcome.Accepted accepted) {
        // Whatever session the browser had ends: a new sign-in always gets a new id (no session fixation).
        return sessions.end(ctx.request()).map(v -> {
          ctx.response().addCookie(sessions.cookie(accepted.session().cookieValue()));
          return Reply.ok(json(accepted.session().user()));
        });
      }
      if (outcome instanceof SignIn.Outcome.Throttled throttled) {
        long seconds = Math.max(1, throttled.retryAfter().toSeconds());
        long minutes = (seconds + 59) / 60;
        return Future.failedFuture(new ApiException(429, "Too many failed sign-ins. Please wait " + minutes
            + (minutes == 1 ? " minute" : " minutes") + " and try again.").withHeader("Retry-After", Long.toString(seconds)));
      }
      return Future.failedFuture(new ApiException(401, WRONG));
    });
  }

  static JsonObject json(SignedIn user) {
    return new JsonObject()
        .put("user", new JsonObject().put("email", user.email()).put("role", user.role().json()))
        .put("csrfToken", user.csrfToken());
  }
}
