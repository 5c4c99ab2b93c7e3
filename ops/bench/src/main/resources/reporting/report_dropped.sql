-- Representative drop-off (the shape of the admin API's report_dropped.sql): sessions that stopped part
-- way, by the question on screen when they stopped.
SELECT current_question AS question_id, count(*) AS sessions
  FROM survey_session
 WHERE survey_id = :surveyId
   AND (:version = 0 OR survey_version = :version)
   AND status IN ('dropped', 'interrupted', 'gave_up')
 GROUP BY current_question
