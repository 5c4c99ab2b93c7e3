package org.kila.gateway.admin.users;

import io.vertx.core.Future;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.kila.gateway.admin.ApiException;
import org.kila.gateway.admin.ApiRouter;
import org.kila.gateway.admin.ClientAddress;
import org.kila.gateway.admin.Reply;
import org.kila.gateway.admin.RequestJson;
import org.kila.gateway.admin.audit.AuditAction;
import org.kila.gateway.admin.audit.AuditDao;
import org.kila.gateway.admin.audit.AuditEntry;
import org.kila.gateway.admin.auth.AdminSessionDao;
import org.kila.gateway.admin.auth.PasswordHash;
import org.kila.gateway.admin.auth.Role;
import org.kila.gateway.admin.auth.SignedIn;
import org.kila.gateway.admin.auth.UserDao;
import org.kila.gateway.admin.auth.UserRow;
import org.kila.gateway.db.Blocking;

/**
 * {@code /api/users} (admins only): the accounts, adding one, and changing one's role, password or
 * disabled flag. Kila always keeps at least one admin who can sign in. Every change is audited.
 */
public final class UserRoutes {
  private final Jdbi jdbi;
  private final Blocking blocking;
  private final Clock clock;

  public UserRoutes(Jdbi jdbi, Blocking blocking, Clock clock) {
    this.jdbi = jdbi;
    this.blocking = blocking;
    this.clock = clock;
  }

  public void mount(ApiRouter api) {
    api.route(HttpMethod.GET, "/api/users", Role.ADMIN, (ctx, user) -> blocking.run(() -> {
      JsonArray users = new JsonArray();
      jdbi.withExtension(UserDao.class, UserDao::all).forEach(u -> users.add(json(u)));
      return Reply.ok(users);
    }));
    api.route(HttpMethod.POST, "/api/users", Role.ADMIN, this::create);
    api.route(HttpMethod.PATCH, "/api/users/:email", Role.ADMIN, this::change);
  }

  private Future<Reply> create(RoutingContext ctx, SignedIn actor) {
    JsonObject body = RequestJson.object(ctx);
    String email = RequestJson.text(body, "email");
    if (!EmailAddress.isValid(email)) {
      throw new ApiException(422, "That is not an email address.");
    }
    Role role = role(RequestJson.text(body, "role"));
    String password = RequestJson.text(body, "password");
    NewPassword.problem(password).ifPresent(reason -> {
      throw new ApiException(422, reason);
    });
    String account = EmailAddress.normalise(email);
    String address = ClientAddress.of(ctx.request());
    return blocking.run(() -> {
      String hash = PasswordHash.of(password);
      return jdbi.inTransaction(h -> {
        Instant now = clock.instant();
        h.attach(UserDao.class).insert(account, role, hash, now)
            .orElseThrow(() -> ApiException.conflict("An account with the email " + account + " exists already."));
        h.attach(AuditDao.class).record(new AuditEntry(now, actor.email(), AuditAction.USER_CREATE, account,
            "role " + role.json(), address));
        return Reply.created(json(h.attach(UserDao.class).find(account).orElseThrow()));
      });
    });
  }

  private Future<Reply> change(RoutingContext ctx, SignedIn actor) {
    String account = EmailAddress.normalise(ctx.pathParam("email"));
    JsonObject body = RequestJson.object(ctx);
    Optional<Role> role = RequestJson.optionalText(body, "role").map(UserRoutes::role);
    Optional<String> password = RequestJson.optionalText(body, "password");
    Optional<Boolean> disabled = RequestJson.optionalBoolean(body, "disabled");
    password.flatMap(NewPassword::problem).ifPresent(reason -> {
      throw new ApiException(422, reason);
    });
    String address = ClientAddress.of(ctx.request());
    return blocking.run(() -> {
      Optional<String> hash = password.map(PasswordHash::of);
      return jdbi.inTransaction(h -> {
        UserDao users = h.attach(UserDao.class);
        UserRow user = users.find(account)
            .orElseThrow(() -> ApiException.notFound("There is no account with the email " + account + "."));
        List<String> changes = new ArrayList<>();
        role.filter(r -> r != user.role()).ifPresent(r -> {
          users.setRole(user.id(), r);
          changes.add("role " + user.role().json() + " -> " + r.json());
        });
        hash.ifPresent(hashed -> {
          users.setPassword(user.id(), hashed);
          changes.add("password changed");
        });
        disabled.filter(d -> d != user.disabled()).ifPresent(d -> {
          users.setDisabled(user.id(), d);
          changes.add(d ? "disabled" : "enabled");
        });
        keepOneAdmin(h);
        boolean signOut = hash.isPresent() && user.id() != actor.userId() || disabled.orElse(false);
        if (signOut) {
          // A new password or a disabled account ends the account's sessions everywhere.
          h.attach(AdminSessionDao.class).deleteForUser(user.id());
        }
        if (!changes.isEmpty()) {
          h.attach(AuditDao.class).record(new AuditEntry(clock.instant(), actor.email(), AuditAction.USER_CHANGE,
              account, String.join("; ", changes), address));
        }
        return Reply.ok(json(users.find(account).orElseThrow()));
      });
    });
  }

  /** Refuses (and so rolls back) a change that would leave no admin able to sign in. */
  private static void keepOneAdmin(Handle h) {
    if (h.attach(UserDao.class).activeAdmins() == 0) {
      throw ApiException.conflict("Kila needs at least one admin who can sign in: make another account admin first.");
    }
  }

  private static Role role(String text) {
    return Role.fromJson(text)
        .orElseThrow(() -> new ApiException(422, "The role must be admin, designer or viewer, not '" + text + "'."));
  }

  static JsonObject json(UserRow user) {
    return new JsonObject()
        .put("email", user.email())
        .put("role", user.role().json())
        .put("createdAt", user.createdAt().toString())
        .put("lastSignIn", user.lastSignIn() == null ? null : user.lastSignIn().toString())
        .put("disabled", user.disabled());
  }
}
