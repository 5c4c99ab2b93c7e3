package org.kila.survey.validate;

import java.util.List;
import org.kila.survey.model.Choice;
import org.kila.survey.model.Question;

/** The values a question can record, as conditions and quota targets name them. */
final class Answers {
  private Answers() {}

  static final List<String> YES_NO = List.of("yes", "no");

  /** Choice values, or yes/no; empty for number and text questions, whose answers are not a list. */
  static List<String> values(Question q) {
    return switch (q.type()) {
      case SINGLE_CHOICE, MULTIPLE_CHOICE -> q.choices().stream().map(Choice::value).toList();
      case YES_NO -> YES_NO;
      case NUMBER, TEXT -> List.of();
    };
  }
}
