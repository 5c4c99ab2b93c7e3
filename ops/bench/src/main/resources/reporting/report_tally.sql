-- Representative tally (the shape of the admin API's report_tally.sql): one question's answers counted
-- per answer and per stratum of up to three profile keys, from the sessions' state.
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
