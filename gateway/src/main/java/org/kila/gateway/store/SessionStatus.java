package org.kila.gateway.store;

import org.kila.survey.engine.Stage;

/** Where a survey session stands, as stored in {@code survey_session.status} (lower case). */
public enum SessionStatus {
  /** In progress: choosing a language, at the consent screen or answering questions. */
  ACTIVE,
  /** The engine saw a timeout or a close before the end; may be resumed. */
  INTERRUPTED,
  COMPLETED,
  /** The respondent's stratum was full: thanked and ended. */
  SCREENED_OUT,
  /** The respondent declined consent; nothing but the decline is kept. */
  DECLINED,
  /** Too many invalid answers to one question. */
  GAVE_UP,
  /** The aggregator reported the session ended before our last screen; may be resumed. */
  DROPPED;

  /** Whether a new aggregator session of the same respondent may continue this one. */
  public boolean resumable() {
    return this == ACTIVE || this == INTERRUPTED || this == DROPPED;
  }

  public boolean finished() {
    return !resumable();
  }

  /** The status that stores an engine stage. */
  public static SessionStatus of(Stage stage) {
    return switch (stage) {
      case CHOOSING_LANGUAGE, CONSENT, QUESTION -> ACTIVE;
      case INTERRUPTED -> INTERRUPTED;
      case COMPLETED -> COMPLETED;
      case SCREENED_OUT -> SCREENED_OUT;
      case DECLINED -> DECLINED;
      case GAVE_UP -> GAVE_UP;
    };
  }
}
