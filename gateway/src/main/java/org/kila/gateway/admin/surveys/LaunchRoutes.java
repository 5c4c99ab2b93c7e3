package org.kila.gateway.admin.surveys;

import io.vertx.core.Future;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.kila.gateway.admin.ApiException;
import org.kila.gateway.admin.ApiRouter;
import org.kila.gateway.admin.ClientAddress;
import org.kila.gateway.admin.Reply;
import org.kila.gateway.admin.audit.AuditAction;
import org.kila.gateway.admin.audit.AuditDao;
import org.kila.gateway.admin.audit.AuditEntry;
import org.kila.gateway.admin.auth.Role;
import org.kila.gateway.admin.auth.SignedIn;
import org.kila.gateway.db.Blocking;
import org.kila.gateway.store.SurveyConflictException;
import org.kila.gateway.store.SurveyDao;
import org.kila.gateway.store.SurveyStatus;
import org.kila.gateway.store.SurveyVersionRow;
import org.kila.gateway.survey.CatalogReload;
import org.kila.survey.Surveys;
import org.kila.survey.render.ChannelProfile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Launching, pausing and closing a survey version (designers and admins). A launch claims the version's
 * USSD codes and SMS keywords (409 naming the survey that holds one) and closes the survey's other
 * versions; a paused version keeps its codes but takes nobody new; closing frees them. This instance
 * serves the change as soon as it answers; the others within {@link CatalogReload#PERIOD}.
 */
public final class LaunchRoutes {
  private static final Logger LOG = LoggerFactory.getLogger(LaunchRoutes.class);

  private final Jdbi jdbi;
  private final Blocking blocking;
  private final CatalogReload reload;
  private final ChannelProfile ussd;
  private final Clock clock;

  public LaunchRoutes(Jdbi jdbi, Blocking blocking, CatalogReload reload, ChannelProfile ussd, Clock clock) {
    this.jdbi = jdbi;
    this.blocking = blocking;
    this.reload = reload;
    this.ussd = ussd;
    this.clock = clock;
  }

  public void mount(ApiRouter api) {
    api.route(HttpMethod.POST, "/api/surveys/:id/versions/:version/launch", Role.DESIGNER,
        (ctx, user) -> change(ctx, user, AuditAction.LAUNCH, this::launch));
    api.route(HttpMethod.POST, "/api/surveys/:id/versions/:version/pause", Role.DESIGNER,
        (ctx, user) -> change(ctx, user, AuditAction.PAUSE, this::pause));
    api.route(HttpMethod.POST, "/api/surveys/:id/versions/:version/close", Role.DESIGNER,
        (ctx, user) -> change(ctx, user, AuditAction.CLOSE, this::close));
  }

  /** One status change of a stored version, inside the survey's lock, returning the new status. */
  @FunctionalInterface
  private interface Change {
    SurveyStatus apply(Handle h, SurveyVersionRow row, Instant now);
  }

  private Future<Reply> change(RoutingContext ctx, SignedIn user, AuditAction action, Change change) {
    String id = ctx.pathParam("id");
    int version = StoredSurveys.versionNumber(ctx.pathParam("version"), false);
    String address = ClientAddress.of(ctx.request());
    return blocking.run(() -> {
      SurveyStatus status = jdbi.inTransaction(h -> {
        h.attach(AdminSurveyDao.class).lock(id);
        SurveyVersionRow row = StoredSurveys.version(h, id, version);
        Instant now = clock.instant();
        SurveyStatus after = change.apply(h, row, now);
        if (after != row.status()) {
          h.attach(AuditDao.class).record(new AuditEntry(now, user.email(), action, id + " v" + version,
              row.status().name().toLowerCase(Locale.ROOT) + " -> " + after.name().toLowerCase(Locale.ROOT), address));
        }
        return after;
      });
      try {
        reload.run();
      } catch (RuntimeException e) {
        // The change is stored: the periodic reload serves it once the database answers again.
        LOG.warn("{} v{} is {}, but this instance could not reload its surveys yet: {}", id, version,
            status.name().toLowerCase(Locale.ROOT), e.toString());
      }
      return Reply.ok(new JsonObject().put("status", status.name().toLowerCase(Locale.ROOT)));
    });
  }

  private SurveyStatus launch(Handle h, SurveyVersionRow row, Instant now) {
    if (row.status() == SurveyStatus.CLOSED) {
      throw ApiException.conflict("Version " + row.version() + " is closed and cannot be launched again: save the "
          + "survey to make a new version, and launch that.");
    }
    Surveys.Loaded loaded = Surveys.load(row.definition(), ussd);
    if (!loaded.ok()) {
      throw ApiException.unprocessable("Version " + row.version() + " does not validate against this gateway's "
          + "screen size: save a corrected version and launch that.", loaded.problems());
    }
    SurveyDao surveys = h.attach(SurveyDao.class);
    try {
      surveys.claimTriggers(row.surveyId(), row.version(), loaded.survey().definition().triggers(), now);
    } catch (SurveyConflictException e) {
      throw ApiException.conflict(e.getMessage());
    }
    surveys.launch(row.surveyId(), row.version(), now);
    return SurveyStatus.LAUNCHED;
  }

  private SurveyStatus pause(Handle h, SurveyVersionRow row, Instant now) {
    if (row.status() == SurveyStatus.PAUSED) {
      return SurveyStatus.PAUSED;
    }
    if (row.status() != SurveyStatus.LAUNCHED) {
      throw ApiException.conflict("Only a launched version can be paused; version " + row.version() + " is "
          + row.status().name().toLowerCase(Locale.ROOT) + ".");
    }
    h.attach(SurveyDao.class).setStatus(row.surveyId(), row.version(), SurveyStatus.PAUSED, now);
    return SurveyStatus.PAUSED;
  }

  private SurveyStatus close(Handle h, SurveyVersionRow row, Instant now) {
    if (row.status() == SurveyStatus.CLOSED) {
      return SurveyStatus.CLOSED;
    }
    if (row.status() == SurveyStatus.DRAFT) {
      throw ApiException.conflict("Version " + row.version() + " is a draft: it was never launched, so there is "
          + "nothing to close.");
    }
    SurveyDao surveys = h.attach(SurveyDao.class);
    surveys.setStatus(row.surveyId(), row.version(), SurveyStatus.CLOSED, now);
    // The launched or paused version holds all of the survey's codes and keywords: releasing every one
    // the survey lists in none ("except nothing") frees them for other surveys.
    surveys.releaseTriggersExcept(row.surveyId(), new String[0], new String[0]);
    return SurveyStatus.CLOSED;
  }
}
