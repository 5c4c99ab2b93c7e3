package org.kila.gateway.xlsform;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The lists of the choices sheet ({@code list_name}, {@code name}, {@code label} per language), with each
 * choice's Kila value and whether it is the "prefer not to say" answer, which Kila counts apart and never
 * imputes. A list of exactly "yes" and "no" is recognised, so its questions become Kila yes/no questions.
 */
final class ChoiceLists {
  static final String SHEET = "choices";
  private static final List<String> USED = List.of("list_name", "name", "label");
  private static final Pattern PREFER_NOT_TO_SAY =
      Pattern.compile("prefer[_-]?not.*|refuse.*|no[_-]?answer|pnts", Pattern.CASE_INSENSITIVE);
  private static final Set<Set<String>> YES_NO = Set.of(Set.of("yes", "no"), Set.of("y", "n"));

  /** One choice: its row, its XLSForm name, its Kila value and label, and whether it means "prefer not to say". */
  record ListChoice(int row, String name, String value, Map<String, String> label, boolean preferNotToSay) {}

  /** A named list of choices in sheet order. */
  record ChoiceList(String name, List<ListChoice> choices) {
    boolean yesNo() {
      return choices.size() == 2 && YES_NO.contains(Set.of(lower(choices.get(0).name()), lower(choices.get(1).name())));
    }

    /** For a yes/no list: each choice name to Kila's "yes" or "no". */
    Map<String, String> yesNoValues() {
      Map<String, String> values = new HashMap<>();
      choices.forEach(c -> values.put(c.name(), lower(c.name()).startsWith("y") ? "yes" : "no"));
      return values;
    }
  }

  private final Map<String, ChoiceList> lists;

  private ChoiceLists(Map<String, ChoiceList> lists) {
    this.lists = lists;
  }

  static ChoiceLists none() {
    return new ChoiceLists(Map.of());
  }

  /** The lists of {@code sheet}, which must have list_name and name columns. */
  static ChoiceLists of(SheetTable sheet, FormLanguages languages, List<Skipped> skipped, List<String> notes)
      throws XlsFormException {
    for (String column : List.of("list_name", "name")) {
      if (!sheet.has(column)) {
        throw new XlsFormException(XlsFormException.Kind.NOT_AN_XLSFORM, "The choices sheet has no \"" + column
            + "\" column in its first row (it has: " + headers(sheet) + ").");
      }
    }
    Map<String, List<ListChoice>> byList = new LinkedHashMap<>();
    Map<String, Integer> firstRow = new HashMap<>();
    for (SheetTable.Row row : sheet.rows()) {
      String list = sheet.text(row, "list_name");
      String name = sheet.text(row, "name");
      if (list.isEmpty() || name.isEmpty()) {
        skipped.add(new Skipped(SHEET, row.number(), "choice skipped: it has no " + (list.isEmpty() ? "list_name" : "name")));
        continue;
      }
      Integer first = firstRow.putIfAbsent(list + "\u0000" + name, row.number());
      if (first != null) {
        skipped.add(new Skipped(SHEET, row.number(), "choice skipped: \"" + name + "\" is already in list \"" + list
            + "\" (row " + first + ")"));
        continue;
      }
      String value = Identifiers.choiceValue(name);
      if (!value.equals(name)) {
        notes.add("choices row " + row.number() + ": the name \"" + name + "\" became the value \"" + value
            + "\" (letters, digits, \"_\", \".\" and \"-\" only).");
      }
      byList.computeIfAbsent(list, l -> new ArrayList<>()).add(new ListChoice(row.number(), name, value,
          languages.texts(sheet, row, "label"), PREFER_NOT_TO_SAY.matcher(name).matches()));
    }
    List<String> unused = sheet.unusedColumnsWithValues(USED);
    if (!unused.isEmpty()) {
      notes.add("Choice columns not used by Kila, ignored: " + String.join(", ", unused) + ".");
    }
    Map<String, ChoiceList> lists = new LinkedHashMap<>();
    byList.forEach((name, choices) -> lists.put(name, new ChoiceList(name, choices)));
    return new ChoiceLists(lists);
  }

  Optional<ChoiceList> list(String name) {
    return Optional.ofNullable(lists.get(name));
  }

  static String headers(SheetTable sheet) {
    List<String> headers = sheet.columns().stream().map(Column::header).filter(h -> !h.isEmpty()).toList();
    return headers.isEmpty() ? "nothing" : String.join(", ", headers);
  }

  private static String lower(String s) {
    return s.toLowerCase(Locale.ROOT);
  }
}
