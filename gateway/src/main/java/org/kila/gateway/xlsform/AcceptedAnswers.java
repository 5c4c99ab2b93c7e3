package org.kila.gateway.xlsform;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.kila.survey.model.Choice;
import org.kila.survey.model.LocalizedText;
import org.kila.survey.model.QuestionType;

/**
 * What a question row accepts as an answer, in Kila's terms: its type and, by type, its choices (with the
 * Kila value of each XLSForm choice name), its number range or its text length. Built from the row's type,
 * its list in the choices sheet and its {@code constraint}; what cannot be carried over is reported.
 */
record AcceptedAnswers(QuestionType type, List<Choice> choices, Map<String, String> values, Long min, Long max,
    Integer maxLength) {

  /** When a constraint gives no bound: wide enough for any count or age a survey asks about. */
  static final long DEFAULT_MIN = 0;
  static final long DEFAULT_MAX = 999_999;
  /** A text answer is one USSD input or one SMS: Kila's limit for maxLength, and the default. */
  static final int LONGEST_TEXT = 160;

  /** The answers of a question row; empty (reported through {@code report}) when it cannot be a question. */
  static Optional<AcceptedAnswers> of(XlsType type, String constraint, ChoiceLists lists, String where,
      Consumer<String> report, List<String> notes) {
    return switch (type.kind()) {
      case SELECT_ONE, SELECT_MULTIPLE -> choices(type, constraint, lists, report, notes);
      case INTEGER -> Optional.of(number(constraint, where, report, notes));
      case TEXT -> Optional.of(text(constraint, report));
      default -> throw new IllegalArgumentException("not a question type: " + type);
    };
  }

  private static Optional<AcceptedAnswers> choices(XlsType type, String constraint, ChoiceLists lists,
      Consumer<String> report, List<String> notes) {
    if (type.listName() == null) {
      report.accept(type.name() + " skipped: it names no list");
      return Optional.empty();
    }
    Optional<ChoiceLists.ChoiceList> found = lists.list(type.listName());
    if (found.isEmpty()) {
      report.accept(type.name() + " skipped: list \"" + type.listName() + "\" is not in the choices sheet");
      return Optional.empty();
    }
    if (type.orOther()) {
      report.accept("or_other not converted: no \"Other\" choice was added; add one to list \"" + type.listName() + "\"");
    }
    if (!constraint.isEmpty()) {
      report.accept("constraint not converted: " + constraint + " (Kila accepts any of the listed choices)");
    }
    ChoiceLists.ChoiceList list = found.get();
    if (type.kind() == XlsType.Kind.SELECT_ONE && list.yesNo()) {
      String note = "select_one " + list.name() + " became Kila yes/no questions, whose answers read as"
          + " messages.yes and messages.no in each language.";
      if (!notes.contains(note)) {
        notes.add(note);
      }
      return Optional.of(new AcceptedAnswers(QuestionType.YES_NO, List.of(), list.yesNoValues(), null, null, null));
    }
    List<Choice> choices = new ArrayList<>();
    Map<String, String> values = new HashMap<>();
    for (ChoiceLists.ListChoice c : list.choices()) {
      choices.add(new Choice(c.value(), new LocalizedText(c.label()), c.preferNotToSay()));
      values.put(c.name(), c.value());
    }
    QuestionType kila = type.kind() == XlsType.Kind.SELECT_ONE ? QuestionType.SINGLE_CHOICE : QuestionType.MULTIPLE_CHOICE;
    return Optional.of(new AcceptedAnswers(kila, choices, values, null, null, null));
  }

  private static AcceptedAnswers number(String constraint, String where, Consumer<String> report, List<String> notes) {
    ConstraintBounds.Bounds bounds = ConstraintBounds.Bounds.NONE;
    if (!constraint.isEmpty()) {
      try {
        bounds = ConstraintBounds.ofNumber(ExpressionParser.parse(constraint));
      } catch (NotConvertible e) {
        report.accept("constraint not converted: " + constraint + " (" + e.getMessage() + "); the range is "
            + DEFAULT_MIN + " to " + DEFAULT_MAX + " until you set it");
        return new AcceptedAnswers(QuestionType.NUMBER, List.of(), Map.of(), DEFAULT_MIN, DEFAULT_MAX, null);
      }
    }
    long min = bounds.min() == null ? DEFAULT_MIN : bounds.min();
    long max = bounds.max() == null ? DEFAULT_MAX : bounds.max();
    if (bounds.min() == null || bounds.max() == null) {
      String missing = bounds.min() == null && bounds.max() == null ? "no range" : bounds.min() == null ? "no minimum" : "no maximum";
      notes.add(where + ": " + (constraint.isEmpty() ? "no constraint" : "the constraint sets " + missing)
          + "; Kila needs a range, so answers from " + min + " to " + max + " are accepted.");
    }
    return new AcceptedAnswers(QuestionType.NUMBER, List.of(), Map.of(), min, max, null);
  }

  private static AcceptedAnswers text(String constraint, Consumer<String> report) {
    int maxLength = LONGEST_TEXT;
    if (!constraint.isEmpty()) {
      try {
        ConstraintBounds.Bounds bounds = ConstraintBounds.ofLength(ExpressionParser.parse(constraint));
        if (bounds.min() != null && bounds.min() > 0) {
          report.accept("constraint partly converted: Kila has no shortest length, so string-length(.) >= "
              + bounds.min() + " is not checked");
        }
        if (bounds.max() != null && bounds.max() > LONGEST_TEXT) {
          report.accept("a longest length of " + bounds.max() + " is more than one SMS holds: maxLength is " + LONGEST_TEXT);
        } else if (bounds.max() != null) {
          maxLength = (int) Math.max(1, bounds.max());
        }
      } catch (NotConvertible e) {
        report.accept("constraint not converted: " + constraint + " (" + e.getMessage() + "); maxLength is " + LONGEST_TEXT);
      }
    }
    return new AcceptedAnswers(QuestionType.TEXT, List.of(), Map.of(), null, null, maxLength);
  }
}
