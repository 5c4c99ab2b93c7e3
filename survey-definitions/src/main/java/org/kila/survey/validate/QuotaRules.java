package org.kila.survey.validate;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.kila.survey.model.Band;
import org.kila.survey.model.Question;
import org.kila.survey.model.QuestionType;
import org.kila.survey.model.Quota;
import org.kila.survey.model.SurveyDefinition;

/**
 * Quotas count strata of values that stratifier questions actually capture: every profile key is a
 * stratifier's, and every target names a value that stratifier can take.
 */
final class QuotaRules implements Rule {
  private static final Pattern QUOTA_ID = Pattern.compile("[a-z][a-z0-9_-]{0,39}");

  @Override
  public void check(SurveyDefinition survey, List<Problem> problems) {
    Map<String, Question> stratifiers = new LinkedHashMap<>();
    for (Question q : survey.questions()) {
      if (q.stratifier() != null) {
        stratifiers.putIfAbsent(q.stratifier().profileKey(), q);
      }
    }
    Map<String, Integer> seen = new HashMap<>();
    List<Quota> quotas = survey.quotas();
    for (int i = 0; i < quotas.size(); i++) {
      Quota quota = quotas.get(i);
      String path = "quotas[" + i + "]";
      if (!QUOTA_ID.matcher(quota.id()).matches()) {
        problems.add(new Problem(path + ".id", "\"" + quota.id() + "\" is not a valid quota id: use up to 40 lowercase"
            + " letters, digits, \"_\" and \"-\", starting with a letter"));
      }
      Integer first = seen.putIfAbsent(quota.id(), i);
      if (first != null) {
        problems.add(new Problem(path + ".id", "\"" + quota.id() + "\" is already the id of quotas[" + first + "]"));
      }
      profileKeys(survey, quota, stratifiers, path, problems);
      targets(quota, stratifiers, path, problems);
    }
  }

  private static void profileKeys(SurveyDefinition survey, Quota quota, Map<String, Question> stratifiers, String path,
      List<Problem> problems) {
    if (quota.profileKeys().isEmpty()) {
      problems.add(new Problem(path + ".profileKeys", "a quota needs at least one profile key"));
    }
    Set<String> listed = new LinkedHashSet<>();
    for (int k = 0; k < quota.profileKeys().size(); k++) {
      String key = quota.profileKeys().get(k);
      String at = path + ".profileKeys[" + k + "]";
      if (!listed.add(key)) {
        problems.add(new Problem(at, "\"" + key + "\" is listed twice"));
      } else if (!stratifiers.containsKey(key)) {
        String why = survey.question(key).isPresent()
            ? ": question \"" + key + "\" is not a stratifier (it has no \"stratifier\")"
            : DidYouMean.suffix(key, stratifiers.keySet());
        problems.add(new Problem(at, "no stratifier question captures \"" + key + "\"" + why));
      }
    }
  }

  private static void targets(Quota quota, Map<String, Question> stratifiers, String path, List<Problem> problems) {
    if (quota.targets().isEmpty()) {
      problems.add(new Problem(path + ".targets", "a quota needs at least one target"));
    }
    Set<String> keys = new LinkedHashSet<>(quota.profileKeys());
    Map<String, Integer> seen = new HashMap<>();
    for (int t = 0; t < quota.targets().size(); t++) {
      Quota.Target target = quota.targets().get(t);
      String at = path + ".targets[" + t + "]";
      if (!target.stratum().keySet().equals(keys)) {
        problems.add(new Problem(at + ".stratum", "must give a value for each of the quota's profile keys ("
            + String.join(", ", keys) + ") and nothing else"));
      }
      for (Map.Entry<String, String> e : target.stratum().entrySet()) {
        Question q = stratifiers.get(e.getKey());
        if (q != null && keys.contains(e.getKey()) && !canTake(q, e.getValue())) {
          problems.add(new Problem(at + ".stratum." + e.getKey(), "\"" + e.getValue() + "\" is not a value \""
              + e.getKey() + "\" can take (" + describe(q) + ")"));
        }
      }
      if (target.count() < 0) {
        problems.add(new Problem(at + ".count", "must be 0 or more, not " + target.count()));
      }
      Integer first = seen.putIfAbsent(Quota.stratumKey(target.stratum()), t);
      if (first != null) {
        problems.add(new Problem(at + ".stratum", "the same stratum as targets[" + first + "]"));
      }
    }
  }

  /** Whether the stratifier of {@code q} can record {@code value}: a choice, a band, or a number in range. */
  private static boolean canTake(Question q, String value) {
    if (q.stratifier().derived()) {
      return q.stratifier().bands().stream().anyMatch(b -> b.value().equals(value));
    }
    if (q.type() == QuestionType.NUMBER) {
      try {
        long n = Long.parseLong(value);
        return n >= q.min() && n <= q.max();
      } catch (NumberFormatException e) {
        return false;
      }
    }
    return Answers.values(q).contains(value);
  }

  private static String describe(Question q) {
    if (q.stratifier().derived()) {
      return "its bands: " + String.join(", ", q.stratifier().bands().stream().map(Band::value).distinct().toList());
    }
    if (q.type() == QuestionType.NUMBER) {
      return "a whole number from " + q.min() + " to " + q.max();
    }
    return "its values: " + String.join(", ", Answers.values(q));
  }
}
