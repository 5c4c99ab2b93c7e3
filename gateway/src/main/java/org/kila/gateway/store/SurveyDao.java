package org.kila.gateway.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.jdbi.v3.sqlobject.transaction.Transaction;
import org.kila.survey.model.Triggers;
import org.kila.survey.render.ChannelProfile.Channel;

/** Survey versions, their status, and the codes and keywords that start them. */
@RegisterConstructorMapper(SurveyVersionRow.class)
@RegisterConstructorMapper(SurveyTriggerRow.class)
@RegisterConstructorMapper(ClosedTriggerRow.class)
public interface SurveyDao {

  /**
   * Saves a version's definition (JSON). Saving the same definition again is a no-op; a draft may be
   * replaced; a version that was launched keeps its definition, because answers refer to its questions.
   *
   * @throws SurveyConflictException when a launched (or paused, or closed) version would change
   */
  @Transaction
  default void saveVersion(String surveyId, int version, String title, String definition, Instant now) {
    if (upsertVersion(surveyId, version, title, definition, now) == 0) {
      throw new SurveyConflictException(List.of("survey '" + surveyId + "' version " + version
          + " has been launched with a different definition: give the changed definition a new version number"));
    }
  }

  /** Use {@link #saveVersion}: 0 when a non-draft version with another definition exists. */
  @SqlUpdate("""
      INSERT INTO survey_version AS v (survey_id, version, title, definition, created_at)
      VALUES (:surveyId, :version, :title, CAST(:definition AS jsonb), :now)
      ON CONFLICT (survey_id, version) DO UPDATE SET title = EXCLUDED.title, definition = EXCLUDED.definition
      WHERE v.status = 'draft' OR v.definition = EXCLUDED.definition""")
  int upsertVersion(String surveyId, int version, String title, String definition, Instant now);

  /**
   * Sets a version's status; the first launch sets {@code launched_at}. To launch a new version of a
   * survey that has one launched already, use {@link #launch}. Returns false for an unknown version.
   */
  @SqlUpdate("""
      UPDATE survey_version
         SET status = :status,
             launched_at = CASE WHEN :status = 'launched' THEN COALESCE(launched_at, :now) ELSE launched_at END
       WHERE survey_id = :surveyId AND version = :version""")
  boolean setStatus(String surveyId, int version, SurveyStatus status, Instant now);

  /** Launches {@code version} and closes the survey's other launched or paused versions, in one transaction. */
  @Transaction
  default void launch(String surveyId, int version, Instant now) {
    closeOtherVersions(surveyId, version);
    if (!setStatus(surveyId, version, SurveyStatus.LAUNCHED, now)) {
      throw new IllegalArgumentException("no survey '" + surveyId + "' version " + version + " to launch");
    }
  }

  /** Use {@link #launch}. */
  @SqlUpdate("""
      UPDATE survey_version SET status = 'closed'
       WHERE survey_id = :surveyId AND version <> :version AND status IN ('launched', 'paused')""")
  int closeOtherVersions(String surveyId, int version);

  String VERSION_COLUMNS = "survey_id, version, title, definition::text AS definition, status, created_at, launched_at";

  @SqlQuery("SELECT " + VERSION_COLUMNS + " FROM survey_version WHERE status = 'launched' ORDER BY survey_id")
  List<SurveyVersionRow> launched();

  @SqlQuery("SELECT " + VERSION_COLUMNS + " FROM survey_version WHERE survey_id = :surveyId AND version = :version")
  Optional<SurveyVersionRow> findVersion(String surveyId, int version);

  /** Every version of a survey, oldest first. */
  @SqlQuery("SELECT " + VERSION_COLUMNS + " FROM survey_version WHERE survey_id = :surveyId ORDER BY version")
  List<SurveyVersionRow> versions(String surveyId);

  /**
   * The status of the survey's version that is taking part now: launched, paused, or empty when the survey
   * is over (every version closed or still a draft). At most one version is launched or paused at a time.
   */
  @SqlQuery("SELECT status FROM survey_version WHERE survey_id = :surveyId AND status IN ('launched', 'paused')")
  Optional<SurveyStatus> currentStatus(String surveyId);

