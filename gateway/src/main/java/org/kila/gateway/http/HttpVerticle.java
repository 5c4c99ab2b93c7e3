package org.kila.gateway.http;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.StaticHandler;
import io.vertx.micrometer.PrometheusScrapingHandler;
import java.util.function.Consumer;
import org.kila.gateway.metrics.KilaMetrics;

/**
 * The HTTP face of the gateway: webhooks, health, metrics and the admin page. Routes are mounted by the
 * caller through {@code routes}, so this class only owns the server's life.
 */
public final class HttpVerticle extends VerticleBase {
  private final String host;
  private final int port;
  private final KilaMetrics metrics;
  private final Consumer<Router> routes;
  private HttpServer server;

  public HttpVerticle(String host, int port, KilaMetrics metrics, Consumer<Router> routes) {
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
    router.get("/admin").handler(ctx -> ctx.redirect("/admin/"));
    router.get("/").handler(ctx -> ctx.redirect("/admin/"));
    router.route("/admin/*").handler(StaticHandler.create("webroot/admin").setCachingEnabled(true));
    router.route().last().handler(ctx -> ctx.response().setStatusCode(404)
        .putHeader("Content-Type", "text/plain; charset=utf-8").end("not found: " + ctx.request().path()));
    server = vertx.createHttpServer();
    return server.requestHandler(router).listen(port, host);
  }

  /** The port actually bound (useful when configured as 0 in tests). */
  public int actualPort() {
    return server.actualPort();
  }
}
