package org.kila.gateway.admin.surveys;

import java.util.List;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/**
 * What the admin API reads about surveys beyond {@code SurveyDao}: lists across surveys, and the lock that
 * serialises the admin's changes to one survey (two designers saving the same draft, or a save racing a
 * launch, never interleave).
 */
@RegisterConstructorMapper(VersionSummary.class)
@RegisterConstructorMapper(SurveyTotals.class)
@RegisterConstructorMapper(ShownDefinition.class)
public interface AdminSurveyDao {

  @SqlQuery("SELECT survey_id, version, status, created_at, launched_at FROM survey_version ORDER BY survey_id, version")
  List<VersionSummary> allVersions();

  @SqlQuery("""
      SELECT DISTINCT ON (survey_id) survey_id, definition::text AS definition
        FROM survey_version
       ORDER BY survey_id, (status = 'launched') DESC, version DESC""")
  List<ShownDefinition> shownDefinitions();

  @SqlQuery("""
      SELECT survey_id, count(*) AS started, count(*) FILTER (WHERE status = 'completed') AS completed
        FROM survey_session GROUP BY survey_id""")
  List<SurveyTotals> totals();

  /** Held until the transaction ends. */
  @SqlQuery("SELECT pg_advisory_xact_lock(hashtext('kila.survey.' || :surveyId))::text")
  String lock(String surveyId);
}
