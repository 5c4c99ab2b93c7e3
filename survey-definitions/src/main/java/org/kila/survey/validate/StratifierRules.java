package org.kila.survey.validate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.kila.survey.model.Band;
import org.kila.survey.model.Choice;
import org.kila.survey.model.Question;
import org.kila.survey.model.QuestionType;
import org.kila.survey.model.Stratifier;
import org.kila.survey.model.SurveyDefinition;

/**
 * Questions that describe the respondent: one value per profile key, "prefer not to say" offered when
 * the question is sensitive, and bands that turn every possible number into exactly one band.
 */
final class StratifierRules implements Rule {
  static final Pattern PROFILE_KEY = Pattern.compile("[a-z][a-z0-9_]{0,39}");

  @Override
  public void check(SurveyDefinition survey, List<Problem> problems) {
    Map<String, Integer> seen = new HashMap<>();
    List<Question> questions = survey.questions();
    for (int i = 0; i < questions.size(); i++) {
      Question q = questions.get(i);
      Stratifier s = q.stratifier();
      if (s == null) {
        continue;
      }
      String path = "questions[" + i + "].stratifier";
      if (q.type() == QuestionType.MULTIPLE_CHOICE || q.type() == QuestionType.TEXT) {
        problems.add(new Problem(path, "a stratifier keeps one value per respondent: it must be a single_choice,"
            + " yes_no or number question, not " + q.type().json()));
      }
      if (!PROFILE_KEY.matcher(s.profileKey()).matches()) {
        problems.add(new Problem(path + ".profileKey", "\"" + s.profileKey() + "\" is not a valid profile key: use up"
            + " to 40 lowercase letters, digits and underscores, starting with a letter"));
      }
      Integer first = seen.putIfAbsent(s.profileKey(), i);
      if (first != null) {
        problems.add(new Problem(path + ".profileKey", "\"" + s.profileKey() + "\" is already captured by questions["
            + first + "]"));
      }
      if (s.sensitive() && q.choices().stream().noneMatch(Choice::preferNotToSay)) {
        problems.add(new Problem(path + ".sensitive", "a sensitive stratifier must offer a choice marked"
            + " \"preferNotToSay\": true"));
      }
      if (s.derived() && q.type() != QuestionType.NUMBER) {
        problems.add(new Problem(path + ".bands", "bands group numbers: they apply only to number questions, not "
            + q.type().json()));
      } else if (s.derived()) {
        bands(q, path + ".bands", problems);
      }
    }
  }

  private static void bands(Question q, String path, List<Problem> problems) {
    List<Band> bands = q.stratifier().bands();
    boolean sane = q.min() <= q.max();
    for (int j = 0; j < bands.size(); j++) {
      Band b = bands.get(j);
      String at = path + "[" + j + "]";
      if (!QuestionRules.VALUE.matcher(b.value()).matches()) {
        problems.add(new Problem(at + ".value", "\"" + b.value() + "\" is not a valid band value: use letters, digits,"
            + " \"_\", \".\" and \"-\" only"));
      }
      if (b.min() > b.max()) {
        problems.add(new Problem(at, "min (" + b.min() + ") is greater than max (" + b.max() + ")"));
        sane = false;
        continue;
      }
      if (b.min() < q.min() || b.max() > q.max()) {
        problems.add(new Problem(at, b.min() + " to " + b.max() + " goes outside the question's range, " + q.min()
            + " to " + q.max()));
      }
      for (int k = 0; k < j; k++) {
        Band other = bands.get(k);
        if (other.min() <= other.max() && b.min() <= other.max() && other.min() <= b.max()) {
          problems.add(new Problem(at, "overlaps bands[" + k + "] (" + other.min() + " to " + other.max() + ")"));
          sane = false;
        }
      }
    }
    if (sane) {
      gaps(q, path, problems);
    }
  }

  /** Every answer the question accepts must land in a band, or the respondent gets no stratifier value. */
  private static void gaps(Question q, String path, List<Problem> problems) {
    List<Band> sorted = new ArrayList<>(q.stratifier().bands());
    sorted.sort(Comparator.comparingLong(Band::min));
    long next = q.min();
    for (Band b : sorted) {
      if (b.min() > next) {
        problems.add(gap(q, path, next, b.min() - 1));
      }
      next = Math.max(next, b.max() + 1);
    }
    if (next <= q.max()) {
      problems.add(gap(q, path, next, q.max()));
    }
  }

  private static Problem gap(Question q, String path, long from, long to) {
    return new Problem(path, "no band covers " + (from == to ? String.valueOf(from) : from + " to " + to)
        + ", so those answers would have no \"" + q.stratifier().profileKey() + "\"");
  }
}