  /**
   * The USSD codes and SMS keywords of surveys that are over, so that a respondent who dials or texts one
   * can be told the survey has closed: for each survey whose newest launched version is closed and none is
   * launched or paused, each code and keyword of that version with the version's first language. Oldest
   * launch first, so that when two closed surveys once had the same code or keyword, the later one comes last.
   */
  @SqlQuery("""
      SELECT v.survey_id, v.version, t.channel, t.trigger, v.definition -> 'languages' -> 0 ->> 'code' AS language
        FROM survey_version v
       CROSS JOIN LATERAL (
             SELECT 'ussd' AS channel, code AS trigger
               FROM jsonb_array_elements_text(COALESCE(v.definition -> 'triggers' -> 'ussd', '[]'::jsonb)) AS u(code)
             UNION ALL
             SELECT 'sms', keyword
               FROM jsonb_array_elements_text(COALESCE(v.definition -> 'triggers' -> 'sms', '[]'::jsonb)) AS k(keyword)) AS t
       WHERE v.status = 'closed'
         AND v.version = (SELECT max(o.version) FROM survey_version o WHERE o.survey_id = v.survey_id AND o.status <> 'draft')
         AND NOT EXISTS (SELECT 1 FROM survey_version o WHERE o.survey_id = v.survey_id AND o.status IN ('launched', 'paused'))
       ORDER BY v.launched_at, v.survey_id, t.channel, t.trigger""")
  List<ClosedTriggerRow> closedTriggers();

  String TRIGGER_SELECT = """
      SELECT t.channel, t.trigger, t.survey_id, t.version, v.status
        FROM survey_trigger t
        JOIN survey_version v ON v.survey_id = t.survey_id AND v.version = t.version""";

  /** The survey a USSD code or SMS keyword (any case) starts, with its status. */
  @SqlQuery(TRIGGER_SELECT
      + " WHERE t.channel = :channel AND t.trigger = CASE WHEN :channel = 'sms' THEN upper(:trigger) ELSE :trigger END")
  Optional<SurveyTriggerRow> findByTrigger(Channel channel, String trigger);

  /** Every code and keyword, e.g. to cache them. */
  @SqlQuery(TRIGGER_SELECT + " ORDER BY t.channel, t.trigger")
  List<SurveyTriggerRow> triggers();

  /**
   * Points the survey's codes and keywords at {@code version}, and releases the ones it no longer lists.
   * A code or keyword is free when no survey has it, when this survey has it, or when the version that has
   * it is closed.
   *
   * @throws SurveyConflictException naming every code or keyword another live survey uses; nothing is changed
   */
  @Transaction
  default void claimTriggers(String surveyId, int version, Triggers triggers, Instant now) {
    releaseTriggersExcept(surveyId, triggers.ussdCodes().toArray(String[]::new),
        triggers.smsKeywords().toArray(String[]::new));
    List<String> conflicts = new ArrayList<>();
    for (String code : triggers.ussdCodes()) {
      if (claimTrigger(Channel.USSD, code, surveyId, version, now) == 0) {
        conflicts.add(taken("USSD code " + code, findByTrigger(Channel.USSD, code)));
      }
    }
    for (String keyword : triggers.smsKeywords()) {
      if (claimTrigger(Channel.SMS, keyword, surveyId, version, now) == 0) {
        conflicts.add(taken("SMS keyword " + keyword, findByTrigger(Channel.SMS, keyword)));
      }
    }
    if (!conflicts.isEmpty()) {
      throw new SurveyConflictException(conflicts); // @Transaction rolls back the claims made so far
    }
  }

  private static String taken(String what, Optional<SurveyTriggerRow> holder) {
    return what + " is already used by survey '" + holder.map(SurveyTriggerRow::surveyId).orElse("?") + "' version "
        + holder.map(h -> String.valueOf(h.version())).orElse("?") + ": close that survey or choose another";
  }

  /** Use {@link #claimTriggers}: 0 when another survey's live version has it. */
  @SqlUpdate("""
      INSERT INTO survey_trigger AS t (channel, trigger, survey_id, version, claimed_at)
      VALUES (:channel, CASE WHEN :channel = 'sms' THEN upper(:trigger) ELSE :trigger END, :surveyId, :version, :now)
      ON CONFLICT (channel, trigger) DO UPDATE
         SET survey_id = EXCLUDED.survey_id, version = EXCLUDED.version, claimed_at = EXCLUDED.claimed_at
       WHERE t.survey_id = EXCLUDED.survey_id
          OR (SELECT v.status FROM survey_version v WHERE v.survey_id = t.survey_id AND v.version = t.version) = 'closed'""")
  int claimTrigger(Channel channel, String trigger, String surveyId, int version, Instant now);

  /** Use {@link #claimTriggers}. */
  @SqlUpdate("""
      DELETE FROM survey_trigger
       WHERE survey_id = :surveyId
         AND NOT (channel = 'ussd' AND trigger = ANY (:ussdCodes))
         AND NOT (channel = 'sms' AND trigger IN (SELECT upper(k) FROM unnest(CAST(:smsKeywords AS text[])) AS k))""")
  int releaseTriggersExcept(String surveyId, String[] ussdCodes, String[] smsKeywords);
}
