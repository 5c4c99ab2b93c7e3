package org.kila.survey.engine;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.kila.survey.model.Question;
import org.kila.survey.model.SurveyDefinition;

/**
 * A definition that has passed validation, with the indexes the engine needs on every hop. Built once
 * per survey version and cached by the gateway, never per hop.
 */
public final class CompiledSurvey {
  private final SurveyDefinition definition;
  private final Map<String, Integer> questionIndex;

  private CompiledSurvey(SurveyDefinition definition) {
    this.definition = definition;
    Map<String, Integer> index = new HashMap<>();
    List<Question> questions = definition.questions();
    for (int i = 0; i < questions.size(); i++) {
      index.put(questions.get(i).id(), i);
    }
    this.questionIndex = Map.copyOf(index);
  }

  /** Only for definitions that validated without problems (see {@code org.kila.survey.Surveys}). */
  public static CompiledSurvey of(SurveyDefinition validDefinition) {
    return new CompiledSurvey(validDefinition);
  }

  public SurveyDefinition definition() {
    return definition;
  }

  public String id() {
    return definition.id();
  }

  public int version() {
    return definition.version();
  }

  /** Position of a question in the survey, or -1. */
  public int indexOf(String questionId) {
    return questionIndex.getOrDefault(questionId, -1);
  }

  public Question question(int index) {
    return definition.questions().get(index);
  }
}
