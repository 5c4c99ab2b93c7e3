package org.kila.gateway.admin;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.kila.gateway.store.SessionStateJson;
import org.kila.survey.engine.Hint;
import org.kila.survey.engine.SessionState;
import org.kila.survey.engine.Stage;

/**
 * Sessions written straight into the database, as the session service would have left them, so that a
 * report test controls every count exactly without dialling hundreds of USSD sessions.
 */
final class SeededSessions {
  private final Jdbi jdbi;
  private int respondents;

  SeededSessions(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  /** {@code n} sessions alike, each with its own respondent; {@code status} as stored ({@code completed}, ...). */
  void add(int n, String surveyId, int version, String status, String channel, Instant startedAt, String currentQuestion,
      Map<String, String> answers, Map<String, String> profile) {
    Stage stage = switch (status) {
      case "completed" -> Stage.COMPLETED;
      case "screened_out" -> Stage.SCREENED_OUT;
      case "declined" -> Stage.DECLINED;
      case "gave_up" -> Stage.GAVE_UP;
      case "interrupted", "dropped" -> Stage.INTERRUPTED;
      default -> Stage.QUESTION;
    };
    String state = SessionStateJson.write(new SessionState(surveyId, version, "en", stage, currentQuestion, 0, 0, answers,
        List.copyOf(answers.keySet()), profile, Hint.NONE));
    boolean finished = !List.of("active", "interrupted", "dropped").contains(status);
    jdbi.useTransaction(h -> {
      for (int i = 0; i < n; i++) {
        byte[] hash = ByteBuffer.allocate(32).putLong(System.nanoTime()).putInt(++respondents).array();
        UUID respondent = h.createQuery("INSERT INTO respondent (phone_hash, phone_enc) VALUES (:hash, :enc) RETURNING id")
            .bind("hash", hash).bind("enc", new byte[] {1}).mapTo(UUID.class).one();
        h.createUpdate("""
            INSERT INTO survey_session (survey_id, survey_version, respondent_id, channel, aggregator, status, state,
                                        current_question, started_at, updated_at, ended_at)
            VALUES (:surveyId, :version, :respondent, :channel, 'africastalking', :status, CAST(:state AS jsonb),
                    :question, :startedAt, :startedAt, :endedAt)""")
            .bind("surveyId", surveyId).bind("version", version).bind("respondent", respondent).bind("channel", channel)
            .bind("status", status).bind("state", state).bind("question", currentQuestion)
            .bind("startedAt", startedAt).bind("endedAt", finished ? startedAt.plusSeconds(90) : null)
            .execute();
      }
    });
  }
}
