-- Fills the database with a survey's worth of reporting data: :sessions sessions of survey 'bench-report',
-- each with six stratifiers in its profile and its answers both in its state (what the tally reads) and
-- as answer rows (the append-only record). Three in four sessions complete all ten questions; the rest
-- stop part way (dropped, or still active). Values are spread by hashing the session number, so every
-- run fills the same data.
INSERT INTO survey_version (survey_id, version, title, definition, status)
VALUES ('bench-report', 1, 'Benchmark reporting data', '{}', 'closed')
ON CONFLICT DO NOTHING;

CREATE TEMP TABLE bench_fill ON COMMIT DROP AS
SELECT i,
       gen_random_uuid() AS id,
       CASE WHEN i % 8 < 6 THEN 10 WHEN i % 8 = 6 THEN 1 + i % 7 ELSE 1 + i % 5 END AS answered,
       CASE WHEN i % 8 < 6 THEN 'completed' WHEN i % 8 = 6 THEN 'dropped' ELSE 'active' END AS status,
       CASE WHEN i % 3 = 0 THEN 'sms' ELSE 'ussd' END AS channel,
       timestamptz '2026-10-01 06:00:00+00' + (i % 43200) * interval '1 minute' AS started_at,
       (ARRAY['female', 'female', 'male', 'male', 'other', 'prefer_not_to_say'])[1 + (hashint8(i * 7) & 2147483647) % 6] AS gender,
       (ARRAY['18-24', '25-29', '30-35'])[1 + (hashint8(i * 11) & 2147483647) % 3] AS age_band,
       (ARRAY['no_difficulty', 'no_difficulty', 'no_difficulty', 'some_difficulty', 'a_lot_of_difficulty',
              'cannot_do_at_all'])[1 + (hashint8(i * 13) & 2147483647) % 6] AS disability,
       (ARRAY['rural', 'urban', 'informal_settlement'])[1 + (hashint8(i * 17) & 2147483647) % 3] AS location_type,
       (ARRAY['kikuyu', 'luhya', 'kalenjin', 'luo', 'kamba', 'somali', 'kisii', 'other'])[1 + (hashint8(i * 19) & 2147483647) % 8]
         AS ethnicity,
       (ARRAY['citizen', 'citizen', 'citizen', 'migrant', 'refugee'])[1 + (hashint8(i * 23) & 2147483647) % 5] AS migrant_status
  FROM generate_series(1, :sessions) AS i;

INSERT INTO respondent (id, phone_hash, phone_enc)
SELECT id, sha256(convert_to('bench-report-' || i, 'UTF8')), '\x00'::bytea FROM bench_fill;

INSERT INTO survey_session (id, survey_id, survey_version, respondent_id, channel, aggregator, status, state,
                            current_question, started_at, updated_at, ended_at)
SELECT f.id, 'bench-report', 1, f.id, f.channel, 'bench', f.status,
       jsonb_build_object(
         'surveyId', 'bench-report', 'surveyVersion', 1, 'language', 'en',
         'stage', CASE WHEN f.status = 'completed' THEN 'COMPLETED' ELSE 'QUESTION' END,
         'questionId', CASE WHEN f.status = 'completed' THEN NULL ELSE 'q' || lpad((f.answered + 1)::text, 2, '0') END,
         'profile', jsonb_build_object('gender', f.gender, 'age_band', f.age_band, 'disability', f.disability,
                                       'location_type', f.location_type, 'ethnicity', f.ethnicity,
                                       'migrant_status', f.migrant_status),
         'answers', (SELECT jsonb_object_agg('q' || lpad(j::text, 2, '0'),
                                             chr(97 + ((hashint8(f.i * 31 + j) & 2147483647) % 5)::int))
                       FROM generate_series(1, f.answered) AS j)),
       CASE WHEN f.status = 'completed' THEN NULL ELSE 'q' || lpad((f.answered + 1)::text, 2, '0') END,
       f.started_at, f.started_at + f.answered * interval '1 minute',
       CASE WHEN f.status = 'completed' THEN f.started_at + 10 * interval '1 minute' END
  FROM bench_fill f;

INSERT INTO answer (session_id, question_id, value, carried_over, hop_seq, answered_at)
SELECT f.id, 'q' || lpad(j::text, 2, '0'), chr(97 + ((hashint8(f.i * 31 + j) & 2147483647) % 5)::int), false, j + 3,
       f.started_at + j * interval '1 minute'
  FROM bench_fill f CROSS JOIN LATERAL generate_series(1, f.answered) AS j;
