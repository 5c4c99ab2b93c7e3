package org.kila.gateway.admin.surveys;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.kila.gateway.admin.ApiRouter;
import org.kila.gateway.admin.Reply;
import org.kila.gateway.admin.auth.Role;
import org.kila.gateway.admin.reports.CountJson;
import org.kila.gateway.admin.reports.SafeTable;
import org.kila.gateway.db.Blocking;
import org.kila.gateway.store.SurveyDao;
import org.kila.gateway.store.SurveyStatus;
import org.kila.gateway.store.SurveyVersionRow;

/**
 * Reading surveys (every role): the list with each survey's versions, live version, codes and keywords
 * and how many took part (small counts hidden), one survey with its newest definition, and any version.
 */
public final class SurveyReadRoutes {
  private final Jdbi jdbi;
  private final Blocking blocking;
  private final int threshold;

  public SurveyReadRoutes(Jdbi jdbi, Blocking blocking, int threshold) {
    this.jdbi = jdbi;
    this.blocking = blocking;
    this.threshold = threshold;
  }

  public void mount(ApiRouter api) {
    api.route(HttpMethod.GET, "/api/surveys", Role.VIEWER, (ctx, user) -> blocking.run(this::list));
    api.route(HttpMethod.GET, "/api/surveys/:id", Role.VIEWER, (ctx, user) -> {
      String id = ctx.pathParam("id");
      return blocking.run(() -> jdbi.withHandle(h -> {
        SurveyVersionRow latest = StoredSurveys.latest(h, id);
        JsonArray versions = new JsonArray();
        h.attach(SurveyDao.class).versions(id).forEach(v -> versions.add(summary(v.version(), v.status(), v.createdAt(), v.launchedAt())));
        return Reply.ok(new JsonObject().put("id", id).put("versions", versions).put("latest", withDefinition(latest)));
      }));
    });
    api.route(HttpMethod.GET, "/api/surveys/:id/versions/:version", Role.VIEWER, (ctx, user) -> {
      String id = ctx.pathParam("id");
      int version = StoredSurveys.versionNumber(ctx.pathParam("version"), false);
      return blocking.run(() -> jdbi.withHandle(h -> Reply.ok(withDefinition(StoredSurveys.version(h, id, version)))));
    });
  }

  private Reply list() {
    AdminSurveyDao dao = jdbi.onDemand(AdminSurveyDao.class);
    Map<String, List<VersionSummary>> versions = new LinkedHashMap<>();
    for (VersionSummary v : dao.allVersions()) {
      versions.computeIfAbsent(v.surveyId(), k -> new ArrayList<>()).add(v);
    }
    Map<String, JsonObject> shown = new HashMap<>();
    dao.shownDefinitions().forEach(d -> shown.put(d.surveyId(), new JsonObject(d.definition())));
    Map<String, SurveyTotals> totals = new HashMap<>();
    dao.totals().forEach(t -> totals.put(t.surveyId(), t));
    JsonArray surveys = new JsonArray();
    versions.forEach((id, list) -> {
      JsonObject definition = shown.get(id);
      JsonArray versionsJson = new JsonArray();
      Integer live = null;
      for (VersionSummary v : list) {
        versionsJson.add(summary(v.version(), v.status(), v.createdAt(), v.launchedAt()));
        if (v.status() == SurveyStatus.LAUNCHED) {
          live = v.version();
        }
      }
      JsonObject triggers = definition.getJsonObject("triggers", new JsonObject());
      JsonObject survey = new JsonObject()
          .put("id", id)
          .put("title", definition.getValue("title"))
          .put("languages", languages(definition))
          .put("versions", versionsJson)
          .put("liveVersion", live)
          .put("triggers", new JsonObject()
              .put("ussd", triggers.getJsonArray("ussd", new JsonArray()))
              .put("sms", triggers.getJsonArray("sms", new JsonArray())));
      SurveyTotals t = totals.getOrDefault(id, new SurveyTotals(id, 0, 0));
      SafeTable counts = SafeTable.of(new int[][] {{t.completed(), t.started() - t.completed()}}, 2, threshold);
      CountJson json = new CountJson();
      json.put(survey, "started", counts.rowTotal(0));
      json.put(survey, "completed", counts.cell(0, 0));
      surveys.add(survey);
    });
    return Reply.ok(surveys);
  }

  private static JsonArray languages(JsonObject definition) {
    JsonArray codes = new JsonArray();
    definition.getJsonArray("languages", new JsonArray()).forEach(l -> {
      if (l instanceof JsonObject language) {
        codes.add(language.getString("code"));
      }
    });
    return codes;
  }

  private static JsonObject summary(int version, SurveyStatus status, Instant createdAt, Instant launchedAt) {
    return new JsonObject()
        .put("version", version)
        .put("status", status.name().toLowerCase(Locale.ROOT))
        .put("createdAt", createdAt.toString())
        .put("launchedAt", launchedAt == null ? null : launchedAt.toString());
  }

  static JsonObject withDefinition(SurveyVersionRow row) {
    return summary(row.version(), row.status(), row.createdAt(), row.launchedAt())
        .put("definition", new JsonObject(row.definition()));
  }
}
