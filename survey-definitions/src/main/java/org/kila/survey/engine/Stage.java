package org.kila.survey.engine;

/** Where a session stands. */
public enum Stage {
  CHOOSING_LANGUAGE,
  CONSENT,
  QUESTION,
  COMPLETED,
  SCREENED_OUT,
  DECLINED,
  GAVE_UP,
  /** Timed out or closed before the end; may be resumed. */
  INTERRUPTED;

  public boolean isFinal() {
    return this == COMPLETED || this == SCREENED_OUT || this == DECLINED || this == GAVE_UP;
  }
}
