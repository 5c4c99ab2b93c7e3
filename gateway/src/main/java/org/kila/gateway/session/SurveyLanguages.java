package org.kila.gateway.session;

import java.util.List;
import java.util.Optional;
import org.kila.gateway.survey.SmsKeywords;
import org.kila.survey.model.Language;

/** Which of a survey's languages a respondent asked for with LANG: the next one, or one named by code, name or number. */
final class SurveyLanguages {
  private SurveyLanguages() {}

  /**
   * {@code argument}: what followed LANG, normalised ("" for none). Empty when the survey has one language
   * or the argument names none of its languages.
   */
  static Optional<String> pick(List<Language> languages, String current, String argument) {
    if (languages.size() < 2) {
      return Optional.empty();
    }
    if (argument.isEmpty()) {
      int at = 0;
      for (int i = 0; i < languages.size(); i++) {
        if (languages.get(i).code().equals(current)) {
          at = i;
        }
      }
      return Optional.of(languages.get((at + 1) % languages.size()).code());
    }
    for (int i = 0; i < languages.size(); i++) {
      Language language = languages.get(i);
      if (argument.equals(SmsKeywords.normalise(language.code())) || argument.equals(SmsKeywords.normalise(language.name()))
          || argument.equals(Integer.toString(i + 1))) {
        return Optional.of(language.code());
      }
    }
    return Optional.empty();
  }
}
