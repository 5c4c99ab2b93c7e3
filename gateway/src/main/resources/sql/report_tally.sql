-- The answers to one question, counted per answer and per stratum, for the tally of the admin page, its
-- API and the tallies CSV (suppressed in Java before anything is published).
-- Answers and strata come from the session's state: state -> 'answers' holds its current answers (after
-- Back, an answer to a question no longer shown is gone, unlike in the append-only answer table), and
-- state -> 'profile' the stratifier values as that session knew them.
-- :key1..:key3 are profile keys; an unused one is NULL, which makes its column NULL on every row.
-- A multiple-choice answer is its choice values joined by one space: each value is counted once per
-- session (chosen), and the session itself once, on its first value (respondents).
-- :version = 0 counts every version.
SELECT a.value AS answer,
       s.state -> 'profile' ->> CAST(:key1 AS text) AS stratum1,
       s.state -> 'profile' ->> CAST(:key2 AS text) AS stratum2,
       s.state -> 'profile' ->> CAST(:key3 AS text) AS stratum3,
       count(*) AS chosen,
       count(*) FILTER (WHERE a.position = 1) AS respondents
  FROM survey_session s
 CROSS JOIN LATERAL unnest(
         CASE WHEN :multiple THEN string_to_array(s.state -> 'answers' ->> CAST(:question AS text), ' ')
              ELSE ARRAY[s.state -> 'answers' ->> CAST(:question AS text)] END
       ) WITH ORDINALITY AS a(value, position)
 WHERE s.survey_id = :surveyId
   AND (:version = 0 OR s.survey_version = :version)
   AND s.state -> 'answers' ->> CAST(:question AS text) IS NOT NULL
   AND a.value <> ''
 GROUP BY 1, 2, 3, 4
