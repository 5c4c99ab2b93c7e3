package org.kila.survey.validate;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.kila.survey.model.Condition;
import org.kila.survey.model.Question;
import org.kila.survey.model.QuestionType;
import org.kila.survey.model.SurveyDefinition;

/**
 * Skip logic refers to something real: a question asked earlier, with answers it can actually have, and
 * a number range only on a number question. Remembers which questions' conditions are sound, because
 * only those can be checked for reachability.
 */
final class ConditionRules implements Rule {
  private final Set<Integer> sound = new HashSet<>();

  @Override
  public void check(SurveyDefinition survey, List<Problem> problems) {
    List<Question> questions = survey.questions();
    for (int i = 0; i < questions.size(); i++) {
      Condition showIf = questions.get(i).showIf();
      if (showIf != null && condition(survey, i, showIf, "questions[" + i + "].showIf", problems)) {
        sound.add(i);
      }
    }
  }

  /** Indexes of the questions whose condition refers only to earlier questions, in a way their type allows. */
  Set<Integer> sound() {
    return Set.copyOf(sound);
  }

  private boolean condition(SurveyDefinition survey, int at, Condition c, String path, List<Problem> problems) {
    if (c instanceof Condition.All all) {
      return parts(survey, at, all.conditions(), path + ".all", problems);
    }
    if (c instanceof Condition.Any any) {
      return parts(survey, at, any.conditions(), path + ".any", problems);
    }
    if (c instanceof Condition.Not not) {
      return condition(survey, at, not.condition(), path + ".not", problems);
    }
    if (c instanceof Condition.AnyOf anyOf) {
      return anyOf(survey, at, anyOf, path, problems);
    }
    Condition.InRange range = (Condition.InRange) c;
    Question ref = earlier(survey, at, range.question(), path, problems);
    if (ref != null && ref.type() != QuestionType.NUMBER) {
      problems.add(new Problem(path, "\"min\"/\"max\" test a number, but \"" + ref.id() + "\" is a "
          + ref.type().json() + " question: use \"anyOf\""));
      return false;
    }
    return ref != null;
  }

  private boolean parts(SurveyDefinition survey, int at, List<Condition> parts, String path, List<Problem> problems) {
    boolean ok = true;
    for (int k = 0; k < parts.size(); k++) {
      ok &= condition(survey, at, parts.get(k), path + "[" + k + "]", problems);
    }
    return ok;
  }

  private boolean anyOf(SurveyDefinition survey, int at, Condition.AnyOf c, String path, List<Problem> problems) {
    Question ref = earlier(survey, at, c.question(), path, problems);
    if (ref == null) {
      return false;
    }
    if (ref.type() == QuestionType.NUMBER) {
      problems.add(new Problem(path + ".anyOf", "\"" + ref.id() + "\" is a number question: test it with \"min\"/\"max\""));
      return false;
    }
    if (ref.type() == QuestionType.TEXT) {
      problems.add(new Problem(path + ".anyOf", "\"" + ref.id() + "\" is a text question: a condition cannot test free text"));
      return false;
    }
    List<String> values = Answers.values(ref);
    for (int k = 0; k < c.values().size(); k++) {
      String value = c.values().get(k);
      if (!values.contains(value)) {
        problems.add(new Problem(path + ".anyOf[" + k + "]", "\"" + value + "\" is not an answer to \"" + ref.id()
            + "\" (its answers: " + String.join(", ", values) + ")"));
      }
    }
    // A value that is not an answer simply never matches: the reachability check can still reason about it.
    return true;
  }

  /** The question {@code id} refers to when it is asked before question {@code at}; null (reported) otherwise. */
  private static Question earlier(SurveyDefinition survey, int at, String id, String path, List<Problem> problems) {
    List<Question> questions = survey.questions();
    int index = -1;
    for (int i = 0; i < questions.size() && index < 0; i++) {
      if (questions.get(i).id().equals(id)) {
        index = i;
      }
    }
    String where = path + ".question";
    if (index < 0) {
      List<String> earlierIds = questions.subList(0, at).stream().map(Question::id).toList();
      problems.add(new Problem(where, "no question has the id \"" + id + "\"" + DidYouMean.suffix(id, earlierIds)));
      return null;
    }
    if (index == at) {
      problems.add(new Problem(where, "\"" + id + "\" is this question: a condition can only use answers to earlier questions"));
      return null;
    }
    if (index > at) {
      problems.add(new Problem(where, "\"" + id + "\" is asked later (questions[" + index + "]): a condition can only use"
          + " answers to earlier questions"));
      return null;
    }
    return questions.get(index);
  }
}
