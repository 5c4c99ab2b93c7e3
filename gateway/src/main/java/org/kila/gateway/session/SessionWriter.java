package org.kila.gateway.session;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.kila.gateway.metrics.KilaMetrics;
import org.kila.gateway.store.AnswerDao;
import org.kila.gateway.store.AnswerRow;
import org.kila.gateway.store.ProfileDao;
import org.kila.gateway.store.QuotaDao;
import org.kila.gateway.store.SessionDao;
import org.kila.gateway.store.SessionEventDao;
import org.kila.gateway.store.SessionEventKind;
import org.kila.gateway.store.SessionEventRow;
import org.kila.gateway.store.SessionStateJson;
import org.kila.gateway.store.SessionStatus;
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
    // The status follows the state, not this step's events: a closing message repeated to a late input
    // has no events and must not turn a completed session back into an active one.
    SessionStatus status = SessionStatus.of(turn.state().stage());
    int hopSeq = sessions.advance(t.sessionId(), SessionStateJson.write(turn.state()), status,
        turn.state().questionId(), now, status.finished() ? now : null);
    List<AnswerRow> answers = new ArrayList<>();
    Map<String, String> profile = new LinkedHashMap<>();
    List<SurveyEvent.QuotaCell> cells = new ArrayList<>();
    List<SessionEventRow> quality = new ArrayList<>();
    String ended = null;
    for (SurveyEvent event : turn.events()) {
      // Java 17: no pattern matching in switch yet, so one instanceof chain over the sealed events.
      if (event instanceof SurveyEvent.AnswerRecorded a) {
        answers.add(new AnswerRow(t.sessionId(), a.questionId(), a.value(), a.carriedOver(), hopSeq, now));
      } else if (event instanceof SurveyEvent.StratifierCaptured c) {
        profile.put(c.profileKey(), c.value());
      } else if (event instanceof SurveyEvent.Completed c) {
        cells.addAll(c.quotaCells());
        ended = "completed";
      } else if (event instanceof SurveyEvent.ScreenedOut) {
        ended = "screened_out";
      } else if (event instanceof SurveyEvent.ConsentDeclined) {
        ended = "declined";
      } else if (event instanceof SurveyEvent.GaveUp g) {
        ended = "gave_up";
        quality.add(new SessionEventRow(t.sessionId(), SessionEventKind.GAVE_UP, g.questionId(), null, now));
      } else if (event instanceof SurveyEvent.Interrupted i) {
        ended = "interrupted";
        quality.add(new SessionEventRow(t.sessionId(), SessionEventKind.TIMEOUT, i.questionId(), null, now));
      } else if (event instanceof SurveyEvent.InvalidAnswer i) {
        metrics.invalidAnswer(t.channel());
        quality.add(new SessionEventRow(t.sessionId(), SessionEventKind.INVALID_ANSWER, i.questionId(), i.reason(), now));
      }
    }
    if (!answers.isEmpty()) {
      // The batch itself, not the default method insert(): Jdbi runs a SqlObject's default methods through
      // MethodHandle.invokeWithArguments, which cost about a tenth of a hop's CPU on this, the hottest path.
      h.attach(AnswerDao.class).insertBatch(answers);
    }
    if (!profile.isEmpty()) {
      h.attach(ProfileDao.class).upsert(t.respondentId(), t.sessionId(), now, profile);
    }
    if (!cells.isEmpty()) {
      h.attach(QuotaDao.class).increment(t.surveyId(), cells);
    }
    if (!quality.isEmpty()) {
      h.attach(SessionEventDao.class).record(quality);
    }
    metrics.answersRecorded(t.channel(), answers.size());
    if (ended != null) {
      metrics.session(t.channel(), t.aggregator(), ended);
    }
  }
}
