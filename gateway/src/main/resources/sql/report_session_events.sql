-- Data-quality events of one survey's sessions, counted per kind: duplicate hops (an aggregator's
-- retry, answered again and stored once), invalid answers (asked again), timeouts and give-ups.
-- :version = 0 counts every version.
SELECT e.kind, count(*) AS events
  FROM session_event e
  JOIN survey_session s ON s.id = e.session_id
 WHERE s.survey_id = :surveyId
   AND (:version = 0 OR s.survey_version = :version)
 GROUP BY e.kind
