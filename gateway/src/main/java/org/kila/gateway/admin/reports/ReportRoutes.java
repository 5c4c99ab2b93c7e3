package org.kila.gateway.admin.reports;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.kila.gateway.admin.ApiException;
import org.kila.gateway.admin.ApiRouter;
import org.kila.gateway.admin.Reply;
import org.kila.gateway.admin.auth.Role;
import org.kila.gateway.admin.auth.SignedIn;
import org.kila.gateway.admin.surveys.StoredSurveys;
import org.kila.gateway.db.Blocking;
import org.kila.gateway.store.QuotaDao;
import org.kila.gateway.store.SurveyVersionRow;
import org.kila.survey.engine.CompiledSurvey;
import org.kila.survey.model.Question;
import org.kila.survey.model.QuestionType;

/**
 * Tallies, participation and data quality of a survey (every role; free-text answers only for designers
 * and admins). Every count is published through {@link SafeTable}: under the threshold it is null, with
 * {@code "suppressed"} saying why, and the answer gives the threshold and how many were hidden.
 */
public final class ReportRoutes {
  private final Jdbi jdbi;
  private final Blocking blocking;
  private final int threshold;
  private final List<QualityFigures> quality;

  public ReportRoutes(Jdbi jdbi, Blocking blocking, int threshold, List<QualityFigures> quality) {
    this.jdbi = jdbi;
    this.blocking = blocking;
    this.threshold = threshold;
    this.quality = List.copyOf(quality);
  }

  public void mount(ApiRouter api) {
    api.route(HttpMethod.GET, "/api/surveys/:id/tally", Role.VIEWER, (ctx, user) -> {
      String questionId = ctx.queryParams().get("question");
      if (questionId == null || questionId.isBlank()) {
        throw ApiException.badRequest("Say which question to tally: ?question=<question id>.");
      }
      return blocking.run(() -> jdbi.withHandle(h -> Reply.ok(tally(h, ctx, user, questionId.strip()).json())));
    });
    api.route(HttpMethod.GET, "/api/surveys/:id/participation", Role.VIEWER,
        (ctx, user) -> blocking.run(() -> jdbi.withHandle(h -> Reply.ok(participation(h, ctx)))));
    api.route(HttpMethod.GET, "/api/surveys/:id/quality", Role.VIEWER,
        (ctx, user) -> blocking.run(() -> jdbi.withHandle(h -> Reply.ok(quality(h, ctx)))));
  }

  /** The tally of one question; also what the tallies CSV is made of. */
  public TallyReport tally(Handle h, String surveyId, int version, Question question, CompiledSurvey survey, String by,
      String language) {
    Strata strata = Strata.parse(by, survey.definition());
    List<TallyRow> rows = new ReportQueries(h).tally(surveyId, version, question.id(),
        question.type() == QuestionType.MULTIPLE_CHOICE, strata.keys());
    return new TallyReport(survey.definition(), question, strata, rows, threshold, language);
  }

  private TallyReport tally(Handle h, RoutingContext ctx, SignedIn user, String questionId) {
    String surveyId = ctx.pathParam("id");
    int version = StoredSurveys.versionNumber(ctx.queryParams().get("version"), true);
    CompiledSurvey survey = survey(h, surveyId, version);
    Question question = survey.definition().question(questionId).orElseThrow(() -> ApiException.notFound(
        "Survey '" + surveyId + "' has no question '" + questionId + "'."));
    if (question.type() == QuestionType.TEXT && !user.role().allows(Role.DESIGNER)) {
      throw new ApiException(403, "Free-text answers are for designers and admins only.");
    }
    return tally(h, surveyId, version, question, survey, ctx.queryParams().get("by"), ctx.queryParams().get("language"));
  }

  private JsonObject participation(Handle h, RoutingContext ctx) {
    String surveyId = ctx.pathParam("id");
    int version = StoredSurveys.versionNumber(ctx.queryParams().get("version"), true);
    CompiledSurvey survey = survey(h, surveyId, version);
    Strata strata = Strata.parse(ctx.queryParams().get("by"), survey.definition());
    ReportQueries queries = new ReportQueries(h);
    return new ParticipationReport(survey.definition(), strata, queries.participation(surveyId, version, strata.keys()),
        queries.dropped(surveyId, version), h.attach(QuotaDao.class).counts(surveyId), threshold,
        ctx.queryParams().get("language")).json();
  }

  private JsonObject quality(Handle h, RoutingContext ctx) {
    String surveyId = ctx.pathParam("id");
    int version = StoredSurveys.versionNumber(ctx.queryParams().get("version"), true);
    CompiledSurvey survey = survey(h, surveyId, version);
    JsonObject answer = new JsonObject();
    quality.forEach(source -> source.addTo(h, surveyId, version, answer));
    CountJson counts = new CountJson();
    String asked = ctx.queryParams().get("language");
    String language = asked != null && survey.definition().languageCodes().contains(asked) ? asked
        : survey.definition().languageCodes().get(0);
    answer.put("droppedByQuestion", DropOff.json(survey.definition(), new ReportQueries(h).dropped(surveyId, version),
        threshold, language, counts));
    return answer.put("threshold", threshold).put("hidden", counts.hidden());
  }

  private static CompiledSurvey survey(Handle h, String surveyId, int version) {
    SurveyVersionRow row = StoredSurveys.versionOrLatest(h, surveyId, version);
    return StoredSurveys.compiled(row);
  }
}
