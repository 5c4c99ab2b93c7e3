package org.kila.gateway.store;

import java.util.List;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/** Data-quality events of sessions: invalid answers, timeouts, duplicate hops dropped. */
@RegisterConstructorMapper(SessionEventRow.class)
public interface SessionEventDao {

  default void record(List<SessionEventRow> events) {
    if (!events.isEmpty()) {
      recordBatch(events);
    }
  }

  /** Use {@link #record}. */
  @SqlBatch("""
      INSERT INTO session_event (session_id, kind, question_id, detail, occurred_at)
      VALUES (:sessionId, :kind, :questionId, :detail, :occurredAt)""")
  void recordBatch(@BindMethods List<SessionEventRow> events);

  @SqlQuery("""
      SELECT session_id, kind, question_id, detail, occurred_at
        FROM session_event WHERE session_id = :sessionId ORDER BY id""")
  List<SessionEventRow> forSession(UUID sessionId);
}
