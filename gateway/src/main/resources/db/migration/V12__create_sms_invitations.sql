-- Invitations to take a survey by SMS, from lists an NGO uploads, and the reminders sent after them.
-- Never edit once released.

-- One respondent invited to one survey, at most once; language is the one the list gave, if any.
CREATE TABLE sms_invitation (
  survey_id     text        NOT NULL CHECK (survey_id <> ''),
  respondent_id uuid        NOT NULL REFERENCES respondent (id),
  language      text,
  provider      text        NOT NULL CHECK (provider <> ''),
  invited_at    timestamptz NOT NULL,
  -- When the invitation was due to go out (after quiet hours): reminders count from here.
  send_at       timestamptz NOT NULL,
  PRIMARY KEY (survey_id, respondent_id)
);

-- Reminders sent to one respondent about one survey: invited and not started, or started and not
-- finished. Never more than the configured count.
CREATE TABLE sms_reminder (
  survey_id     text        NOT NULL CHECK (survey_id <> ''),
  respondent_id uuid        NOT NULL REFERENCES respondent (id),
  sent          integer     NOT NULL CHECK (sent > 0),
  last_sent_at  timestamptz NOT NULL,
  PRIMARY KEY (survey_id, respondent_id)
);

-- USSD sessions that may have dropped, for the one SMS nudge: read by last activity.
CREATE INDEX survey_session_unfinished_ussd ON survey_session (updated_at)
  WHERE channel = 'ussd' AND status IN ('active', 'interrupted', 'dropped');
