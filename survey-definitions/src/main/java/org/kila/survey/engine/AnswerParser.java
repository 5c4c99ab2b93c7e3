package org.kila.survey.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.kila.survey.model.Question;

/**
 * Reads what a respondent typed as the stored value of an answer, or says why it is not one. The reasons
 * are short codes, fit for a metrics tag and for {@link SurveyEvent.InvalidAnswer#reason()}.
 */
final class AnswerParser {
  private AnswerParser() {}

  static final String NOT_A_CHOICE = "not_a_choice";
  static final String REPEATED_CHOICE = "repeated_choice";
  static final String NOT_A_NUMBER = "not_a_number";
  static final String BELOW_MIN = "below_min";
  static final String ABOVE_MAX = "above_max";
  static final String EMPTY = "empty";
  static final String TOO_LONG = "too_long";

  // Basic phones offer these keys between digits; several choices may be typed with any of them.
  private static final Pattern CHOICE_SEPARATORS = Pattern.compile("[\\s,*#.]+");
  // At most 18 digits so that the value always fits a long.
  private static final Pattern WHOLE_NUMBER = Pattern.compile("-?\\d{1,18}");
  private static final Pattern CHOICE_NUMBER = Pattern.compile("\\d{1,6}");

  /** A stored value, or the reason the text was not an answer (exactly one is non-null). */
  record Parsed(String value, String reason) {
    static Parsed ok(String value) {
      return new Parsed(value, null);
    }

    static Parsed rejected(String reason) {
      return new Parsed(null, reason);
    }

    boolean ok() {
      return value != null;
    }
  }

  static Parsed parse(Question question, String typed) {
    String text = typed.trim();
    return switch (question.type()) {
      case SINGLE_CHOICE -> {
        int n = choiceNumber(text, question.choices().size());
        yield n > 0 ? Parsed.ok(question.choices().get(n - 1).value()) : Parsed.rejected(NOT_A_CHOICE);
      }
      case MULTIPLE_CHOICE -> multipleChoice(question, text);
      case NUMBER -> number(question, text);
      case YES_NO -> switch (choiceNumber(text, 2)) {
        case 1 -> Parsed.ok("yes");
        case 2 -> Parsed.ok("no");
        default -> Parsed.rejected(NOT_A_CHOICE);
      };
      case TEXT -> text(question, text);
    };
  }

  /** The 1-based number of one of {@code count} numbered options, or 0 when {@code text} is none of them. */
  static int choiceNumber(String text, int count) {
    if (!CHOICE_NUMBER.matcher(text).matches()) {
      return 0;
    }
    int n = Integer.parseInt(text);
    return n >= 1 && n <= count ? n : 0;
  }

  private static Parsed multipleChoice(Question question, String text) {
    TreeSet<Integer> picked = new TreeSet<>();
    for (String token : CHOICE_SEPARATORS.split(text)) {
      if (token.isEmpty()) {
        continue; // text starting with a separator splits into a leading empty token
      }
      int n = choiceNumber(token, question.choices().size());
      if (n == 0) {
        return Parsed.rejected(NOT_A_CHOICE);
      }
      if (!picked.add(n)) {
        return Parsed.rejected(REPEATED_CHOICE);
      }
    }
    if (picked.isEmpty()) {
      return Parsed.rejected(NOT_A_CHOICE);
    }
    List<String> values = new ArrayList<>();
    picked.forEach(n -> values.add(question.choices().get(n - 1).value()));
    return Parsed.ok(String.join(" ", values));
  }

  private static Parsed number(Question question, String text) {
    if (!WHOLE_NUMBER.matcher(text).matches()) {
      return Parsed.rejected(NOT_A_NUMBER);
    }
    long n = Long.parseLong(text);
    if (question.min() != null && n < question.min()) {
      return Parsed.rejected(BELOW_MIN);
    }
    if (question.max() != null && n > question.max()) {
      return Parsed.rejected(ABOVE_MAX);
    }
    return Parsed.ok(Long.toString(n));
  }

  private static Parsed text(Question question, String text) {
    if (text.isEmpty()) {
      return Parsed.rejected(EMPTY);
    }
    // Counted in characters as people see them, so a non-BMP letter or emoji counts once.
    if (question.maxLength() != null && text.codePointCount(0, text.length()) > question.maxLength()) {
      return Parsed.rejected(TOO_LONG);
    }
    return Parsed.ok(text);
  }
}
