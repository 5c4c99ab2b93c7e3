-- One row per session of one survey (:version = 0), or of one version of it, for the CSV export: no phone
-- number, the respondent by id only.
-- stratifiers: the profile as that session knew it, captured or carried over (SessionState.profile in the
--   stored state), so a later change of the respondent's profile does not rewrite past sessions.
-- answers: the session's current answers (SessionState.answers). The append-only answer table keeps
--   every answer ever given; after Back the state drops an answer whose question is no longer shown,
--   which the latest row per question in that table would still show.
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
 ORDER BY s.started_at, s.id
