package org.kila.survey.engine;

import java.util.Arrays;
import java.util.Map;
import java.util.regex.Pattern;
import org.kila.survey.model.Condition;
import org.kila.survey.model.QuestionType;

/**
 * Decides whether a {@link Condition} holds on the answers so far. A condition on a question that has no
 * answer is false (so {@code Not} of it is true), and so is a range on an answer that is not a number,
 * such as the band recorded for a carried-over derived stratifier.
 */
final class SkipLogic {
  private SkipLogic() {}

  private static final Pattern WHOLE_NUMBER = Pattern.compile("-?\\d{1,18}");

  /** True when {@code condition} is null (the question is always shown) or holds on {@code answers}. */
  static boolean holds(Condition condition, Map<String, String> answers, CompiledSurvey survey) {
    if (condition == null) {
      return true;
    }
    if (condition instanceof Condition.AnyOf anyOf) {
      String answer = answers.get(anyOf.question());
      if (answer == null) {
        return false;
      }
      if (typeOf(anyOf.question(), survey) == QuestionType.MULTIPLE_CHOICE) {
        return Arrays.stream(answer.split(" ")).anyMatch(anyOf.values()::contains);
      }
      return anyOf.values().contains(answer);
    }
    if (condition instanceof Condition.InRange range) {
      String answer = answers.get(range.question());
      if (answer == null || !WHOLE_NUMBER.matcher(answer).matches()) {
        return false;
      }
      long n = Long.parseLong(answer);
      return (range.min() == null || n >= range.min()) && (range.max() == null || n <= range.max());
    }
    if (condition instanceof Condition.All all) {
      return all.conditions().stream().allMatch(c -> holds(c, answers, survey));
    }
    if (condition instanceof Condition.Any any) {
      return any.conditions().stream().anyMatch(c -> holds(c, answers, survey));
    }
    if (condition instanceof Condition.Not not) {
      return !holds(not.condition(), answers, survey);
    }
    throw new IllegalArgumentException("unknown condition " + condition);
  }

  private static QuestionType typeOf(String questionId, CompiledSurvey survey) {
    int index = survey.indexOf(questionId);
    return index < 0 ? null : survey.question(index).type();
  }
}
