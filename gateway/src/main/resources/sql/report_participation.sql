-- Who took part in one survey, in one pass over its sessions: sessions per status by channel, by day
-- (UTC) and by stratum (up to three profile keys from the session's state; an unused key is NULL).
-- GROUPING SETS computes the three breakdowns together; by_channel / by_day / by_stratum tell which
-- breakdown a row belongs to. :version = 0 counts every version.
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
       channel,
       day::text AS day,
       stratum1,
       stratum2,
       stratum3,
       status,
       count(*) AS sessions
  FROM s
 GROUP BY GROUPING SETS ((channel, status), (day, status), (stratum1, stratum2, stratum3, status))
