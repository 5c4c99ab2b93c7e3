package org.kila.gateway.store;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/** Answers, append-only: a retried hop's answers are recognised by (session, question, hop) and not stored twice. */
@RegisterConstructorMapper(AnswerRow.class)
public interface AnswerDao {

  /** Stores the answers that are new and returns how many were; duplicates of stored ones are skipped. */
  default int insert(List<AnswerRow> answers) {
    return answers.isEmpty() ? 0 : Arrays.stream(insertBatch(answers)).sum();
  }

  /** 1 per answer stored, 0 per duplicate; {@link #insert} unless the list is known not to be empty. */
  @SqlBatch("""
      INSERT INTO answer (session_id, question_id, value, carried_over, hop_seq, answered_at)
      VALUES (:sessionId, :questionId, :value, :carriedOver, :hopSeq, :answeredAt)
      ON CONFLICT (session_id, question_id, hop_seq) DO NOTHING""")
  int[] insertBatch(@BindMethods List<AnswerRow> answers);

  /** A session's answers in the order they were given. */
  @SqlQuery("""
      SELECT session_id, question_id, value, carried_over, hop_seq, answered_at
        FROM answer WHERE session_id = :sessionId ORDER BY hop_seq, id""")
  List<AnswerRow> forSession(UUID sessionId);
}
