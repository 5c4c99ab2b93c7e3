package org.kila.survey.model;

/**
 * Per-survey behaviour. {@code maxInvalidTries}: how many invalid answers to one question before the
 * session ends politely (default 3). {@code backKey}/{@code moreKey}: what the respondent types to go back
 * or see more (default "0" and "98").
 */
public record Settings(int maxInvalidTries, String backKey, String moreKey) {
  public static final Settings DEFAULTS = new Settings(3, "0", "98");
}
