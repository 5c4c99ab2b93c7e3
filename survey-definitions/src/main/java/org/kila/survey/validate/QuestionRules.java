package org.kila.survey.validate;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.kila.survey.model.Choice;
import org.kila.survey.model.Question;
import org.kila.survey.model.SurveyDefinition;

/** Each question on its own: id, choices, number range and text length. */
final class QuestionRules implements Rule {
  private static final Pattern QUESTION_ID = Pattern.compile("[a-z][a-z0-9_]{0,39}");
  static final Pattern VALUE = Pattern.compile("[A-Za-z0-9_.-]+");
  /** A text answer travels in one USSD input or one SMS, so never more than one GSM-7 segment. */
  static final int LONGEST_TEXT = 160;

  @Override
  public void check(SurveyDefinition survey, List<Problem> problems) {
    Map<String, Integer> seen = new HashMap<>();
    List<Question> questions = survey.questions();
    for (int i = 0; i < questions.size(); i++) {
      Question q = questions.get(i);
      String path = "questions[" + i + "]";
      if (!QUESTION_ID.matcher(q.id()).matches()) {
        problems.add(new Problem(path + ".id", "\"" + q.id() + "\" is not a valid question id: use up to 40 lowercase"
            + " letters, digits and underscores, starting with a letter"));
      }
      Integer first = seen.putIfAbsent(q.id(), i);
      if (first != null) {
        problems.add(new Problem(path + ".id", "\"" + q.id() + "\" is already the id of questions[" + first + "]"));
      }
      switch (q.type()) {
        case SINGLE_CHOICE, MULTIPLE_CHOICE -> choices(q, path, problems);
        case NUMBER -> {
          if (q.min() > q.max()) {
            problems.add(new Problem(path + ".min", "min (" + q.min() + ") is greater than max (" + q.max() + ")"));
          }
        }
        case TEXT -> {
          if (q.maxLength() == null) {
            problems.add(new Problem(path + ".maxLength", "a text question needs maxLength (1 to " + LONGEST_TEXT + ")"));
          } else if (q.maxLength() < 1 || q.maxLength() > LONGEST_TEXT) {
            problems.add(new Problem(path + ".maxLength", "must be 1 to " + LONGEST_TEXT + ", not " + q.maxLength()));
          }
        }
        case YES_NO -> { }
      }
    }
  }

  private static void choices(Question q, String path, List<Problem> problems) {
    if (q.choices().size() < 2) {
      problems.add(new Problem(path + ".choices", "a " + q.type().json() + " question needs at least 2 choices, not "
          + q.choices().size()));
    }
    Map<String, Integer> seen = new HashMap<>();
    for (int j = 0; j < q.choices().size(); j++) {
      Choice c = q.choices().get(j);
      String valuePath = path + ".choices[" + j + "].value";
      if (!VALUE.matcher(c.value()).matches()) {
        problems.add(new Problem(valuePath, "\"" + c.value() + "\" is not a valid choice value: use letters, digits,"
            + " \"_\", \".\" and \"-\" only"));
      }
      Integer first = seen.putIfAbsent(c.value(), j);
      if (first != null) {
        problems.add(new Problem(valuePath, "\"" + c.value() + "\" is already the value of choices[" + first + "]"));
      }
    }
  }
}
