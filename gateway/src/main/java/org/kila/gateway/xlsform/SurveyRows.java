package org.kila.gateway.xlsform;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.kila.survey.model.Condition;
import org.kila.survey.model.LocalizedText;
import org.kila.survey.model.Question;

/**
 * Walks the survey sheet top to bottom and turns its rows into Kila questions. Groups are flattened (their
 * {@code relevant} applies to every question inside); a repeat is skipped with every row in it, since Kila
 * asks each question once; rows of other types are skipped with a reason. Each question's
 * {@code relevant} becomes its {@code showIf} when {@link RelevantTranslator} can express it; otherwise
 * the question is kept without it and the row reported.
 */
final class SurveyRows {
  static final String SHEET = "survey";
  private static final List<String> USED = List.of(
      "type", "name", "label", "hint", "required", "relevant", "constraint", "constraint_message", "choice_filter");
  private static final Set<String> YES = Set.of("yes", "true", "true()", "1");

  /** A group being walked: its name and row, and its condition when it has one that converted. */
  private record Group(String name, int row, Condition condition) {}

  private final SheetTable sheet;
  private final FormLanguages languages;
  private final ChoiceLists lists;
  private final List<Skipped> skipped;
  private final List<String> notes;
  private final Map<String, ImportedQuestion> imported = new LinkedHashMap<>();
  private final Map<String, String> notImported = new HashMap<>();
  private final Set<String> ids = new HashSet<>();
  private final Deque<Group> groups = new ArrayDeque<>();
  private final List<String> flattened = new ArrayList<>();
  private final List<String> optional = new ArrayList<>();
  private final List<Integer> hintRows = new ArrayList<>();
  private final List<Integer> constraintMessageRows = new ArrayList<>();

  SurveyRows(SheetTable sheet, FormLanguages languages, ChoiceLists lists, List<Skipped> skipped, List<String> notes) {
    this.sheet = sheet;
    this.languages = languages;
    this.lists = lists;
    this.skipped = skipped;
    this.notes = notes;
  }

  List<Question> questions() {
    List<Question> questions = new ArrayList<>();
    String repeat = null;
    int repeatRow = 0;
    int repeatDepth = 0;
    for (SheetTable.Row row : sheet.rows()) {
      String typeText = sheet.text(row, "type");
      String name = sheet.text(row, "name");
      if (typeText.isEmpty()) {
        skip(row, (name.isEmpty() ? "row" : "\"" + name + "\"") + " skipped: it has no type");
        continue;
      }
      XlsType type = XlsType.parse(typeText);
      if (repeatDepth > 0) {
        repeatDepth += type.kind() == XlsType.Kind.BEGIN_REPEAT ? 1 : type.kind() == XlsType.Kind.END_REPEAT ? -1 : 0;
        skip(row, (repeatDepth == 0 ? "end_repeat" : "row") + " skipped with repeat \"" + repeat + "\" (row "
            + repeatRow + ")");
        if (!name.isEmpty()) {
          notImported.putIfAbsent(name, "it is inside repeat \"" + repeat + "\"");
        }
        continue;
      }
      switch (type.kind()) {
        case BEGIN_REPEAT -> {
          repeat = name;
          repeatRow = row.number();
          repeatDepth = 1;
          skip(row, "begin_repeat \"" + name + "\" skipped with every row in it: Kila asks each question once");
        }
        case END_REPEAT -> skip(row, "end_repeat ignored: no begin_repeat before it");
        case BEGIN_GROUP -> beginGroup(row, name);
        case END_GROUP -> {
          if (groups.isEmpty()) {
            skip(row, "end_group ignored: no begin_group before it");
          } else {
            groups.pop();
          }
        }
        case SELECT_ONE, SELECT_MULTIPLE, INTEGER, TEXT -> question(row, type, name).ifPresent(questions::add);
        case OTHER -> {
          skip(row, type.skipReason());
          if (!name.isEmpty()) {
            notImported.putIfAbsent(name, "it is a " + type.name() + " row");
          }
        }
      }
    }
    if (repeatDepth > 0) {
      notes.add("begin_repeat \"" + repeat + "\" (row " + repeatRow + ") has no end_repeat: every row after it was skipped.");
    }
    groups.forEach(g -> notes.add("group \"" + g.name() + "\" (row " + g.row() + ") has no end_group: it ends with the sheet."));
    summarise();
    return questions;
  }

  private void beginGroup(SheetTable.Row row, String name) {
    String label = name.isEmpty() ? "row " + row.number() : name;
    flattened.add("\"" + label + "\" (row " + row.number() + ")");
    String relevant = sheet.text(row, "relevant");
    Condition condition = null;
    if (!relevant.isEmpty()) {
      try {
        condition = translator().translate(ExpressionParser.parse(relevant));
      } catch (NotConvertible e) {
        skip(row, "relevant expression not converted: " + relevant + " (" + e.getMessage() + "); the questions in group \""
            + label + "\" are asked without it");
      }
    }
    groups.push(new Group(label, row.number(), condition));
  }

