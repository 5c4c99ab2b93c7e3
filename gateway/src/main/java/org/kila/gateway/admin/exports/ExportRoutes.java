package org.kila.gateway.admin.exports;

import io.vertx.core.Future;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.kila.gateway.admin.ApiRouter;
import org.kila.gateway.admin.ClientAddress;
import org.kila.gateway.admin.audit.AuditAction;
import org.kila.gateway.admin.audit.AuditDao;
import org.kila.gateway.admin.audit.AuditEntry;
import org.kila.gateway.admin.auth.Role;
import org.kila.gateway.admin.auth.SignedIn;
import org.kila.gateway.admin.reports.ReportRoutes;
import org.kila.gateway.admin.reports.Strata;
import org.kila.gateway.admin.surveys.StoredSurveys;
import org.kila.gateway.db.Blocking;
import org.kila.survey.engine.CompiledSurvey;
import org.kila.survey.model.Question;

/**
 * Downloads for designers and admins, each written to the audit log before it starts: the responses CSV
 * (streamed, optionally for a range of days), the codebook, and the tallies of every question (with small
 * counts hidden, as on the page). Each takes {@code ?version=n} for one version (its sessions, its
 * questions); without it, every version's sessions together, in the columns of the newest version.
 */
public final class ExportRoutes {
  private final Jdbi jdbi;
  private final Blocking blocking;
  private final ReportRoutes reports;
  private final ResponsesDownload responses;
  private final int threshold;
  private final Clock clock;

  public ExportRoutes(Jdbi jdbi, Blocking blocking, ReportRoutes reports, int threshold, Clock clock) {
    this.jdbi = jdbi;
    this.blocking = blocking;
    this.reports = reports;
    this.threshold = threshold;
    this.responses = new ResponsesDownload(jdbi, blocking);
    this.clock = clock;
  }

  public void mount(ApiRouter api) {
    api.stream(HttpMethod.GET, "/api/surveys/:id/export/responses.csv", Role.DESIGNER, this::responses);
    api.stream(HttpMethod.GET, "/api/surveys/:id/export/codebook.csv", Role.DESIGNER, this::codebook);
    api.stream(HttpMethod.GET, "/api/surveys/:id/export/tallies.csv", Role.DESIGNER, this::tallies);
  }

  private Future<Void> responses(RoutingContext ctx, SignedIn user) {
    String id = ctx.pathParam("id");
    String from = ctx.queryParams().get("from");
    String to = ctx.queryParams().get("to");
    DateRange range = DateRange.parse(from, to);
    int version = version(ctx);
    String address = ClientAddress.of(ctx.request());
    return blocking.run(() -> jdbi.inTransaction(h -> {
      CompiledSurvey survey = StoredSurveys.compiled(StoredSurveys.versionOrLatest(h, id, version));
      audit(h, user, id, "responses" + ofVersion(version) + ", " + DateRange.describe(from, to), address);
      return survey;
    })).compose(survey -> responses.send(csv(ctx, fileName(id, version, "responses")).setChunked(true), id, version,
        survey.definition(), range));
  }

  private Future<Void> codebook(RoutingContext ctx, SignedIn user) {
    String id = ctx.pathParam("id");
    int version = version(ctx);
    String address = ClientAddress.of(ctx.request());
    return blocking.run(() -> jdbi.inTransaction(h -> {
      CompiledSurvey survey = StoredSurveys.compiled(StoredSurveys.versionOrLatest(h, id, version));
      audit(h, user, id, "codebook" + ofVersion(version), address);
      return CodebookCsv.of(survey.definition());
    })).compose(text -> csv(ctx, fileName(id, version, "codebook")).end(text));
  }

  private Future<Void> tallies(RoutingContext ctx, SignedIn user) {
    String id = ctx.pathParam("id");
    String by = ctx.queryParams().get("by");
    int version = version(ctx);
    String address = ClientAddress.of(ctx.request());
    return blocking.run(() -> jdbi.inTransaction(h -> {
      CompiledSurvey survey = StoredSurveys.compiled(StoredSurveys.versionOrLatest(h, id, version));
      Strata strata = Strata.parse(by, survey.definition());
      TalliesCsv csv = new TalliesCsv(strata.keys(), threshold);
      for (Question question : survey.definition().questions()) {
        csv.add(reports.tally(h, id, version, question, survey, by, null).json());
      }
      audit(h, user, id, "tallies" + ofVersion(version)
          + (strata.keys().isEmpty() ? "" : " by " + String.join(", ", strata.keys())), address);
      return csv.text();
    })).compose(text -> csv(ctx, fileName(id, version, "tallies")).end(text));
  }

  /** {@code ?version=}: 0 (every version) when absent; 400 when it is not a version number. */
  private static int version(RoutingContext ctx) {
    return StoredSurveys.versionNumber(ctx.queryParams().get("version"), true);
  }

  private static String ofVersion(int version) {
    return version == 0 ? "" : " of version " + version;
  }

  /** {@code youth-voice-ke-responses.csv}, or {@code youth-voice-ke-v2-responses.csv} for one version. */
  private static String fileName(String surveyId, int version, String what) {
    return surveyId + (version == 0 ? "" : "-v" + version) + "-" + what + ".csv";
  }

  private void audit(Handle h, SignedIn user, String surveyId, String what, String address) {
    h.attach(AuditDao.class).record(new AuditEntry(clock.instant(), user.email(), AuditAction.EXPORT, surveyId, what,
        address));
  }

  private static HttpServerResponse csv(RoutingContext ctx, String filename) {
    return ctx.response()
        .putHeader("Content-Type", "text/csv; charset=utf-8")
        .putHeader("Content-Disposition", "attachment; filename=\"" + filename.replaceAll("[^A-Za-z0-9._-]", "_") + "\"")
        .putHeader("Cache-Control", "no-store");
  }
}
