-- The SMS outbox: every outgoing text is a row, written in the same transaction as the event that
-- causes it, and sent later by the outbox sender (several gateway instances may send at once: rows are
-- claimed with FOR UPDATE SKIP LOCKED). Never edit once released: add V11, V12, ...

CREATE TABLE sms_outbox (
  id                  bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  -- One per message, never reused; given to the provider where it can carry one (Twilio's status
  -- callback URL), so a crash between sending and recording can be recognised.
  idempotency_key     text        NOT NULL UNIQUE CHECK (idempotency_key ~ '^[A-Za-z0-9_-]{1,80}$'),
  provider            text        NOT NULL CHECK (provider <> ''),
  respondent_id       uuid        NOT NULL REFERENCES respondent (id),
  -- The recipient, encrypted like respondent.phone_enc (AES-GCM, key outside the database).
  to_enc              bytea       NOT NULL,
  body                text        NOT NULL,
  segments            integer     NOT NULL CHECK (segments > 0),
  encoding            text        NOT NULL CHECK (encoding IN ('gsm7', 'ucs2')),
  kind                text        NOT NULL
                      CHECK (kind IN ('prompt', 'invitation', 'reminder', 'nudge', 'help', 'optout_ack')),
  status              text        NOT NULL DEFAULT 'queued'
                      CHECK (status IN ('queued', 'sending', 'sent', 'delivered', 'failed', 'undelivered', 'cancelled')),
  attempts            integer     NOT NULL DEFAULT 0 CHECK (attempts >= 0),
  next_attempt_at     timestamptz NOT NULL,
  -- While 'sending': until when the claiming sender owns the row, and when its attempt began.
  lease_until         timestamptz,
  attempt_started_at  timestamptz,
  provider_message_id text,
  last_error          text,
  error_code          text,
  -- What the message is about, for reminders and reports; null for messages outside a survey (HELP).
  survey_id           text,
  session_id          uuid        REFERENCES survey_session (id),
  created_at          timestamptz NOT NULL,
  sent_at             timestamptz,
  updated_at          timestamptz NOT NULL,
  CHECK (status <> 'sending' OR (lease_until IS NOT NULL AND attempt_started_at IS NOT NULL))
);

-- The sender's one question, "what is due now?", reads only queued rows.
CREATE INDEX sms_outbox_due ON sms_outbox (provider, next_attempt_at) WHERE status = 'queued';
-- Rows whose sender may have died mid-send.
CREATE INDEX sms_outbox_leased ON sms_outbox (lease_until) WHERE status = 'sending';
-- Delivery reports find their message by the provider's id; no two rows hold the same one.
CREATE UNIQUE INDEX sms_outbox_provider_message ON sms_outbox (provider, provider_message_id)
  WHERE provider_message_id IS NOT NULL;
CREATE INDEX sms_outbox_by_respondent ON sms_outbox (respondent_id, created_at);

-- Numbers that asked for no more messages (STOP, or a provider's refusal because they opted out), by
-- the same keyed hash that identifies respondents. No message but the opt-out acknowledgement goes to
-- them until they send START, which deletes the row.
CREATE TABLE sms_opt_out (
  phone_hash   bytea       PRIMARY KEY CHECK (octet_length(phone_hash) = 32),
  opted_out_at timestamptz NOT NULL,
  source       text        NOT NULL CHECK (source IN ('keyword', 'provider_keyword', 'provider_refusal', 'delivery_report'))
);
