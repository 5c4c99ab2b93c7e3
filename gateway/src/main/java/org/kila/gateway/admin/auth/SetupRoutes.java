package org.kila.gateway.admin.auth;

import io.vertx.core.Future;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.Instant;
import org.jdbi.v3.core.Jdbi;
import org.kila.gateway.admin.ApiException;
import org.kila.gateway.admin.ApiRouter;
import org.kila.gateway.admin.ClientAddress;
import org.kila.gateway.admin.Reply;
import org.kila.gateway.admin.RequestJson;
import org.kila.gateway.admin.audit.AuditAction;
import org.kila.gateway.admin.audit.AuditDao;
import org.kila.gateway.admin.audit.AuditEntry;
import org.kila.gateway.admin.users.EmailAddress;
import org.kila.gateway.admin.users.NewPassword;
import org.kila.gateway.db.Blocking;

/**
 * {@code /api/setup}: whether Kila still needs its first admin (GET), and creating that admin with the
 * one-time token of the setup link printed at start (POST). Both work without a session.
 */
public final class SetupRoutes {
  private final Jdbi jdbi;
  private final Blocking blocking;
  private final Clock clock;

  public SetupRoutes(Jdbi jdbi, Blocking blocking, Clock clock) {
    this.jdbi = jdbi;
    this.blocking = blocking;
    this.clock = clock;
  }

  public void mount(ApiRouter api) {
    api.open(HttpMethod.GET, "/api/setup", ctx -> blocking.run(() -> jdbi.withExtension(UserDao.class, UserDao::count))
        .map(count -> Reply.ok(new JsonObject().put("needed", count == 0))));
    api.open(HttpMethod.POST, "/api/setup", this::setUp);
  }

  private Future<Reply> setUp(RoutingContext ctx) {
    JsonObject body = RequestJson.object(ctx);
    String token = RequestJson.text(body, "token").strip();
    String email = RequestJson.text(body, "email");
    String password = RequestJson.text(body, "password");
    if (!EmailAddress.isValid(email)) {
      throw new ApiException(422, "That is not an email address.");
    }
    NewPassword.problem(password).ifPresent(reason -> {
      throw new ApiException(422, reason);
    });
    String account = EmailAddress.normalise(email);
    String address = ClientAddress.of(ctx.request());
    return blocking.run(() -> {
      String hash = PasswordHash.of(password);
      return jdbi.inTransaction(h -> {
        SetupDao setup = h.attach(SetupDao.class);
        setup.lockFirstRun();
        if (h.attach(UserDao.class).count() > 0) {
          throw ApiException.conflict("Kila is set up already: please sign in.");
        }
        if (token.isEmpty() || !setup.tokenExists(Tokens.hash(token))) {
          throw new ApiException(403, "This setup link is not valid. Use the link Kila printed when it started.");
        }
        Instant now = clock.instant();
        h.attach(UserDao.class).insert(account, Role.ADMIN, hash, now);
        setup.deleteTokens();
        h.attach(AuditDao.class).record(new AuditEntry(now, "setup link", AuditAction.USER_CREATE, account,
            "first admin", address));
        return Reply.created(new JsonObject().put("email", account).put("role", Role.ADMIN.json()));
      });
    });
  }
}
