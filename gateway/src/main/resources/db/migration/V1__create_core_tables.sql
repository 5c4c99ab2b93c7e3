-- Kila's core tables: respondents, surveys, sessions, answers, quotas and aggregator events.
-- PostgreSQL 13+ only (gen_random_uuid() is built in). Never edit once released: add V2, V3, ...

-- A person who answers surveys, known only by a keyed hash of their phone number. The number itself is
-- kept encrypted (AES-GCM, key outside the database) so the SMS channel can reply.
CREATE TABLE respondent (
  id         uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
  phone_hash bytea       NOT NULL UNIQUE CHECK (octet_length(phone_hash) = 32),
  phone_enc  bytea       NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

-- One version of a survey definition. A definition is data (the validated JSON); a new version is a new
-- row, so answers always refer to the questions they answered.
CREATE TABLE survey_version (
  survey_id   text        NOT NULL CHECK (survey_id <> ''),
  version     integer     NOT NULL CHECK (version > 0),
  title       text        NOT NULL,
  definition  jsonb       NOT NULL,
  status      text        NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'launched', 'paused', 'closed')),
  created_at  timestamptz NOT NULL DEFAULT now(),
  launched_at timestamptz,
  PRIMARY KEY (survey_id, version),
  CHECK (status = 'draft' OR launched_at IS NOT NULL OR status = 'closed')
);

-- At most one launched version per survey: tallies and triggers have one "current" version.
CREATE UNIQUE INDEX survey_version_one_launched ON survey_version (survey_id) WHERE status = 'launched';

-- What starts a survey: a USSD service code or an SMS keyword (stored upper case). One survey per
-- code or keyword: the primary key is the rule.
CREATE TABLE survey_trigger (
  channel    text        NOT NULL CHECK (channel IN ('ussd', 'sms')),
  trigger    text        NOT NULL CHECK (trigger <> ''),
  survey_id  text        NOT NULL,
  version    integer     NOT NULL,
  claimed_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (channel, trigger),
  FOREIGN KEY (survey_id, version) REFERENCES survey_version (survey_id, version),
  CHECK (channel <> 'sms' OR trigger = upper(trigger))
);

CREATE INDEX survey_trigger_by_survey ON survey_trigger (survey_id);

-- One respondent's pass through one survey version, over one or more aggregator sessions (a dropped USSD
-- session resumed later continues the same survey session). state is the engine's SessionState as JSON.
CREATE TABLE survey_session (
  id               uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
  survey_id        text        NOT NULL,
  survey_version   integer     NOT NULL,
  respondent_id    uuid        NOT NULL REFERENCES respondent (id),
  channel          text        NOT NULL CHECK (channel IN ('ussd', 'sms')),
  aggregator       text        NOT NULL CHECK (aggregator <> ''),
  status           text        NOT NULL DEFAULT 'active'
                   CHECK (status IN ('active', 'interrupted', 'completed', 'screened_out', 'declined', 'gave_up', 'dropped')),
  state            jsonb       NOT NULL,
  current_question text,
  started_at       timestamptz NOT NULL,
  updated_at       timestamptz NOT NULL,
  ended_at         timestamptz,
  FOREIGN KEY (survey_id, survey_version) REFERENCES survey_version (survey_id, version),
  -- a finished session says when it finished
  CHECK (status IN ('active', 'interrupted', 'dropped') OR ended_at IS NOT NULL)
);

-- Resume: "does this respondent have an unfinished session of this survey, touched recently?"
CREATE INDEX survey_session_resumable ON survey_session (respondent_id, survey_id, updated_at)
  WHERE status IN ('active', 'interrupted', 'dropped');
-- Export and tallies: every session of a survey.
CREATE INDEX survey_session_by_survey ON survey_session (survey_id, started_at);

-- Stratifier values known about a respondent (gender, age_band, ...), so a later survey does not ask again.
CREATE TABLE respondent_profile (
  respondent_id uuid        NOT NULL REFERENCES respondent (id),
  profile_key   text        NOT NULL CHECK (profile_key <> ''),
  value         text        NOT NULL,
  session_id    uuid        REFERENCES survey_session (id),
  updated_at    timestamptz NOT NULL,
  PRIMARY KEY (respondent_id, profile_key)
);

-- One aggregator session (e.g. an Africa's Talking sessionId) mapped to our survey session, with what is
-- needed to answer a retried hop identically without running the engine again.
CREATE TABLE channel_session (
  id              bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  aggregator      text        NOT NULL CHECK (aggregator <> ''),
  external_id     text        NOT NULL CHECK (external_id <> ''),
  session_id      uuid        NOT NULL REFERENCES survey_session (id),
  service_code    text,
  last_input      text,       -- the aggregator's cumulative text so far, to derive the next input from
  last_hop_key    text,       -- what identifies the last hop, so its retry is recognised
  last_reply      text,       -- the reply to the last hop, sent again on a retry
  last_reply_ends boolean     NOT NULL DEFAULT false,
  hops            integer     NOT NULL DEFAULT 0 CHECK (hops >= 0),
  created_at      timestamptz NOT NULL,
  updated_at      timestamptz NOT NULL,
  UNIQUE (aggregator, external_id)
);

CREATE INDEX channel_session_by_session ON channel_session (session_id);

-- Every answer given, never changed: a retried hop is deduplicated by the unique key, a changed answer
-- (after Back) is a new row with a later hop_seq.
CREATE TABLE answer (
  id           bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  session_id   uuid        NOT NULL REFERENCES survey_session (id),
  question_id  text        NOT NULL CHECK (question_id <> ''),
  value        text        NOT NULL,
  carried_over boolean     NOT NULL DEFAULT false,
  hop_seq      integer     NOT NULL CHECK (hop_seq >= 0),
  answered_at  timestamptz NOT NULL,
  UNIQUE (session_id, question_id, hop_seq)
);

CREATE FUNCTION answer_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'answers are append-only: % is not allowed on answer', TG_OP;
END;
$$;

CREATE TRIGGER answer_append_only BEFORE UPDATE OR DELETE ON answer
  FOR EACH ROW EXECUTE FUNCTION answer_is_append_only();

-- Completed responses per stratum of each quota, read by the engine to screen out full strata.
-- stratum_key is Quota.stratumKey: "gender=female|location_type=rural".
CREATE TABLE quota_count (
  survey_id   text   NOT NULL,
  quota_id    text   NOT NULL,
  stratum_key text   NOT NULL,
  completed   bigint NOT NULL DEFAULT 0 CHECK (completed >= 0),
  PRIMARY KEY (survey_id, quota_id, stratum_key)
);

-- An aggregator's end-of-session notice, recorded once however often it is delivered.
CREATE TABLE ussd_end_event (
  id                bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  aggregator        text        NOT NULL,
  external_id       text        NOT NULL,
  status            text        NOT NULL CHECK (status <> ''),
  hops_count        integer,
  duration_ms       bigint,
  last_app_response text,
  received_at       timestamptz NOT NULL,
  UNIQUE (aggregator, external_id)
);

-- Data quality: what went wrong in a session without ending it badly (an invalid answer, a timeout,
-- a duplicate hop dropped). Small rows, counted per question and survey.
CREATE TABLE session_event (
  id          bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  session_id  uuid        NOT NULL REFERENCES survey_session (id),
  kind        text        NOT NULL CHECK (kind IN ('invalid_answer', 'timeout', 'duplicate_hop', 'gave_up')),
  question_id text,
  detail      text,
  occurred_at timestamptz NOT NULL
);

CREATE INDEX session_event_by_session ON session_event (session_id);
