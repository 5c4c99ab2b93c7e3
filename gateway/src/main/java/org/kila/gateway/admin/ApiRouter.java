package org.kila.gateway.admin;

import io.vertx.core.Future;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.nio.file.Path;
import java.util.Set;
import org.kila.gateway.admin.auth.AdminSessions;
import org.kila.gateway.admin.auth.Role;
import org.kila.gateway.admin.auth.SignedIn;
import org.kila.gateway.admin.auth.Tokens;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Mounts the admin API's routes, each behind what it needs before it runs: the body read within the size
 * limit, a signed-in session (401), the session's CSRF token on every state-changing request (403) and
 * the route's role (403), checked on the server for every route. Turns a route's reply, or the error it
 * fails with, into JSON: {@code {"error": "...", "problems": [...]}}, never a stack trace.
 */
public final class ApiRouter {
  public static final String CSRF_HEADER = "X-CSRF-Token";
  static final String SIGN_IN = "Please sign in.";
  static final String SESSION_ENDED = "Your session has ended. Please sign in again.";
  static final String BAD_CSRF = "Missing or wrong CSRF token.";

  private static final Logger LOG = LoggerFactory.getLogger(ApiRouter.class);
  private static final Set<HttpMethod> SAFE = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);

  private final Router router;
  private final AdminSessions sessions;
  private final long maxBodyBytes;

  /** A route's work once the caller is known to be allowed: a JSON reply, or a failure. */
  @FunctionalInterface
  public interface Handler {
    Future<Reply> handle(RoutingContext ctx, SignedIn user);
  }

  /** A route that answers without a session: signing in and first-run setup. */
  @FunctionalInterface
  public interface OpenHandler {
    Future<Reply> handle(RoutingContext ctx);
  }

  /** A route that writes its own response (a streamed download); completes once it has ended it. */
  @FunctionalInterface
  public interface StreamHandler {
    Future<Void> handle(RoutingContext ctx, SignedIn user);
  }

  /** {@code uploads}: where uploaded files (an XLSForm) wait, on disk, until their request has been answered. */
  public ApiRouter(Router router, AdminSessions sessions, long maxBodyBytes, Path uploads) {
    this.router = router;
    this.sessions = sessions;
    this.maxBodyBytes = maxBodyBytes;
    router.route("/api/*").handler(BodyHandler.create(true)
        .setBodyLimit(maxBodyBytes)
        .setUploadsDirectory(uploads.toString())
        .setDeleteUploadedFilesOnEnd(true));
    router.route("/api/*").failureHandler(this::failed);
  }

  /** A route without a session, such as signing in; no CSRF token either, as there is no session to hold one. */
  public void open(HttpMethod method, String path, OpenHandler handler) {
    router.route(method, path).handler(ctx -> answer(ctx, handler.handle(ctx)));
  }

  /** A route for signed-in accounts whose role allows at least {@code role}. */
  public void route(HttpMethod method, String path, Role role, Handler handler) {
    router.route(method, path).handler(ctx -> answer(ctx, allowed(ctx, role).compose(user -> handler.handle(ctx, user))));
  }

  /** As {@link #route}, for a handler that writes the response itself. */
  public void stream(HttpMethod method, String path, Role role, StreamHandler handler) {
    router.route(method, path).handler(ctx -> allowed(ctx, role).compose(user -> handler.handle(ctx, user))
        .onFailure(ctx::fail));
  }

  /** Mounted after every route: any other path under {@code /api/} gets a JSON 404. */
  public void finish() {
    router.route("/api/*").handler(ctx -> ctx.fail(ApiException.notFound(
        "There is no " + ctx.request().method() + " " + ctx.request().path() + " in the Kila API.")));
  }

  /** The signed-in account, once its session, CSRF token and role allow the request. */
  private Future<SignedIn> allowed(RoutingContext ctx, Role role) {
    return sessions.find(ctx.request()).compose(found -> {
      if (found.isEmpty()) {
        if (sessions.hasCookie(ctx.request())) {
          ctx.response().addCookie(sessions.cleared());
          return Future.failedFuture(new ApiException(401, SESSION_ENDED));
        }
        return Future.failedFuture(new ApiException(401, SIGN_IN));
      }
      SignedIn user = found.get();
      if (!SAFE.contains(ctx.request().method())
          && !Tokens.same(user.csrfToken(), ctx.request().getHeader(CSRF_HEADER))) {
        return Future.failedFuture(new ApiException(403, BAD_CSRF));
      }
      if (!user.role().allows(role)) {
        return Future.failedFuture(new ApiException(403, "Your role (" + user.role().json()
            + ") may not do this: it needs " + needed(role) + "."));
      }
      return Future.succeededFuture(user);
    });
  }

  private static String needed(Role role) {
    return switch (role) {
      case VIEWER -> "a signed-in account";
      case DESIGNER -> "the designer or admin role";
      case ADMIN -> "the admin role";
    };
  }

  private static void answer(RoutingContext ctx, Future<Reply> reply) {
    reply.onSuccess(r -> send(ctx, r.status(), r.body())).onFailure(ctx::fail);
  }

  /** Writes a JSON answer; never cached, as it may hold answers of respondents or account details. */
  static void send(RoutingContext ctx, int status, Object body) {
    HttpServerResponse response = ctx.response().setStatusCode(status).putHeader("Cache-Control", "no-store");
    if (body == null) {
      response.end();
      return;
    }
    String text = body instanceof JsonObject o ? o.encode() : ((JsonArray) body).encode();
    response.putHeader("Content-Type", "application/json; charset=utf-8").end(text);
  }

  private void failed(RoutingContext ctx) {
    Throwable failure = ctx.failure();
    HttpServerResponse response = ctx.response();
    if (response.headWritten()) {
      // A download failed half way: cut the connection, so the client sees an incomplete file, not a short one.
      LOG.warn("{} {} failed after its answer had started", ctx.request().method(), ctx.request().path(), failure);
      ctx.request().connection().close();
      return;
    }
    ApiException error = asApiError(ctx, failure);
    error.headers().forEach(response::putHeader);
    JsonObject body = new JsonObject().put("error", error.getMessage());
    if (!error.problems().isEmpty()) {
      body.put("problems", Problems.json(error.problems()));
    }
    send(ctx, error.status(), body);
  }

  private ApiException asApiError(RoutingContext ctx, Throwable failure) {
    if (failure instanceof ApiException e) {
      return e;
    }
    if (failure instanceof DecodeException) {
      return ApiException.badRequest("The request body is not valid JSON.");
    }
    if (failure == null) {
      return switch (ctx.statusCode()) {
        case 413 -> new ApiException(413, "The request is larger than the " + maxBodyBytes + " bytes allowed.");
        case 400 -> ApiException.badRequest("The request could not be read.");
        case 404 -> ApiException.notFound("Not found.");
        case 405 -> new ApiException(405, "This method is not allowed here.");
        default -> new ApiException(ctx.statusCode() >= 400 ? ctx.statusCode() : 500, "The request failed.");
      };
    }
    LOG.error("{} {} failed", ctx.request().method(), ctx.request().path(), failure);
    return new ApiException(500, "Something went wrong on the server. It has been logged; please try again.");
  }
}
