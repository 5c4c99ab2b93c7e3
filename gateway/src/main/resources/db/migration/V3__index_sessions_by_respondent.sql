-- "Has this respondent already finished this survey?" is asked when they dial a code again: a
-- completed respondent is thanked again rather than counted twice.
CREATE INDEX survey_session_by_respondent ON survey_session (respondent_id, survey_id, survey_version)
  WHERE status IN ('completed', 'screened_out');
