package org.kila.gateway.session;

import java.util.Map;

/**
 * What a respondent reads when their answer could not be taken (database away, hop too slow). It is
 * shown without the database, so it lives here rather than in a survey definition.
 */
final class UnavailableMessages {
  private UnavailableMessages() {}

  private static final Map<String, String> BY_LANGUAGE = Map.of(
      "en", "Sorry, we cannot take your answer right now. Please dial again shortly: you will continue where you left off.",
      "sw", "Samahani, hatuwezi kupokea jibu lako sasa hivi. Tafadhali piga tena baadaye kidogo: utaendelea ulipoachia.",
      "fr", "Désolé, nous ne pouvons pas enregistrer votre réponse pour le moment. Rappelez bientôt : vous reprendrez là où vous étiez.",
      "ha", "Yi hakuri, ba za mu iya karɓar amsarka yanzu ba. Da fatan za a sake kira nan ba da jimawa ba.");

  static String in(String language) {
    return BY_LANGUAGE.getOrDefault(language, BY_LANGUAGE.get("en"));
  }
}
