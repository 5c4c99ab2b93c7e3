package org.kila.gateway.admin.reports;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.kila.survey.model.Band;
import org.kila.survey.model.Question;
import org.kila.survey.model.QuestionType;

/**
 * The answers a tally counts, in the order it shows them, and which one each stored answer counts as.
 * Choice questions show every choice; a banded number question shows its bands (a number counts in its
 * band); other numbers and texts show what was answered, at most {@link #MOST} of them: the most frequent,
 * with the rest counted together under null ("other answers").
 */
final class AnswerCategories {
  static final int MOST = 50;

  private final List<String> shown;
  private final Map<String, Integer> index = new HashMap<>();
  private final Question question;
  private final boolean capped;

  /** {@code counts}: every stored answer value with how often it was given. */
  AnswerCategories(Question question, Map<String, Integer> counts) {
    this.question = question;
    List<String> listed = Strata.listedValues(question);
    Set<String> values = new LinkedHashSet<>(listed);
    List<String> observed = new ArrayList<>();
    counts.keySet().forEach(raw -> observed.add(category(raw)));
    boolean free = question.type() == QuestionType.TEXT || (question.type() == QuestionType.NUMBER && listed.isEmpty());
    if (free && new LinkedHashSet<>(observed).size() > MOST) {
      Map<String, Integer> byCategory = new HashMap<>();
      counts.forEach((raw, n) -> byCategory.merge(category(raw), n, Integer::sum));
      byCategory.entrySet().stream()
          .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
          .limit(MOST - 1)
          .forEach(e -> values.add(e.getKey()));
      capped = true;
    } else {
      values.addAll(observed);
      capped = false;
    }
    List<String> ordered = new ArrayList<>(values);
    ordered.sort(new ValueOrder(listed));
    if (capped) {
      ordered.add(null);
    }
    shown = ordered;
    for (int i = 0; i < shown.size(); i++) {
      index.put(shown.get(i), i);
    }
  }

  /** The answers in the order shown; a trailing null stands for the other answers when capped. */
  List<String> shown() {
    return shown;
  }

  /** Where a stored answer is counted. */
  int indexOf(String raw) {
    Integer i = index.get(category(raw));
    return i != null ? i : shown.size() - 1; // not kept: the last category, "other answers"
  }

  /** A stored answer as the tally counts it: a number in its band for a banded number question. */
  private String category(String raw) {
    if (question.type() != QuestionType.NUMBER || !question.isStratifier() || !question.stratifier().derived()) {
      return raw;
    }
    try {
      long n = Long.parseLong(raw.strip());
      for (Band band : question.stratifier().bands()) {
        if (band.contains(n)) {
          return band.value();
        }
      }
    } catch (NumberFormatException e) {
      // a band carried over from the respondent's profile is stored as the band itself
    }
    return raw;
  }
}
