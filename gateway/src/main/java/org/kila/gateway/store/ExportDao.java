package org.kila.gateway.store;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.jdbi.v3.core.locator.ClasspathSqlLocator;
import org.jdbi.v3.sqlobject.SqlObject;
import org.jdbi.v3.sqlobject.transaction.Transaction;

/** Reads a survey's sessions for the export, streaming, so a national survey does not have to fit in memory. */
public interface ExportDao extends SqlObject {
  /** Rows fetched per round trip while streaming. */
  int FETCH_SIZE = 500;

  /**
   * Hands every session of the survey to {@code sink}, oldest first, from one read-only transaction (the
   * driver only streams inside a transaction); {@code version} 0 takes every version's sessions, otherwise
   * only that version's. The query is {@code sql/export_sessions.sql}.
   */
  @Transaction(readOnly = true)
  default void forEachSession(String surveyId, int version, Consumer<ExportRow> sink) {
    String sql = ClasspathSqlLocator.removingComments().getResource("sql/export_sessions.sql");
    try (Stream<ExportRow> rows = getHandle().createQuery(sql)
        .bind("surveyId", surveyId)
        .bind("version", version)
        .setFetchSize(FETCH_SIZE)
        .map(new ExportRowMapper())
        .stream()) {
      rows.forEach(sink);
    }
  }

  /**
   * One page of the sessions started before {@code to}, oldest first, after the cursor: the start time and
   * id of the last row of the page before (for the first page, the start of the range and the nil UUID).
   * {@code version} 0 takes the sessions of every version, otherwise only those of that version.
   * For a download streamed page by page, holding no transaction between pages:
   * {@code sql/export_sessions_page.sql}.
   */
  default List<ExportRow> page(String surveyId, int version, Instant afterStartedAt, UUID afterId, Instant to, int limit) {
    return getHandle().createQuery(ClasspathSqlLocator.removingComments().getResource("sql/export_sessions_page.sql"))
        .bind("surveyId", surveyId)
        .bind("version", version)
        .bind("to", to)
        .bind("afterStartedAt", afterStartedAt)
        .bind("afterId", afterId)
        .bind("limit", limit)
        .map(new ExportRowMapper())
        .list();
  }
}
