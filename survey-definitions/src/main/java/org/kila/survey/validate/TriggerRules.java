package org.kila.survey.validate;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.kila.survey.model.SurveyDefinition;

/** What starts the survey: USSD service codes such as {@code *384*12#} and one-word SMS keywords. */
final class TriggerRules implements Rule {
  private static final Pattern USSD_CODE = Pattern.compile("\\*[0-9]+(\\*[0-9]+)*#");
  private static final Pattern KEYWORD = Pattern.compile("[\\p{L}\\p{N}]+");

  @Override
  public void check(SurveyDefinition survey, List<Problem> problems) {
    List<String> codes = survey.triggers().ussdCodes();
    Map<String, Integer> seenCodes = new HashMap<>();
    for (int i = 0; i < codes.size(); i++) {
      String code = codes.get(i);
      String path = "triggers.ussd[" + i + "]";
      if (!USSD_CODE.matcher(code).matches()) {
        problems.add(new Problem(path, "\"" + code + "\" is not a USSD service code like *384*12#"));
      }
      Integer first = seenCodes.putIfAbsent(code, i);
      if (first != null) {
        problems.add(new Problem(path, "\"" + code + "\" is already triggers.ussd[" + first + "]"));
      }
    }
    List<String> keywords = survey.triggers().smsKeywords();
    Map<String, Integer> seenKeywords = new HashMap<>();
    for (int i = 0; i < keywords.size(); i++) {
      String keyword = keywords.get(i);
      String path = "triggers.sms[" + i + "]";
      if (!KEYWORD.matcher(keyword).matches()) {
        problems.add(new Problem(path, "\"" + keyword + "\" is not a single word: an SMS keyword is letters and digits only"));
      }
      // Respondents type keywords in any case, so SAUTI and sauti are the same trigger.
      Integer first = seenKeywords.putIfAbsent(keyword.toUpperCase(Locale.ROOT), i);
      if (first != null) {
        problems.add(new Problem(path, "\"" + keyword + "\" is already triggers.sms[" + first + "] (keywords ignore case)"));
      }
    }
  }
}
