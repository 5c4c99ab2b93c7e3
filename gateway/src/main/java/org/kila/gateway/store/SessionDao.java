package org.kila.gateway.store;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * Survey sessions as the SMS conversations, the end-of-session notices and the reports use them; the USSD
 * hop has its own two statements in {@link HopStore}.
 */
@RegisterConstructorMapper(SurveySessionRow.class)
public interface SessionDao {

  @SqlUpdate("""
      INSERT INTO survey_session (id, survey_id, survey_version, respondent_id, channel, aggregator, status, state,
                                  current_question, started_at, updated_at, ended_at)
      VALUES (:id, :surveyId, :surveyVersion, :respondentId, :channel, :aggregator, :status, CAST(:state AS jsonb),
              :currentQuestion, :startedAt, :updatedAt, :endedAt)""")
  void insertSession(@BindMethods SurveySessionRow session);

  String SESSION_COLUMNS = """
      id, survey_id, survey_version, respondent_id, channel, aggregator, status, state::text AS state,
      current_question, started_at, updated_at, ended_at""";

  /**
   * Which session a new dial resumes: the respondent's latest unfinished session of the survey touched at
   * or after {@code :since} (now minus the resume window), locked until the transaction ends. Shared with
   * the USSD hop path ({@link HopStore}), which runs it in plain JDBC.
   */
  String RESUMABLE = """
        FROM survey_session
       WHERE respondent_id = :respondentId AND survey_id = :surveyId
         AND status IN ('active', 'interrupted', 'dropped')
         AND updated_at >= :since
       ORDER BY updated_at DESC
       LIMIT 1
         FOR UPDATE""";

  /** The respondent's completed or screened-out session of this survey version; shared like {@link #RESUMABLE}. */
  String FINISHED = """
        FROM survey_session
       WHERE respondent_id = :respondentId AND survey_id = :surveyId AND survey_version = :version
         AND status IN ('completed', 'screened_out')
       LIMIT 1""";

  /** See {@link #RESUMABLE}. */
  @SqlQuery("SELECT " + SESSION_COLUMNS + " " + RESUMABLE)
  Optional<SurveySessionRow> findResumable(UUID respondentId, String surveyId, Instant since);

  /** See {@link #FINISHED}. */
  @SqlQuery("SELECT " + SESSION_COLUMNS + " " + FINISHED)
  Optional<SurveySessionRow> findFinished(UUID respondentId, String surveyId, int version);

  @SqlQuery("SELECT " + SESSION_COLUMNS + " FROM survey_session WHERE id = :id")
  Optional<SurveySessionRow> find(UUID id);

  /**
   * The aggregator reported that this session ended before our last screen: an active survey session
   * becomes {@code dropped} (still resumable). Its {@code updated_at} stays the time of its last hop, from
   * which the resume window counts. Returns false when there was no active session to drop.
   */
  @SqlUpdate("""
      UPDATE survey_session s SET status = 'dropped'
        FROM channel_session c
       WHERE c.aggregator = :aggregator AND c.external_id = :externalId
         AND s.id = c.session_id AND s.status = 'active'""")
  boolean markDropped(String aggregator, String externalId);

  /**
   * Stores a hop's new state and counts the hop, returning its number (1 for the first): one statement on
   * the hot path instead of two.
   */
  @SqlQuery("""
      UPDATE survey_session
         SET state = CAST(:state AS jsonb), status = :status, current_question = :currentQuestion,
             updated_at = :now, ended_at = COALESCE(ended_at, :endedAt), hops = hops + 1
       WHERE id = :id
      RETURNING hops""")
  int advance(UUID id, String state, SessionStatus status, String currentQuestion, Instant now, Instant endedAt);
}
