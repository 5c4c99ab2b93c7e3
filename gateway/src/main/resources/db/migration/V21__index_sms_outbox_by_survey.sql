-- The data-quality panel counts a survey's failed and late texts: without this index that is a scan of
-- every message ever sent, by every survey.
CREATE INDEX sms_outbox_by_survey ON sms_outbox (survey_id, status) WHERE survey_id IS NOT NULL;
