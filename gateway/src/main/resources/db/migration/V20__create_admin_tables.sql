-- The admin page's accounts, sessions, sign-in throttle, first-run setup and audit log. Sessions and the
-- throttle live here, not in memory, so that several gateway instances behind a load balancer share them.

-- A person who signs in to the admin page. email is stored trimmed and lower case (EmailAddress).
-- password_hash is an Argon2id PHC string (argon2id, v=19, m=19456, t=2, p=1, then salt and hash).
CREATE TABLE admin_user (
  id            bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  email         text        NOT NULL UNIQUE CHECK (email <> '' AND email = lower(email)),
  role          text        NOT NULL CHECK (role IN ('admin', 'designer', 'viewer')),
  password_hash text        NOT NULL CHECK (password_hash <> ''),
  disabled      boolean     NOT NULL DEFAULT false,
  created_at    timestamptz NOT NULL,
  last_sign_in  timestamptz
);

-- A signed-in browser. The cookie holds 256 random bits; only their SHA-256 is stored, so a copy of the
-- database (a backup, say) holds no session anyone could use.
CREATE TABLE admin_session (
  id_hash      bytea       PRIMARY KEY CHECK (octet_length(id_hash) = 32),
  user_id      bigint      NOT NULL REFERENCES admin_user (id) ON DELETE CASCADE,
  csrf_token   text        NOT NULL CHECK (csrf_token <> ''),
  created_at   timestamptz NOT NULL,
  last_seen_at timestamptz NOT NULL
);

CREATE INDEX admin_session_by_user ON admin_session (user_id);
-- Expired sessions are deleted by age.
CREATE INDEX admin_session_by_last_seen ON admin_session (last_seen_at);

-- One failed sign-in, counted per account (the email as typed, normalised) and per client address.
CREATE TABLE sign_in_failure (
  id        bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  account   text        NOT NULL,
  address   text        NOT NULL,
  failed_at timestamptz NOT NULL
);

CREATE INDEX sign_in_failure_by_account ON sign_in_failure (account, failed_at);
CREATE INDEX sign_in_failure_by_address ON sign_in_failure (address, failed_at);
CREATE INDEX sign_in_failure_by_time ON sign_in_failure (failed_at);

-- The one-time setup link printed at start while no account exists (SHA-256 of the token). Every instance
-- that starts without accounts adds one; all are deleted once the first admin exists.
CREATE TABLE admin_setup_token (
  token_hash bytea       PRIMARY KEY CHECK (octet_length(token_hash) = 32),
  created_at timestamptz NOT NULL
);

-- Who did what on the admin page, never changed: sign-ins (and failed ones), launches, pauses, closes,
-- survey creations and edits, exports and changes to accounts.
CREATE TABLE audit_event (
  id      bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  at      timestamptz NOT NULL,
  actor   text        NOT NULL,
  action  text        NOT NULL CHECK (action IN ('sign_in', 'sign_in_failed', 'launch', 'pause', 'close', 'edit',
                                                 'create', 'export', 'user_create', 'user_change')),
  target  text,
  detail  text,
  address text
);

CREATE INDEX audit_event_by_time ON audit_event (at DESC, id DESC);

CREATE FUNCTION audit_event_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'the audit log is append-only: % is not allowed on audit_event', TG_OP;
END;
$$;

CREATE TRIGGER audit_event_append_only BEFORE UPDATE OR DELETE ON audit_event
  FOR EACH ROW EXECUTE FUNCTION audit_event_is_append_only();
