-- A per-session hop counter: answers are keyed by (session, question, hop) so that an answer changed
-- after Back is a new row, while a retried hop can never write the same row twice.
ALTER TABLE survey_session ADD COLUMN hops integer NOT NULL DEFAULT 0;
