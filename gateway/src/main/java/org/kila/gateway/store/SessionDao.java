package org.kila.gateway.store;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * Survey sessions and the aggregator sessions that carry them: what one hop reads (locked) and writes.
 * Call it inside one transaction per hop.
 */
@RegisterConstructorMapper(SurveySessionRow.class)
@RegisterConstructorMapper(ChannelSessionRow.class)
@RegisterConstructorMapper(LockedSession.class)
public interface SessionDao {

  @SqlUpdate("""
      INSERT INTO survey_session (id, survey_id, survey_version, respondent_id, channel, aggregator, status, state,
                                  current_question, started_at, updated_at, ended_at)
      VALUES (:id, :surveyId, :surveyVersion, :respondentId, :channel, :aggregator, :status, CAST(:state AS jsonb),
              :currentQuestion, :startedAt, :updatedAt, :endedAt)""")
  void insertSession(@BindMethods SurveySessionRow session);

  /**
   * Maps an aggregator session to a survey session. Empty when that aggregator session is mapped already
   * (a concurrent delivery of the same first hop won): lock it with {@link #lockByChannel} instead.
   */
  @SqlQuery("""
      INSERT INTO channel_session (aggregator, external_id, session_id, service_code, created_at, updated_at)
      VALUES (:aggregator, :externalId, :sessionId, :serviceCode, :now, :now)
      ON CONFLICT (aggregator, external_id) DO NOTHING
      RETURNING id""")
  Optional<Long> insertChannelSession(String aggregator, String externalId, UUID sessionId, String serviceCode,
      Instant now);

  /** The aggregator session and its survey session, both locked until the transaction ends. */
  @SqlQuery("""
      SELECT c.id AS c_id, c.aggregator AS c_aggregator, c.external_id AS c_external_id, c.session_id AS c_session_id,
             c.service_code AS c_service_code, c.last_input AS c_last_input, c.last_hop_key AS c_last_hop_key,
             c.last_reply AS c_last_reply, c.last_reply_ends AS c_last_reply_ends, c.hops AS c_hops,
             c.created_at AS c_created_at, c.updated_at AS c_updated_at,
             s.id AS s_id, s.survey_id AS s_survey_id, s.survey_version AS s_survey_version,
             s.respondent_id AS s_respondent_id, s.channel AS s_channel, s.aggregator AS s_aggregator,
             s.status AS s_status, s.state::text AS s_state, s.current_question AS s_current_question,
             s.started_at AS s_started_at, s.updated_at AS s_updated_at, s.ended_at AS s_ended_at
        FROM channel_session c
        JOIN survey_session s ON s.id = c.session_id
       WHERE c.aggregator = :aggregator AND c.external_id = :externalId
         FOR UPDATE""")
  Optional<LockedSession> lockByChannel(String aggregator, String externalId);

  String SESSION_COLUMNS = """
      id, survey_id, survey_version, respondent_id, channel, aggregator, status, state::text AS state,
      current_question, started_at, updated_at, ended_at""";

  /**
   * The respondent's latest unfinished session of the survey touched at or after {@code since} (now minus
   * the resume window), locked until the transaction ends.
   */
  @SqlQuery("SELECT " + SESSION_COLUMNS + " " + """
        FROM survey_session
       WHERE respondent_id = :respondentId AND survey_id = :surveyId
         AND status IN ('active', 'interrupted', 'dropped')
         AND updated_at >= :since
       ORDER BY updated_at DESC
       LIMIT 1
         FOR UPDATE""")
  Optional<SurveySessionRow> findResumable(UUID respondentId, String surveyId, Instant since);

  /** The respondent's completed or screened-out session of this survey version, if any. */
  @SqlQuery("SELECT " + SESSION_COLUMNS + " " + """
        FROM survey_session
       WHERE respondent_id = :respondentId AND survey_id = :surveyId AND survey_version = :version
         AND status IN ('completed', 'screened_out')
       LIMIT 1""")
  Optional<SurveySessionRow> findFinished(UUID respondentId, String surveyId, int version);

  @SqlQuery("SELECT " + SESSION_COLUMNS + " FROM survey_session WHERE id = :id")
  Optional<SurveySessionRow> find(UUID id);

  /** Stores a step's outcome. {@code endedAt} is null unless {@code status} is a finished one. */
  @SqlUpdate("""
      UPDATE survey_session
         SET state = CAST(:state AS jsonb), status = :status, current_question = :currentQuestion,
             updated_at = :now, ended_at = COALESCE(ended_at, :endedAt)
       WHERE id = :id""")
  boolean updateSession(UUID id, String state, SessionStatus status, String currentQuestion, Instant now,
      Instant endedAt);

  /** Stores what a retry of this hop needs to be answered the same way, and counts the hop. */
  @SqlUpdate("""
      UPDATE channel_session
         SET last_input = :lastInput, last_hop_key = :lastHopKey, last_reply = :lastReply,
             last_reply_ends = :lastReplyEnds, hops = hops + 1, updated_at = :now
       WHERE id = :id""")
  boolean updateChannelSession(long id, String lastInput, String lastHopKey, String lastReply, boolean lastReplyEnds,
      Instant now);

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
