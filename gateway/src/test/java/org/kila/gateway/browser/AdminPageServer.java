package org.kila.gateway.browser;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.StaticHandler;
import java.util.concurrent.TimeUnit;

/**
 * Serves the admin page's assets from the classpath at {@code /admin/}, as the gateway does, on a free
 * port, so the page can be tested in a browser before (and apart from) the real API. Tests answer the
 * page's {@code /api/} requests themselves through the browser's request interception.
 */
public final class AdminPageServer implements AutoCloseable {
  private final Vertx vertx;
  private final HttpServer server;

  private AdminPageServer(Vertx vertx, HttpServer server) {
    this.vertx = vertx;
    this.server = server;
  }

  public static AdminPageServer start() throws Exception {
    Vertx vertx = Vertx.vertx();
    Router router = Router.router(vertx);
    router.route("/admin/*").handler(StaticHandler.create("webroot/admin").setCachingEnabled(false));
    router.route("/api/*").handler(ctx -> ctx.response().setStatusCode(404)
        .putHeader("Content-Type", "application/json").end("{\"error\": \"Not answered by this test.\"}"));
    HttpServer server = vertx.createHttpServer().requestHandler(router).listen(0)
        .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    return new AdminPageServer(vertx, server);
  }

  /** The address of the admin page, e.g. http://localhost:40123/admin/ */
  public String adminUrl() {
    return "http://localhost:" + server.actualPort() + "/admin/";
  }

  @Override
  public void close() throws Exception {
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }
}
