package org.kila.gateway.http;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.StaticHandler;
import io.vertx.micrometer.PrometheusScrapingHandler;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.kila.gateway.metrics.KilaMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP face of the gateway: webhooks, health, metrics and the admin page. Routes are mounted by the
 * caller through {@code routes}, so this class only owns the server's life.
 */
public final class HttpVerticle extends VerticleBase {
  private static final Logger LOG = LoggerFactory.getLogger(HttpVerticle.class);
  private final String host;
  private final int port;
  private final KilaMetrics metrics;
  private final Consumer<Router> routes;
  private final Duration grace;
  private HttpServer server;

  /** {@code grace}: how long requests in flight at shutdown may take to be answered. */
  public HttpVerticle(String host, int port, KilaMetrics metrics, Duration grace, Consumer<Router> routes) {
    this.grace = grace;
    this.host = host;
    this.port = port;
    this.metrics = metrics;
    this.routes = routes;
  }

  @Override
  public Future<?> start() {
    Router router = Router.router(vertx);
    routes.accept(router);
    router.get("/metrics").handler(PrometheusScrapingHandler.create(metrics.registry()));
    // Vert.x matches an exact path with or without its trailing slash, so "/admin/" reaches this route
    // too: redirecting it as well would send the browser round in circles.
    router.get("/admin").handler(ctx -> {
      if (ctx.request().path().endsWith("/")) ctx.next();
      else ctx.redirect("/admin/");
    });
    router.get("/").handler(ctx -> ctx.redirect("/admin/"));
    router.route("/admin/*").handler(StaticHandler.create("webroot/admin").setCachingEnabled(true));
    router.route().failureHandler(HttpVerticle::failure);
    router.route().last().handler(ctx -> ctx.response().setStatusCode(404)
        .putHeader("Content-Type", "text/plain; charset=utf-8").end("not found: " + ctx.request().path()));
    // No WebSockets are served: without their compression handlers every request passes one handler less.
    server = vertx.createHttpServer(new HttpServerOptions()
        .setPerMessageWebSocketCompressionSupported(false)
        .setPerFrameWebSocketCompressionSupported(false));
    return server.requestHandler(router).listen(port, host);
  }

  /**
   * Answers a failed request with a short plain reason and never a stack trace: 413 for a body over the
   * limit (the body handler's refusal), 4xx as given, anything else 500 with the cause in the log only.
   */
  private static void failure(RoutingContext ctx) {
    int status = ctx.statusCode() > 0 ? ctx.statusCode() : 500;
    String reason = switch (status) {
      case 413 -> "body too large";
      case 400 -> "bad request";
      case 404 -> "not found";
      case 405 -> "method not allowed";
      default -> status < 500 ? "request refused" : "internal error";
    };
    if (status >= 500) {
      LOG.error("request {} {} failed", ctx.request().method(), ctx.request().path(), ctx.failure());
    }
    if (!ctx.response().ended()) {
      ctx.response().setStatusCode(status).putHeader("Content-Type", "text/plain; charset=utf-8").end(reason);
    }
  }

  /**
   * Stops taking connections and lets the requests in flight be answered, for up to {@code grace}, before
   * the connections close.
   */
  @Override
  public Future<?> stop() {
    return server == null ? Future.succeededFuture() : server.shutdown(grace.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** The port actually bound (useful when configured as 0 in tests). */
  public int actualPort() {
    return server.actualPort();
  }
}
