package org.kila.survey.engine;

import java.util.List;
import java.util.Map;

/**
 * Everything the engine needs between two hops: small, immutable and serialisable (the gateway stores it
 * as JSON). {@code language}: null only while the language is being chosen. {@code questionId}: the
 * question on screen, null before the first question. {@code answers}: question id -> stored value
 * (choice value; several choice values joined by one space; a number in decimal; "yes"/"no"; text; the
 * band for a derived stratifier carried over from the profile). {@code path}: ids of the questions
 * answered in this session, in order, for Back. {@code profile}: stratifier values known so far (carried
 * over or captured). {@code page}: which page of the current screen is shown. {@code hint}: the line the
 * current screen shows on its first page.
 */
public record SessionState(
    String surveyId,
    int surveyVersion,
    String language,
    Stage stage,
    String questionId,
    int page,
    int invalidTries,
    Map<String, String> answers,
    List<String> path,
    Map<String, String> profile,
    Hint hint) {

  public SessionState {
    answers = Map.copyOf(answers);
    path = List.copyOf(path);
    profile = Map.copyOf(profile);
    hint = hint == null ? Hint.NONE : hint; // a JSON state without the field has no hint
  }
}
