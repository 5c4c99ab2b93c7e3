-- A survey's texts that never arrived (failed: the provider refused or gave up; undelivered: the
-- network could not deliver) and its replies that went out late: a question sent more than two minutes
-- after the respondent's text that asked for it, while they wait with the phone in hand. Invitations and
-- reminders are left out of "late": they wait for the quiet hours on purpose.
-- :version = 0 counts every version; otherwise only texts of that version's sessions.
SELECT count(*) FILTER (WHERE o.status IN ('failed', 'undelivered')) AS failed,
       count(*) FILTER (WHERE o.kind = 'prompt' AND o.sent_at > o.created_at + interval '2 minutes') AS late
  FROM sms_outbox o
  LEFT JOIN survey_session s ON s.id = o.session_id
 WHERE o.survey_id = :surveyId
   AND (:version = 0 OR s.survey_version = :version)
