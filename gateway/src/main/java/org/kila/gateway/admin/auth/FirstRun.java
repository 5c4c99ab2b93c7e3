package org.kila.gateway.admin.auth;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.kila.gateway.admin.audit.AuditAction;
import org.kila.gateway.admin.audit.AuditDao;
import org.kila.gateway.admin.audit.AuditEntry;
import org.kila.gateway.config.ConfigOption;
import org.kila.gateway.config.KilaConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a start does about accounts. When none exists: with {@code KILA_ADMIN_EMAIL} and
 * {@code KILA_ADMIN_PASSWORD} it creates that admin; without them it makes a one-time setup link,
 * {@code <public URL>/admin/#/setup?token=...}, logs it and returns it for the serve command to print.
 * Once an account exists it does nothing.
 */
public final class FirstRun {
  private static final Logger LOG = LoggerFactory.getLogger(FirstRun.class);
  static final String SETUP_PATH = "/admin/#/setup?token=";

  private FirstRun() {}

  /** Blocking: runs once at start, before the API answers. Returns the setup link when one was made. */
  public static Optional<String> prepare(Jdbi jdbi, KilaConfig config, Clock clock) {
    KilaConfig.Admin admin = config.admin();
    if (admin.email().isPresent() && admin.password().isPresent()) {
      String email = admin.email().get();
      // Hashed before the transaction: the lock is not held while Argon2 runs.
      String hash = PasswordHash.of(admin.password().get());
      boolean created = jdbi.inTransaction(h -> {
        h.attach(SetupDao.class).lockFirstRun();
        if (h.attach(UserDao.class).count() > 0) {
          return false;
        }
        Instant now = clock.instant();
        h.attach(UserDao.class).insert(email, Role.ADMIN, hash, now);
        h.attach(SetupDao.class).deleteTokens();
        h.attach(AuditDao.class).record(new AuditEntry(now, ConfigOption.ADMIN_EMAIL.envName(), AuditAction.USER_CREATE,
            email, "first admin, from the environment", null));
        return true;
      });
      if (created) {
        LOG.info("Created the first admin account, {}, from {}", email, ConfigOption.ADMIN_EMAIL.envName());
      } else {
        LOG.info("{} is ignored: accounts exist already", ConfigOption.ADMIN_EMAIL.envName());
      }
      return Optional.empty();
    }
    String token = Tokens.random();
    boolean needed = jdbi.inTransaction(h -> {
      h.attach(SetupDao.class).lockFirstRun();
      if (h.attach(UserDao.class).count() > 0) {
        return false;
      }
      h.attach(SetupDao.class).addToken(Tokens.hash(token), clock.instant());
      return true;
    });
    if (!needed) {
      return Optional.empty();
    }
    String link = config.http().publicUrl() + SETUP_PATH + token;
    LOG.warn("No admin account exists yet. Open this one-time link to create the first one: {}", link);
    return Optional.of(link);
  }
}
