package org.kila.survey.engine;

import java.util.List;
import java.util.Map;

/**
 * Everything the engine needs between two hops: small, immutable and serialisable (the gateway stores it
 * as JSON). {@code answers}: question id -> stored value (choice value; several choice values joined by
 * one space; a number in decimal; "yes"/"no"; text). {@code path}: ids of the questions answered, in
 * order, for Back. {@code profile}: stratifier values known so far (carried over or captured).
 * {@code page}: which page of the current screen is shown.
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
    Map<String, String> profile) {

  public SessionState {
    answers = Map.copyOf(answers);
    path = List.copyOf(path);
    profile = Map.copyOf(profile);
  }
}
