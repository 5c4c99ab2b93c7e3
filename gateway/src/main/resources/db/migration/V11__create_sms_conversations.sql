-- Two-way SMS: the messages respondents sent (so a provider's second delivery of one is recorded and
-- answered once) and the conversation each number is in. Never edit once released.

-- One row per inbound message ever received; the body is not kept here (an answer's text is stored with
-- the answer, and nothing else of a message is needed).
CREATE TABLE sms_inbound (
  provider            text        NOT NULL CHECK (provider <> ''),
  provider_message_id text        NOT NULL CHECK (provider_message_id <> ''),
  respondent_id       uuid        NOT NULL REFERENCES respondent (id),
  received_at         timestamptz NOT NULL,
  PRIMARY KEY (provider, provider_message_id)
);

-- A number's conversation with one provider's number: the survey session its replies answer, until
-- expires_at (a reply after that is not taken as an answer: the respondent is told how to continue).
-- The row is locked while a message is handled, so two messages of one number are handled in turn.
CREATE TABLE sms_conversation (
  provider      text        NOT NULL CHECK (provider <> ''),
  phone_hash    bytea       NOT NULL CHECK (octet_length(phone_hash) = 32),
  respondent_id uuid        NOT NULL REFERENCES respondent (id),
  session_id    uuid        REFERENCES survey_session (id),
  expires_at    timestamptz,
  -- The last help text sent, so that an auto-responder answering our help text is not answered forever.
  last_help_at  timestamptz,
  updated_at    timestamptz NOT NULL,
  PRIMARY KEY (provider, phone_hash)
);

CREATE INDEX sms_conversation_by_session ON sms_conversation (session_id);
