package org.kila.gateway.session;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.kila.gateway.store.SessionEventKind;
import org.kila.gateway.store.SessionStatus;
import org.kila.survey.engine.SurveyEvent;
import org.kila.survey.engine.Turn;

/**
 * What one engine step asks to be stored, read off its events once: the session's new status, the answers,
 * the profile values, the quota cells to count and the data-quality events. Both ways of storing a step
 * (the USSD hop's single statement and the SMS conversation's transaction) store exactly this.
 *
 * @param profile in key order, and {@code cells} in (quota, stratum) order, so two transactions touching the
 *     same rows lock them in the same order
 * @param ended how the session ended in this step (completed, screened_out, declined, gave_up, interrupted),
 *     or null
 */
record StepWrites(SessionStatus status, List<SurveyEvent.AnswerRecorded> answers, Map<String, String> profile,
    List<SurveyEvent.QuotaCell> cells, List<Quality> quality, String ended, int invalidAnswers) {

  /** A data-quality event of the step; {@code detail} is a short reason or null. */
  record Quality(SessionEventKind kind, String questionId, String detail) {}

  static StepWrites of(Turn turn) {
    // The status follows the state, not this step's events: a closing message repeated to a late input
    // has no events and must not turn a completed session back into an active one.
    SessionStatus status = SessionStatus.of(turn.state().stage());
    List<SurveyEvent.AnswerRecorded> answers = new ArrayList<>(2);
    TreeMap<String, String> profile = new TreeMap<>();
    List<SurveyEvent.QuotaCell> cells = new ArrayList<>(0);
    List<Quality> quality = new ArrayList<>(0);
    String ended = null;
    int invalid = 0;
    for (SurveyEvent event : turn.events()) {
      // Java 17: no pattern matching in switch yet, so one instanceof chain over the sealed events.
      if (event instanceof SurveyEvent.AnswerRecorded a) {
        answers.add(a);
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
        quality.add(new Quality(SessionEventKind.GAVE_UP, g.questionId(), null));
      } else if (event instanceof SurveyEvent.Interrupted i) {
        ended = "interrupted";
        quality.add(new Quality(SessionEventKind.TIMEOUT, i.questionId(), null));
      } else if (event instanceof SurveyEvent.InvalidAnswer i) {
        invalid++;
        quality.add(new Quality(SessionEventKind.INVALID_ANSWER, i.questionId(), i.reason()));
      }
    }
    cells.sort(Comparator.comparing(SurveyEvent.QuotaCell::quotaId).thenComparing(SurveyEvent.QuotaCell::stratumKey));
    return new StepWrites(status, answers, profile, cells, quality, ended, invalid);
  }
}
