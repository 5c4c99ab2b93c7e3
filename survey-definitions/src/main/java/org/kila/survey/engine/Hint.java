package org.kila.survey.engine;

/**
 * The short line the current screen shows above its text on the first page. Kept in the session state
 * because it moves choices between pages: the next hop must lay out the same pages to know what "More"
 * and "Back" lead to.
 */
public enum Hint {
  NONE,
  /** The last answer was invalid: {@code messages.invalidHint}. */
  INVALID_ANSWER,
  /** The session was picked up again: {@code messages.welcomeBack}. */
  WELCOME_BACK
}
