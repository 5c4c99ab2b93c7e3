package org.kila.gateway.sms;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.kila.survey.model.Band;
import org.kila.survey.model.Choice;
import org.kila.survey.model.Question;
import org.kila.survey.model.QuestionType;
import org.kila.survey.model.SurveyDefinition;

/**
 * The profile keys an invitation list may fill for a survey, each with the values the survey would store
 * for it (its choices' values, its bands, yes/no); an empty set where any value goes (a typed answer).
 */
final class ProfileColumns {
  private ProfileColumns() {}

  static Map<String, Set<String>> of(SurveyDefinition definition) {
    Map<String, Set<String>> columns = new LinkedHashMap<>();
    for (Question question : definition.questions()) {
      if (!question.isStratifier()) {
        continue;
      }
      Set<String> values = new LinkedHashSet<>();
      if (question.stratifier().derived()) {
        question.stratifier().bands().stream().map(Band::value).forEach(values::add);
      } else if (question.type() == QuestionType.YES_NO) {
        values.add("yes");
        values.add("no");
      } else {
        question.choices().stream().map(Choice::value).forEach(values::add);
      }
      columns.put(question.stratifier().profileKey(), values);
    }
    return columns;
  }
}
