-- One page of a survey's sessions for the streamed CSV download, in the same columns as
-- export_sessions.sql: sessions started in [:from, :to), after the cursor (:afterStartedAt, :afterId),
-- oldest first; :version = 0 takes every version, otherwise only that version's sessions. Keyset paging on (started_at, id) reads each page from the survey_session_by_survey
-- index, however deep into a national survey the download is, and holds no transaction between pages.
SELECT s.id AS session_id,
       s.respondent_id,
       s.survey_version,
       s.channel,
       s.aggregator,
       s.status,
       s.started_at,
       s.ended_at,
       COALESCE(s.state -> 'profile', '{}'::jsonb)::text AS stratifiers,
       COALESCE(s.state -> 'answers', '{}'::jsonb)::text AS answers
  FROM survey_session s
 WHERE s.survey_id = :surveyId
   AND (:version = 0 OR s.survey_version = :version)
   AND s.started_at < :to
   AND s.started_at >= :afterStartedAt
   AND (s.started_at > :afterStartedAt OR s.id > :afterId)
 ORDER BY s.started_at, s.id
 LIMIT :limit
