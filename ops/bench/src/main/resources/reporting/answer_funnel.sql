-- From the append-only answer rows: how many sessions answered each question, and how many answers were
-- changed after Back (more than one row for the same question of a session).
SELECT a.question_id,
       count(DISTINCT a.session_id) AS sessions,
       count(*) - count(DISTINCT a.session_id) AS changed
  FROM answer a
  JOIN survey_session s ON s.id = a.session_id
 WHERE s.survey_id = :surveyId
 GROUP BY a.question_id
