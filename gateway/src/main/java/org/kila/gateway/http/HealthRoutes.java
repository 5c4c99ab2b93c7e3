package org.kila.gateway.http;

import io.micrometer.core.instrument.Gauge;
import io.vertx.core.Future;
import io.vertx.ext.web.Router;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.kila.gateway.db.Blocking;
import org.kila.gateway.db.Database;
import org.kila.gateway.metrics.KilaMetrics;

/**
 * {@code GET /health}: 200 when the database answers and every migration is applied, 503 otherwise (for
 * load balancers and the alert on a database outage, also exported as the {@code kila_db_up} gauge).
 */
public final class HealthRoutes {
  private final Database database;
  private final Blocking blocking;
  private final AtomicInteger dbUp = new AtomicInteger(0);

  public HealthRoutes(Database database, Blocking blocking, KilaMetrics metrics) {
    this.database = database;
    this.blocking = blocking;
    Gauge.builder("kila.db.up", this, HealthRoutes::up)
        .description("1 when the database is reachable and answered the last health check").register(metrics.registry());
  }

  private int up() {
    return database.availability().away() ? 0 : dbUp.get();
  }

  public void mount(Router router) {
    router.get("/health").handler(ctx -> {
      // Known to be away: said at once, without queueing behind the hops for a database worker.
      Future<Boolean> check = database.availability().away()
          ? Future.succeededFuture(false)
          : blocking.run(database::isHealthy).timeout(3, TimeUnit.SECONDS);
      check.onComplete(result -> {
        boolean healthy = result.succeeded() && Boolean.TRUE.equals(result.result());
        dbUp.set(healthy ? 1 : 0);
        ctx.response().setStatusCode(healthy ? 200 : 503)
            .putHeader("Content-Type", "application/json")
            .end(healthy ? "{\"status\":\"up\",\"database\":\"up\"}" : "{\"status\":\"down\",\"database\":\"down\"}");
      });
    });
  }
}
