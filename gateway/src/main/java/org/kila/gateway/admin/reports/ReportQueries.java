package org.kila.gateway.admin.reports;

import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.locator.ClasspathSqlLocator;
import org.jdbi.v3.core.mapper.reflect.ConstructorMapper;
import org.jdbi.v3.core.statement.Query;

/**
 * The reporting queries on one handle, whose SQL lives in {@code sql/report_*.sql}. They return raw
 * counts, which go through {@link SafeTable} before anything leaves the server. {@code version} 0 means
 * every version of the survey.
 */
public final class ReportQueries {
  private final Handle handle;

  public ReportQueries(Handle handle) {
    this.handle = handle;
  }

  /** {@code keys}: up to three profile keys to break the answers down by. */
  public List<TallyRow> tally(String surveyId, int version, String questionId, boolean multiple, List<String> keys) {
    return withKeys(query("report_tally", surveyId, version), keys)
        .bind("question", questionId)
        .bind("multiple", multiple)
        .map(ConstructorMapper.of(TallyRow.class))
        .list();
  }

  public List<ParticipationRow> participation(String surveyId, int version, List<String> keys) {
    return withKeys(query("report_participation", surveyId, version), keys)
        .map(ConstructorMapper.of(ParticipationRow.class))
        .list();
  }

  public List<DroppedRow> dropped(String surveyId, int version) {
    return query("report_dropped", surveyId, version).map(ConstructorMapper.of(DroppedRow.class)).list();
  }

  public List<EventCountRow> sessionEvents(String surveyId, int version) {
    return query("report_session_events", surveyId, version).map(ConstructorMapper.of(EventCountRow.class)).list();
  }

  private Query query(String name, String surveyId, int version) {
    return handle.createQuery(ClasspathSqlLocator.removingComments().getResource("sql/" + name + ".sql"))
        .bind("surveyId", surveyId)
        .bind("version", version);
  }

  private static Query withKeys(Query query, List<String> keys) {
    for (int i = 0; i < Strata.MOST; i++) {
      query.bind("key" + (i + 1), i < keys.size() ? keys.get(i) : null);
    }
    return query;
  }
}
