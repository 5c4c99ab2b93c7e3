package org.kila.gateway.store;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * Who is due a reminder or a nudge. Opted-out numbers, finished sessions and surveys no longer launched
 * are left out here, so every caller honours them.
 */
@RegisterConstructorMapper(FollowUpRow.class)
public interface FollowUpDao {

  /**
   * Reminders due for one survey: those invited who have not finished (not started, or started and quiet),
   * and those who started by SMS without an invitation and went quiet; at most {@code max} each, and only
   * once {@code quietSince} (now minus the delay) has passed since the invitation, their last activity and
   * their last reminder. The count and delay are the survey's own, so each survey is asked for apart.
   */
  @SqlQuery("""
      WITH latest AS (
        SELECT DISTINCT ON (s.respondent_id, s.survey_id)
               s.id, s.respondent_id, s.survey_id, s.survey_version, s.status, s.updated_at, s.aggregator, s.channel,
               s.state->>'language' AS language
          FROM survey_session s
         WHERE s.survey_id = :surveyId
           AND (s.channel = 'sms'
                OR EXISTS (SELECT 1 FROM sms_invitation i WHERE i.respondent_id = s.respondent_id AND i.survey_id = s.survey_id))
         ORDER BY s.respondent_id, s.survey_id, s.updated_at DESC),
      candidates AS (
        SELECT i.survey_id, i.respondent_id, COALESCE(i.language, l.language) AS language, i.provider,
               GREATEST(i.send_at, l.updated_at) AS last_activity, l.status, l.id AS session_id, l.channel
          FROM sms_invitation i
          LEFT JOIN latest l ON l.respondent_id = i.respondent_id AND l.survey_id = i.survey_id
         WHERE i.survey_id = :surveyId
        UNION ALL
        SELECT l.survey_id, l.respondent_id, l.language, l.aggregator, l.updated_at, l.status, l.id, l.channel
          FROM latest l
         WHERE l.channel = 'sms'
           AND NOT EXISTS (SELECT 1 FROM sms_invitation i WHERE i.survey_id = l.survey_id AND i.respondent_id = l.respondent_id))
      SELECT c.survey_id, v.version AS survey_version, c.respondent_id, c.language, c.provider,
             COALESCE(r.sent, 0) AS sent, c.session_id, c.channel
        FROM candidates c
        JOIN survey_version v ON v.survey_id = c.survey_id AND v.status = 'launched'
        JOIN respondent p ON p.id = c.respondent_id
        LEFT JOIN sms_reminder r ON r.survey_id = c.survey_id AND r.respondent_id = c.respondent_id
       WHERE (c.status IS NULL OR c.status IN ('active', 'interrupted', 'dropped'))
         AND COALESCE(r.sent, 0) < :max
         AND GREATEST(c.last_activity, COALESCE(r.last_sent_at, c.last_activity)) <= :quietSince
         AND NOT EXISTS (SELECT 1 FROM sms_opt_out o WHERE o.phone_hash = p.phone_hash)
       ORDER BY c.last_activity
       LIMIT :limit""")
  List<FollowUpRow> remindersDue(String surveyId, int max, Instant quietSince, int limit);

  /**
   * Records reminder number {@code number}. Idempotent: a second instance recording the same number
   * changes nothing, so two instances never count one reminder twice.
   */
  @SqlUpdate("""
      INSERT INTO sms_reminder (survey_id, respondent_id, sent, last_sent_at)
      VALUES (:surveyId, :respondentId, :number, :now)
      ON CONFLICT (survey_id, respondent_id) DO UPDATE SET sent = EXCLUDED.sent, last_sent_at = EXCLUDED.last_sent_at
      WHERE sms_reminder.sent < EXCLUDED.sent""")
  boolean reminded(String surveyId, UUID respondentId, int number, Instant now);

  /**
   * USSD sessions of the given surveys that went quiet before {@code droppedBefore} but within the
   * resume window (after {@code resumableSince}) and were never nudged.
   */
  @SqlQuery("""
      SELECT s.survey_id, s.survey_version, s.respondent_id, s.state->>'language' AS language,
             CAST(NULL AS text) AS provider, 0 AS sent, s.id AS session_id, s.channel
        FROM survey_session s
        JOIN respondent p ON p.id = s.respondent_id
       WHERE s.channel = 'ussd' AND s.status IN ('active', 'interrupted', 'dropped')
         AND s.updated_at <= :droppedBefore AND s.updated_at >= :resumableSince
         AND s.survey_id IN (<surveys>)
         AND NOT EXISTS (SELECT 1 FROM sms_outbox o WHERE o.session_id = s.id AND o.kind = 'nudge')
         AND NOT EXISTS (SELECT 1 FROM sms_opt_out o WHERE o.phone_hash = p.phone_hash)
       ORDER BY s.updated_at
       LIMIT :limit""")
  List<FollowUpRow> nudgesDue(@BindList("surveys") List<String> surveys, Instant droppedBefore, Instant resumableSince, int limit);
}
