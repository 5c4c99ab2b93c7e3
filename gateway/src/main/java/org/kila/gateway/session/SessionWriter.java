package org.kila.gateway.session;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.kila.gateway.metrics.KilaMetrics;
import org.kila.gateway.store.AnswerDao;
import org.kila.gateway.store.AnswerRow;
import org.kila.gateway.store.ProfileDao;
import org.kila.gateway.store.QuotaDao;
import org.kila.gateway.store.SessionDao;
import org.kila.gateway.store.SessionEventDao;
import org.kila.gateway.store.SessionEventRow;
import org.kila.gateway.store.SessionStateJson;
import org.kila.survey.engine.SurveyEvent;
import org.kila.survey.engine.Turn;

/**
 * Persists what one engine step produced, inside the hop's transaction: the new state, the answers, the
 * profile values, the quota counts and the data-quality events, so that an answer is stored before its
 * reply leaves the gateway.
 */
final class SessionWriter {
  private final KilaMetrics metrics;

  SessionWriter(KilaMetrics metrics) {
    this.metrics = metrics;
  }

  /** Where the step happened: the session, its respondent and survey, and the channel for metrics. */
  record Target(UUID sessionId, UUID respondentId, String surveyId, String channel, String aggregator) {}

  /**
   * {@code sessions} is the hop's own, already attached: attaching a Jdbi SqlObject builds a handler for each
   * of its methods, so the hot path attaches each DAO at most once and only when there is something to write
   * (measured: a quarter of a hop's CPU went to attaching DAOs that wrote nothing).
   */
  void write(Handle h, SessionDao sessions, Target t, Turn turn, Instant now) {
    StepWrites w = StepWrites.of(turn);
    int hopSeq = sessions.advance(t.sessionId(), SessionStateJson.write(turn.state()), w.status(),
        turn.state().questionId(), now, w.status().finished() ? now : null);
    if (!w.answers().isEmpty()) {
      List<AnswerRow> rows = new ArrayList<>(w.answers().size());
      for (SurveyEvent.AnswerRecorded a : w.answers()) {
        rows.add(new AnswerRow(t.sessionId(), a.questionId(), a.value(), a.carriedOver(), hopSeq, now));
      }
      // The batch itself, not the default method insert(): Jdbi runs a SqlObject's default methods through
      // MethodHandle.invokeWithArguments, which cost about a tenth of a hop's CPU.
      h.attach(AnswerDao.class).insertBatch(rows);
    }
    if (!w.profile().isEmpty()) {
      h.attach(ProfileDao.class).upsert(t.respondentId(), t.sessionId(), now, w.profile());
    }
    if (!w.cells().isEmpty()) {
      h.attach(QuotaDao.class).increment(t.surveyId(), w.cells());
    }
    if (!w.quality().isEmpty()) {
      List<SessionEventRow> rows = new ArrayList<>(w.quality().size());
      for (StepWrites.Quality q : w.quality()) {
        rows.add(new SessionEventRow(t.sessionId(), q.kind(), q.questionId(), q.detail(), now));
      }
      h.attach(SessionEventDao.class).record(rows);
    }
    count(metrics, t.channel(), t.aggregator(), w);
  }

  /** Counts what a stored step did: answers, invalid answers re-asked, and how the session ended. */
  static void count(KilaMetrics metrics, String channel, String aggregator, StepWrites w) {
    for (int i = 0; i < w.invalidAnswers(); i++) {
      metrics.invalidAnswer(channel);
    }
    metrics.answersRecorded(channel, w.answers().size());
    if (w.ended() != null) {
      metrics.session(channel, aggregator, w.ended());
    }
  }
}
