package org.kila.gateway.store;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.kila.survey.engine.Hint;
import org.kila.survey.engine.SessionState;
import org.kila.survey.engine.Stage;
import org.kila.survey.model.Triggers;
import org.kila.survey.render.ChannelProfile.Channel;

/** Rows the DAO tests build on: a launched survey, a respondent, a session. */
final class Fixtures {
  static final Instant T0 = Instant.parse("2026-11-23T08:00:00Z");

  private Fixtures() {}

  static String definition(String surveyId, int version, String title) {
    return "{\"id\": \"" + surveyId + "\", \"version\": " + version + ", \"title\": {\"en\": \"" + title + "\"}}";
  }

  static void launchedSurvey(Jdbi jdbi, String surveyId, int version, String ussdCode) {
    SurveyDao surveys = jdbi.onDemand(SurveyDao.class);
    surveys.saveVersion(surveyId, version, "Survey " + surveyId, definition(surveyId, version, surveyId), T0);
    surveys.launch(surveyId, version, T0);
    surveys.claimTriggers(surveyId, version, new Triggers(List.of(ussdCode), List.of()), T0);
  }

  static byte[] phoneHash(int n) {
    byte[] hash = new byte[32];
    Arrays.fill(hash, (byte) n);
    return hash;
  }

  static UUID respondent(Jdbi jdbi, int n) {
    return jdbi.onDemand(RespondentDao.class).upsert(phoneHash(n), new byte[] {(byte) n, 1, 2, 3});
  }

  static String state(String surveyId, String questionId, Map<String, String> answers, Map<String, String> profile) {
    return SessionStateJson.write(new SessionState(surveyId, 1, "en", Stage.QUESTION, questionId, 0, 0, answers,
        List.copyOf(answers.keySet()), profile, Hint.NONE));
  }

  static SurveySessionRow session(UUID respondentId, String surveyId, SessionStatus status, Instant updatedAt) {
    Instant endedAt = status.finished() ? updatedAt : null;
    return new SurveySessionRow(UUID.randomUUID(), surveyId, 1, respondentId, Channel.USSD, "africastalking", status,
        state(surveyId, "q1", Map.of(), Map.of()), "q1", updatedAt.minusSeconds(60), updatedAt, endedAt);
  }

  /** {@code row} with another state text: jsonb stores a state's meaning, not its spelling. */
  static SurveySessionRow withState(SurveySessionRow row, String state) {
    return new SurveySessionRow(row.id(), row.surveyId(), row.surveyVersion(), row.respondentId(), row.channel(),
        row.aggregator(), row.status(), state, row.currentQuestion(), row.startedAt(), row.updatedAt(), row.endedAt());
  }

  static SurveySessionRow insertSession(Jdbi jdbi, UUID respondentId, String surveyId, SessionStatus status,
      Instant updatedAt) {
    SurveySessionRow row = session(respondentId, surveyId, status, updatedAt);
    jdbi.onDemand(SessionDao.class).insertSession(row);
    return row;
  }
}
