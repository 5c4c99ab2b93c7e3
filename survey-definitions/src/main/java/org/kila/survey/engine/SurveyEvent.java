package org.kila.survey.engine;

import java.util.List;

/** What happened in a step that the gateway persists or counts. */
public sealed interface SurveyEvent {

  record LanguageChosen(String language) implements SurveyEvent {}

  record ConsentGiven() implements SurveyEvent {}

  record ConsentDeclined() implements SurveyEvent {}

  /** An answer to store; {@code carriedOver} when it came from the respondent's profile, not this session. */
  record AnswerRecorded(String questionId, String value, boolean carriedOver) implements SurveyEvent {}

  /** A stratifier value for the respondent's profile (a band for derived stratifiers). */
  record StratifierCaptured(String profileKey, String value, String questionId) implements SurveyEvent {}

  record InvalidAnswer(String questionId, String reason) implements SurveyEvent {}

  /** Too many invalid answers to one question: the session ended. */
  record GaveUp(String questionId) implements SurveyEvent {}

  /** The respondent's stratum of {@code quotaId} was full. */
  record ScreenedOut(String quotaId, String stratumKey) implements SurveyEvent {}

  /** The survey was finished; {@code quotaCells} are the strata this response counts towards. */
  record Completed(List<QuotaCell> quotaCells) implements SurveyEvent {
    public Completed {
      quotaCells = List.copyOf(quotaCells);
    }
  }

  /** The session was timed out or closed at {@code questionId} (null before the first question). */
  record Interrupted(String questionId) implements SurveyEvent {}

  /** One stratum of one quota, in {@link org.kila.survey.model.Quota#stratumKey} form. */
  record QuotaCell(String quotaId, String stratumKey) {}
}
