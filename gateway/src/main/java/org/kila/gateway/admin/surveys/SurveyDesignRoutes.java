package org.kila.gateway.admin.surveys;

import io.vertx.core.Future;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.kila.gateway.admin.ApiException;
import org.kila.gateway.admin.ApiRouter;
import org.kila.gateway.admin.ClientAddress;
import org.kila.gateway.admin.Problems;
import org.kila.gateway.admin.Reply;
import org.kila.gateway.admin.audit.AuditAction;
import org.kila.gateway.admin.audit.AuditDao;
import org.kila.gateway.admin.audit.AuditEntry;
import org.kila.gateway.admin.auth.Role;
import org.kila.gateway.admin.auth.SignedIn;
import org.kila.gateway.db.Blocking;
import org.kila.gateway.store.SurveyDao;
import org.kila.gateway.store.SurveyStatus;
import org.kila.gateway.store.SurveyVersionRow;
import org.kila.survey.Surveys;
import org.kila.survey.engine.CompiledSurvey;
import org.kila.survey.render.ChannelProfile;
import org.kila.survey.validate.Problem;

/**
 * Designing surveys (designers and admins): validating a definition as it is typed, creating a survey,
 * and saving a draft. The server decides the version number: a draft is replaced in place, but a version
 * that was ever launched is never edited, so saving over it makes the next version. Nothing that does
 * not validate is saved.
 */
public final class SurveyDesignRoutes {
  private final Jdbi jdbi;
  private final Blocking blocking;
  private final ChannelProfile ussd;
  private final Clock clock;

  /** {@code ussd}: the screen budget definitions are checked against, as for the surveys loaded at start. */
  public SurveyDesignRoutes(Jdbi jdbi, Blocking blocking, ChannelProfile ussd, Clock clock) {
    this.jdbi = jdbi;
    this.blocking = blocking;
    this.ussd = ussd;
    this.clock = clock;
  }

  public void mount(ApiRouter api) {
    api.route(HttpMethod.POST, "/api/surveys/validate", Role.DESIGNER, this::validate);
    api.route(HttpMethod.POST, "/api/surveys", Role.DESIGNER, this::create);
    api.route(HttpMethod.PUT, "/api/surveys/:id/draft", Role.DESIGNER, this::saveDraft);
  }

  /** Always 200: a definition that is not even JSON is one more problem to show at its line. */
  private Future<Reply> validate(RoutingContext ctx, SignedIn user) {
    String text = ctx.body() == null || ctx.body().isEmpty() ? "" : ctx.body().asString();
    return blocking.run(() -> {
      Surveys.Loaded loaded = Surveys.load(text, ussd);
      return Reply.ok(new JsonObject()
          .put("problems", Problems.json(loaded.problems()))
          .put("warnings", Problems.json(loaded.warnings())));
    });
  }

  private Future<Reply> create(RoutingContext ctx, SignedIn user) {
    DefinitionBody body = DefinitionBody.of(ctx, ussd);
    String address = ClientAddress.of(ctx.request());
    return blocking.run(() -> {
      CompiledSurvey survey = validated(body.withVersion(1));
      return jdbi.inTransaction(h -> {
        h.attach(AdminSurveyDao.class).lock(survey.id());
        if (!h.attach(SurveyDao.class).versions(survey.id()).isEmpty()) {
          throw ApiException.conflict("A survey with the id '" + survey.id() + "' exists already: choose another id, "
              + "or open that survey to change it.");
        }
        save(h, survey, body.withVersion(1));
        audit(h, user, AuditAction.CREATE, survey, "draft", address);
        return Reply.created(new JsonObject().put("id", survey.id()).put("version", 1).put("status", "draft")
            .put("problems", new JsonArray()));
      });
    });
  }

  private Future<Reply> saveDraft(RoutingContext ctx, SignedIn user) {
    String id = ctx.pathParam("id");
    DefinitionBody body = DefinitionBody.of(ctx, ussd);
    if (!id.equals(body.id())) {
      throw ApiException.unprocessable("A survey's id cannot change: this is survey '" + id + "'.",
          List.of(new Problem("id", "must stay '" + id + "' (to start a different survey, create a new one)")));
    }
    String address = ClientAddress.of(ctx.request());
    return blocking.run(() -> jdbi.inTransaction(h -> {
      h.attach(AdminSurveyDao.class).lock(id);
      SurveyVersionRow latest = StoredSurveys.latest(h, id);
      boolean replace = latest.status() == SurveyStatus.DRAFT;
      int version = replace ? latest.version() : latest.version() + 1;
      String json = body.withVersion(version);
      CompiledSurvey survey = validated(json);
      save(h, survey, json);
      audit(h, user, AuditAction.EDIT, survey, replace ? "draft replaced" : "new version", address);
      return Reply.ok(new JsonObject().put("id", id).put("version", version).put("status", "draft"));
    }));
  }

  private CompiledSurvey validated(String json) {
    Surveys.Loaded loaded = Surveys.load(json, ussd);
    if (!loaded.ok()) {
      throw ApiException.unprocessable("The survey does not validate, so it was not saved: fix the problems listed.",
          loaded.problems());
    }
    return loaded.survey();
  }

  private void save(Handle h, CompiledSurvey survey, String json) {
    String firstLanguage = survey.definition().languageCodes().get(0);
    h.attach(SurveyDao.class).saveVersion(survey.id(), survey.version(), survey.definition().title().in(firstLanguage),
        json, clock.instant());
  }

  private void audit(Handle h, SignedIn user, AuditAction action, CompiledSurvey survey, String detail, String address) {
    Instant now = clock.instant();
    h.attach(AuditDao.class).record(new AuditEntry(now, user.email(), action, survey.id() + " v" + survey.version(),
        detail, address));
  }
}
