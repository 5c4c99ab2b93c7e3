package org.kila.survey.engine;

import java.util.Map;

/** What a respondent did, normalised at the channel edge. */
public sealed interface Input {

  /**
   * A new session. {@code knownProfile}: stratifier values already in the respondent's profile (a
   * question with one of these profile keys is skipped and its answer recorded as carried over).
   * {@code preferredLanguage}: a language code, or null to ask when the survey has several.
   */
  record Started(Map<String, String> knownProfile, String preferredLanguage) implements Input {
    public Started {
      knownProfile = Map.copyOf(knownProfile);
    }
  }

  /** A dropped session picked up again: show the current screen again (from its first page). */
  record Resumed() implements Input {}

  /** The respondent typed {@code text} (already the new input only, never the aggregator's cumulative string). */
  record Answered(String text) implements Input {}

  /** The channel timed the session out. */
  record TimedOut() implements Input {}

  /** The respondent or the channel closed the session. */
  record Closed() implements Input {}
}
