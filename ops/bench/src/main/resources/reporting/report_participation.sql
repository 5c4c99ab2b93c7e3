-- Representative participation (the shape of the admin API's report_participation.sql): sessions per
-- status by channel, by day and by stratum of up to three profile keys, in one pass with GROUPING SETS.
WITH s AS (
  SELECT channel,
         status,
         (started_at AT TIME ZONE 'UTC')::date AS day,
         state -> 'profile' ->> CAST(:key1 AS text) AS stratum1,
         state -> 'profile' ->> CAST(:key2 AS text) AS stratum2,
         state -> 'profile' ->> CAST(:key3 AS text) AS stratum3
    FROM survey_session
   WHERE survey_id = :surveyId
     AND (:version = 0 OR survey_version = :version)
)
SELECT GROUPING(channel) = 0 AS by_channel,
       GROUPING(day) = 0 AS by_day,
       GROUPING(stratum1) = 0 AS by_stratum,
       channel, day::text AS day, stratum1, stratum2, stratum3, status,
       count(*) AS sessions
  FROM s
 GROUP BY GROUPING SETS ((channel, status), (day, status), (stratum1, stratum2, stratum3, status))
