package org.kila.gateway.xlsform;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.kila.survey.model.Language;

/**
 * The languages of an imported form, taken from the {@code label::...} columns of the survey and choices
 * sheets, with the {@code default_language} setting first, and the reading of a row's labels in them. A
 * plain {@code label} column (no language) belongs to the default language, or to the first language when
 * none is set, or to English in a form with no translations; the import says which it chose.
 */
final class FormLanguages {
  private static final String LABEL = "label";

  private final List<Language> languages;
  private final Map<String, String> codeByHeader;
  private final String plainCode;

  private FormLanguages(List<Language> languages, Map<String, String> codeByHeader, String plainCode) {
    this.languages = List.copyOf(languages);
    this.codeByHeader = Map.copyOf(codeByHeader);
    this.plainCode = plainCode;
  }

  /** {@code choices} may be null; {@code defaultLanguage} is the setting's text, empty when not set. */
  static FormLanguages of(SheetTable survey, SheetTable choices, String defaultLanguage, List<String> notes) {
    List<SheetTable> tables = choices == null ? List.of(survey) : List.of(survey, choices);
    Map<String, Language> byCode = new LinkedHashMap<>();
    Map<String, String> codeByHeader = new HashMap<>();
    boolean plainLabels = false;
    for (SheetTable table : tables) {
      for (Column column : table.columns(LABEL)) {
        if (!column.translated()) {
          plainLabels |= table.rows().stream().anyMatch(r -> !r.cell(column).isEmpty());
        } else if (!codeByHeader.containsKey(column.language())) {
          LanguageNames.Named named = LanguageNames.parse(column.language());
          explain(column.header(), named, notes);
          codeByHeader.put(column.language(), named.code());
          byCode.putIfAbsent(named.code(), new Language(named.code(), named.name()));
        }
      }
    }
    List<Language> ordered = new ArrayList<>(byCode.values());
    String plainCode = null;
    if (!defaultLanguage.isEmpty()) {
      LanguageNames.Named named = LanguageNames.parse(defaultLanguage);
      explain("default_language " + defaultLanguage, named, notes);
      Language language = byCode.getOrDefault(named.code(), new Language(named.code(), named.name()));
      if (byCode.containsKey(named.code()) || plainLabels) {
        ordered.remove(language);
        ordered.add(0, language);
        plainCode = named.code();
      } else {
        notes.add("default_language \"" + defaultLanguage + "\" has no label column: ignored.");
      }
    }
    if (plainCode == null && (plainLabels || ordered.isEmpty())) {
      if (ordered.isEmpty()) {
        ordered.add(new Language("en", "English"));
        notes.add("The labels do not say their language: taken as English (en). If they are in another language,"
            + " name it in the header, like label::Kiswahili (sw).");
      } else {
        notes.add("The \"label\" column without a language fills in the " + ordered.get(0).name() + " ("
            + ordered.get(0).code() + ") texts where its own column is empty.");
      }
      plainCode = ordered.get(0).code();
    }
    return new FormLanguages(ordered, codeByHeader, plainCode);
  }

  List<Language> languages() {
    return languages;
  }

  /** The texts of {@code base} ("label") in a row, per language code in the survey's language order. */
  Map<String, String> texts(SheetTable table, SheetTable.Row row, String base) {
    Map<String, String> found = new HashMap<>();
    for (Column column : table.columns(base)) {
      String text = row.cell(column);
      if (!text.isEmpty() && column.translated()) {
        found.putIfAbsent(codeByHeader.getOrDefault(column.language(), column.language()), text);
      }
    }
    if (plainCode != null) {
      table.column(base).map(row::cell).filter(t -> !t.isEmpty()).ifPresent(t -> found.putIfAbsent(plainCode, t));
    }
    Map<String, String> ordered = new LinkedHashMap<>();
    for (Language language : languages) {
      if (found.containsKey(language.code())) {
        ordered.put(language.code(), found.get(language.code()));
      }
    }
    return ordered;
  }

  private static void explain(String where, LanguageNames.Named named, List<String> notes) {
    if (named.source() == LanguageNames.Source.KNOWN_NAME) {
      notes.add(where + ": no language code given; took \"" + named.code() + "\" for " + named.name() + ".");
    } else if (named.source() == LanguageNames.Source.GUESSED) {
      notes.add(where + ": no language code given and \"" + named.name() + "\" is not a language Kila knows;"
          + " used \"" + named.code() + "\". Write the code in the header, like label::" + named.name()
          + " (xx), and import again.");
    }
  }
}
