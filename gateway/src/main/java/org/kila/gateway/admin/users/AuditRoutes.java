package org.kila.gateway.admin.users;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.jdbi.v3.core.Jdbi;
import org.kila.gateway.admin.ApiException;
import org.kila.gateway.admin.ApiRouter;
import org.kila.gateway.admin.Reply;
import org.kila.gateway.admin.audit.AuditDao;
import org.kila.gateway.admin.auth.Role;
import org.kila.gateway.db.Blocking;

/** {@code GET /api/audit?limit=100} (admins only): the newest entries of the audit log. */
public final class AuditRoutes {
  static final int DEFAULT_LIMIT = 100;
  static final int MAX_LIMIT = 1000;

  private final Jdbi jdbi;
  private final Blocking blocking;

  public AuditRoutes(Jdbi jdbi, Blocking blocking) {
    this.jdbi = jdbi;
    this.blocking = blocking;
  }

  public void mount(ApiRouter api) {
    api.route(HttpMethod.GET, "/api/audit", Role.ADMIN, (ctx, user) -> {
      int limit = limit(ctx.queryParams().get("limit"));
      return blocking.run(() -> {
        JsonArray entries = new JsonArray();
        jdbi.withExtension(AuditDao.class, dao -> dao.latest(limit)).forEach(e -> entries.add(new JsonObject()
            .put("at", e.at().toString())
            .put("actor", e.actor())
            .put("action", e.action().json())
            .put("target", e.target())
            .put("detail", e.detail())
            .put("address", e.address())));
        return Reply.ok(entries);
      });
    });
  }

  private static int limit(String text) {
    if (text == null || text.isBlank()) {
      return DEFAULT_LIMIT;
    }
    try {
      int limit = Integer.parseInt(text.strip());
      if (limit >= 1 && limit <= MAX_LIMIT) {
        return limit;
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    throw ApiException.badRequest("limit must be a whole number from 1 to " + MAX_LIMIT + ", not '" + text + "'.");
  }
}