  private Optional<Question> question(SheetTable.Row row, XlsType type, String name) {
    if (name.isEmpty()) {
      skip(row, type.name() + " skipped: it has no name");
      return Optional.empty();
    }
    Optional<AcceptedAnswers> found = AcceptedAnswers.of(type, sheet.text(row, "constraint"), lists,
        SHEET + " row " + row.number() + " (" + name + ")", reason -> skip(row, reason), notes);
    if (found.isEmpty()) {
      notImported.putIfAbsent(name, "its row was skipped");
      return Optional.empty();
    }
    AcceptedAnswers answers = found.get();
    String id = Identifiers.questionId(name, ids);
    ids.add(id);
    if (!id.equals(name)) {
      notes.add(SHEET + " row " + row.number() + ": the name \"" + name + "\" became the question id \"" + id
          + "\" (lowercase letters, digits and underscores, starting with a letter).");
    }
    Map<String, String> label = languages.texts(sheet, row, "label");
    label.values().stream().filter(t -> t.contains("${")).findFirst().ifPresent(t ->
        skip(row, "the label refers to an earlier answer (" + reference(t) + "): Kila shows it as written"));
    if (!sheet.text(row, "choice_filter").isEmpty()) {
      skip(row, "choice_filter not converted: " + sheet.text(row, "choice_filter") + " (every choice of list \""
          + type.listName() + "\" is offered)");
    }
    Condition showIf = showIf(row);
    track(row, name);
    imported.put(name, new ImportedQuestion(name, id, answers.type(), answers.values(), answers.min(), answers.max()));
    return Optional.of(new Question(id, answers.type(), new LocalizedText(label), answers.choices(), answers.min(),
        answers.max(), answers.maxLength(), showIf, null));
  }

  /** The row's own relevant, if it converts, together with those of the groups around it. */
  private Condition showIf(SheetTable.Row row) {
    List<Condition> all = new ArrayList<>();
    groups.descendingIterator().forEachRemaining(g -> {
      if (g.condition() != null) {
        all.add(g.condition());
      }
    });
    String relevant = sheet.text(row, "relevant");
    if (!relevant.isEmpty()) {
      try {
        all.add(translator().translate(ExpressionParser.parse(relevant)));
      } catch (NotConvertible e) {
        skip(row, "relevant expression not converted: " + relevant + " (" + e.getMessage()
            + "); the question is asked without this condition");
      }
    }
    return all.isEmpty() ? null : RelevantTranslator.simplify(all.size() == 1 ? all.get(0) : new Condition.All(all));
  }

  private RelevantTranslator translator() {
    return new RelevantTranslator(imported, notImported);
  }

  private void track(SheetTable.Row row, String name) {
    if (!YES.contains(sheet.text(row, "required").toLowerCase(Locale.ROOT))) {
      optional.add(name);
    }
    if (sheet.columns("hint").stream().anyMatch(c -> !row.cell(c).isEmpty())) {
      hintRows.add(row.number());
    }
    if (sheet.columns("constraint_message").stream().anyMatch(c -> !row.cell(c).isEmpty())) {
      constraintMessageRows.add(row.number());
    }
  }

  private void summarise() {
    if (!flattened.isEmpty()) {
      notes.add("Groups were flattened (their questions are asked one after another and group labels are not shown): "
          + String.join(", ", flattened) + ".");
    }
    if (!optional.isEmpty()) {
      notes.add("Kila waits for an answer to every question it shows; these were not required in the spreadsheet: "
          + String.join(", ", optional) + ". A \"prefer not to say\" choice gives respondents a way past a question.");
    }
    if (!hintRows.isEmpty()) {
      notes.add("Hints are not shown (a basic-phone screen has room for the question only): ignored on rows "
          + rows(hintRows) + ".");
    }
    if (!constraintMessageRows.isEmpty()) {
      notes.add("Constraint messages are not used: Kila repeats the question after its own short hint"
          + " (messages.invalidHint). Ignored on rows " + rows(constraintMessageRows) + ".");
    }
    List<String> unused = sheet.unusedColumnsWithValues(USED);
    if (!unused.isEmpty()) {
      notes.add("Survey columns not used by Kila, ignored: " + String.join(", ", unused) + ".");
    }
  }

  /** The first {@code ${name}} in a label, as written. */
  private static String reference(String label) {
    int start = label.indexOf("${");
    int end = label.indexOf('}', start);
    return end < 0 ? label.substring(start) : label.substring(start, end + 1);
  }

  private static String rows(List<Integer> rows) {
    return rows.stream().map(String::valueOf).collect(Collectors.joining(", "));
  }

  private void skip(SheetTable.Row row, String reason) {
    skipped.add(new Skipped(SHEET, row.number(), reason));
  }
}
