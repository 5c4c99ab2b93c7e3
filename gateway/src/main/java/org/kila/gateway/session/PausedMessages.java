package org.kila.gateway.session;

import java.util.Map;

/**
 * What a respondent reads when they dial the code of a paused survey. A definition has no text for this
 * (pausing is an operator's decision, not part of the survey), so it lives here, short enough for any
 * USSD screen.
 */
final class PausedMessages {
  private PausedMessages() {}

  private static final Map<String, String> BY_LANGUAGE = Map.of(
      "en", "This survey is paused for now. Please try again later.",
      "sw", "Utafiti huu umesitishwa kwa sasa. Tafadhali jaribu tena baadaye.",
      "fr", "Cette enquête est en pause. Veuillez réessayer plus tard.",
      "ha", "An dakatar da binciken nan. Sake gwadawa daga baya.");

  static String in(String language) {
    return BY_LANGUAGE.getOrDefault(language, BY_LANGUAGE.get("en"));
  }
}
