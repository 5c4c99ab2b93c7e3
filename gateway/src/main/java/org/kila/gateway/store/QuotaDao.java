package org.kila.gateway.store;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.kila.survey.engine.QuotaCounts;
import org.kila.survey.engine.SurveyEvent.QuotaCell;

/** Completed responses per quota stratum, which the engine reads to screen out respondents of full strata. */
@RegisterConstructorMapper(QuotaCountRow.class)
public interface QuotaDao {

  @SqlQuery("SELECT quota_id, stratum_key, completed FROM quota_count WHERE survey_id = :surveyId ORDER BY quota_id, stratum_key")
  List<QuotaCountRow> counts(String surveyId);

  /** The survey's counts as the engine's port, read now (a later increment is not seen). */
  default QuotaCounts snapshot(String surveyId) {
    Map<List<String>, Long> counts = counts(surveyId).stream()
        .collect(Collectors.toUnmodifiableMap(r -> List.of(r.quotaId(), r.stratumKey()), QuotaCountRow::completed));
    return (quotaId, stratumKey) -> counts.getOrDefault(List.of(quotaId, stratumKey), 0L);
  }

  /** Adds one completed response to each cell (the cells of a {@code Completed} event). */
  default void increment(String surveyId, Collection<QuotaCell> cells) {
    if (cells.isEmpty()) {
      return;
    }
    // In key order, so two completions in the same strata lock the rows in the same order (no deadlock).
    List<QuotaCell> sorted = cells.stream()
        .sorted(Comparator.comparing(QuotaCell::quotaId).thenComparing(QuotaCell::stratumKey))
        .toList();
    incrementBatch(surveyId, sorted);
  }

  /** Use {@link #increment}. */
  @SqlBatch("""
      INSERT INTO quota_count (survey_id, quota_id, stratum_key, completed)
      VALUES (:surveyId, :quotaId, :stratumKey, 1)
      ON CONFLICT (survey_id, quota_id, stratum_key) DO UPDATE SET completed = quota_count.completed + 1""")
  void incrementBatch(String surveyId, @BindMethods List<QuotaCell> cells);

  /** Completed responses in one stratum of one quota (0 when none yet). */
  @SqlQuery("""
      SELECT COALESCE((SELECT completed FROM quota_count
                        WHERE survey_id = :surveyId AND quota_id = :quotaId AND stratum_key = :stratumKey), 0)""")
  long completed(String surveyId, String quotaId, String stratumKey);
}
