package org.kila.gateway.xlsform;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns XLSForm names into the identifiers Kila's definitions allow: survey ids of lowercase letters,
 * digits and hyphens; question ids of lowercase letters, digits and underscores starting with a letter,
 * at most 40 long; choice values of letters, digits, "_", "." and "-".
 */
final class Identifiers {
  private Identifiers() {}

  private static final int QUESTION_ID_LENGTH = 40;
  private static final int SURVEY_ID_LENGTH = 63;
  private static final Pattern NOT_CHOICE_VALUE = Pattern.compile("[^A-Za-z0-9_.-]");

  /** A survey id from a form id or title, or null when nothing usable is left (under 2 characters). */
  static String surveyId(String text) {
    String id = text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
    if (id.length() > SURVEY_ID_LENGTH) {
      id = id.substring(0, SURVEY_ID_LENGTH).replaceAll("-+$", "");
    }
    return id.length() < 2 ? null : id;
  }

  /** A question id for {@code name}, different from every id in {@code taken}. */
  static String questionId(String name, Set<String> taken) {
    String id = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
    if (id.isEmpty() || !Character.isLetter(id.charAt(0))) {
      id = "q_" + id;
    }
    id = cut(id, QUESTION_ID_LENGTH);
    String unique = id;
    for (int n = 2; taken.contains(unique); n++) {
      String suffix = "_" + n;
      unique = cut(id, QUESTION_ID_LENGTH - suffix.length()) + suffix;
    }
    return unique;
  }

  /** A choice value for a choice's name: characters Kila does not allow in values become "_". */
  static String choiceValue(String name) {
    return NOT_CHOICE_VALUE.matcher(name).replaceAll("_");
  }

  private static String cut(String s, int length) {
    return s.length() <= length ? s : s.substring(0, length);
  }
}
