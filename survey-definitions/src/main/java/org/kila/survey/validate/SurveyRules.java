package org.kila.survey.validate;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.kila.survey.model.Language;
import org.kila.survey.model.Question;
import org.kila.survey.model.QuestionType;
import org.kila.survey.model.Settings;
import org.kila.survey.model.SurveyDefinition;

/** The survey as a whole: its id, version, languages, that it asks something, and its settings. */
final class SurveyRules implements Rule {
  static final Pattern SURVEY_ID = Pattern.compile("[a-z0-9][a-z0-9-]{1,62}");
  private static final Pattern LANGUAGE_CODE = Pattern.compile("[a-z]{2,3}(-[A-Za-z0-9]{2,8})*");
  private static final Pattern KEY = Pattern.compile("[0-9*#]{1,4}");
  private static final int MOST_TRIES = 10;

  @Override
  public void check(SurveyDefinition survey, List<Problem> problems) {
    if (!SURVEY_ID.matcher(survey.id()).matches()) {
      problems.add(new Problem("id", "\"" + survey.id() + "\" is not a valid survey id: use 2 to 63 lowercase"
          + " letters, digits and hyphens, starting with a letter or digit"));
    }
    if (survey.version() < 1) {
      problems.add(new Problem("version", "must be 1 or more, not " + survey.version()));
    }
    if (survey.languages().isEmpty()) {
      problems.add(new Problem("languages", "a survey needs at least one language"));
    }
    Map<String, Integer> seen = new HashMap<>();
    for (int i = 0; i < survey.languages().size(); i++) {
      Language language = survey.languages().get(i);
      String path = "languages[" + i + "].code";
      if (!LANGUAGE_CODE.matcher(language.code()).matches()) {
        problems.add(new Problem(path, "\"" + language.code() + "\" is not a language code like \"en\", \"sw\" or \"sw-KE\""));
      }
      Integer first = seen.putIfAbsent(language.code(), i);
      if (first != null) {
        problems.add(new Problem(path, "\"" + language.code() + "\" is already languages[" + first + "]"));
      }
    }
    if (survey.questions().isEmpty()) {
      problems.add(new Problem("questions", "a survey needs at least one question"));
    }
    settings(survey, problems);
  }

  private static void settings(SurveyDefinition survey, List<Problem> problems) {
    Settings s = survey.settings();
    if (s.maxInvalidTries() < 1 || s.maxInvalidTries() > MOST_TRIES) {
      problems.add(new Problem("settings.maxInvalidTries", "must be 1 to " + MOST_TRIES + ", not " + s.maxInvalidTries()));
    }
    key("settings.backKey", s.backKey(), survey, problems);
    key("settings.moreKey", s.moreKey(), survey, problems);
    if (s.backKey().equals(s.moreKey())) {
      problems.add(new Problem("settings.moreKey", "\"" + s.moreKey() + "\" is also the back key: they must differ"));
    }
  }

  /** A navigation key must be typeable on a keypad and must not also pick a choice. */
  private static void key(String path, String key, SurveyDefinition survey, List<Problem> problems) {
    if (!KEY.matcher(key).matches()) {
      problems.add(new Problem(path, "\"" + key + "\" cannot be typed as a USSD answer: use 1 to 4 digits, * or #"));
      return;
    }
    if (!key.chars().allMatch(Character::isDigit) || key.startsWith("0")) {
      return;
    }
    int number = Integer.parseInt(key);
    List<Question> questions = survey.questions();
    for (int i = 0; i < questions.size(); i++) {
      if (number <= choiceCount(questions.get(i))) {
        problems.add(new Problem(path, "\"" + key + "\" also picks choice " + number + " of questions[" + i
            + "]: use a number above every choice's, like \"98\""));
        return;
      }
    }
  }

  private static int choiceCount(Question q) {
    return q.type() == QuestionType.YES_NO ? 2 : q.choices().size();
  }
}
