package org.kila.gateway.store;

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
   * driver only streams inside a transaction). The query is {@code sql/export_sessions.sql}.
   */
  @Transaction(readOnly = true)
  default void forEachSession(String surveyId, Consumer<ExportRow> sink) {
    String sql = ClasspathSqlLocator.removingComments().getResource("sql/export_sessions.sql");
    try (Stream<ExportRow> rows = getHandle().createQuery(sql)
        .bind("surveyId", surveyId)
        .setFetchSize(FETCH_SIZE)
        .map(new ExportRowMapper())
        .stream()) {
      rows.forEach(sink);
    }
  }
}
