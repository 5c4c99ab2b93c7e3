package org.kila.survey.validate;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.kila.survey.model.Language;
import org.kila.survey.model.LocalizedText;
import org.kila.survey.model.MessageField;
import org.kila.survey.model.Question;
import org.kila.survey.model.SurveyDefinition;

/**
 * Every text a respondent can see exists in every language of the survey: title, consent, question
 * texts, choice labels and every message (after the reader filled in the built-in defaults).
 */
final class TranslationRules implements Rule {

  @Override
  public void check(SurveyDefinition survey, List<Problem> problems) {
    Map<String, String> names = new LinkedHashMap<>();
    for (Language language : survey.languages()) {
      names.putIfAbsent(language.code(), language.name());
    }
    Check check = (text, path) -> {
      for (Map.Entry<String, String> language : names.entrySet()) {
        if (text == null || !text.has(language.getKey())) {
          problems.add(new Problem(path + "." + language.getKey(),
              "missing the " + language.getValue() + " (\"" + language.getKey() + "\") text"));
        }
      }
    };
    check.text(survey.title(), "title");
    if (survey.consent() != null) {
      check.text(survey.consent().text(), "consent.text");
    }
    List<Question> questions = survey.questions();
    for (int i = 0; i < questions.size(); i++) {
      Question q = questions.get(i);
      check.text(q.text(), "questions[" + i + "].text");
      for (int j = 0; j < q.choices().size(); j++) {
        check.text(q.choices().get(j).label(), "questions[" + i + "].choices[" + j + "].label");
      }
    }
    for (MessageField field : MessageField.values()) {
      check.text(field.of(survey.messages()), "messages." + field.json());
    }
  }

  @FunctionalInterface
  private interface Check {
    void text(LocalizedText text, String path);
  }
}
