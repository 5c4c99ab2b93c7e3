-- One row per session of one survey, for the CSV export: no phone number, the respondent by id only.
-- stratifiers: the profile as that session knew it, captured or carried over (SessionState.profile in the
--   stored state), so a later change of the respondent's profile does not rewrite past sessions.
-- answers: the latest answer to each question in that session (after Back, a later hop's answer wins).
SELECT s.id AS session_id,
       s.respondent_id,
       s.survey_version,
       s.channel,
       s.aggregator,
       s.status,
       s.started_at,
       s.ended_at,
       COALESCE(s.state -> 'profile', '{}'::jsonb)::text AS stratifiers,
       COALESCE(a.answers, '{}'::jsonb)::text AS answers
  FROM survey_session s
  LEFT JOIN LATERAL (
        SELECT jsonb_object_agg(latest.question_id, latest.value) AS answers
          FROM (SELECT DISTINCT ON (question_id) question_id, value
                  FROM answer
                 WHERE session_id = s.id
                 ORDER BY question_id, hop_seq DESC, id DESC) AS latest
       ) AS a ON true
 WHERE s.survey_id = :surveyId
 ORDER BY s.started_at, s.id
