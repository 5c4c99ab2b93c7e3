-- Sessions of one survey that stopped part way, by the question on screen when they stopped (NULL:
-- before the first question, at the language or consent screen). "Stopped" is dropped by the network,
-- interrupted (timed out or closed) or gave up after too many invalid answers; a dropped session that
-- is resumed later is active again and leaves this count. :version = 0 counts every version.
SELECT current_question AS question_id, count(*) AS sessions
  FROM survey_session
 WHERE survey_id = :surveyId
   AND (:version = 0 OR survey_version = :version)
   AND status IN ('dropped', 'interrupted', 'gave_up')
 GROUP BY current_question
