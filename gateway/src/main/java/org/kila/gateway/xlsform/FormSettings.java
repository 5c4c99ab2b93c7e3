package org.kila.gateway.xlsform;

import java.util.List;

/**
 * What the settings sheet says about the whole form: {@code form_id}, {@code form_title}, {@code version}
 * and {@code default_language}, each read from the first row under the header, turned into the survey's
 * id, title and version. The sheet is optional; every gap is filled and noted.
 */
record FormSettings(String id, String title, int version, String defaultLanguage) {
  static final String FALLBACK_ID = "imported-survey";
  private static final List<String> USED = List.of("form_id", "form_title", "version", "default_language");

  static FormSettings of(SheetTable settings, List<String> notes) {
    SheetTable.Row row = settings == null || settings.rows().isEmpty() ? null : settings.rows().get(0);
    String formId = value(settings, row, "form_id");
    String title = value(settings, row, "form_title");
    String versionText = value(settings, row, "version");
    String defaultLanguage = value(settings, row, "default_language");
    if (settings != null) {
      List<String> unused = settings.unusedColumnsWithValues(USED);
      if (!unused.isEmpty()) {
        notes.add("Settings not used by Kila, ignored: " + String.join(", ", unused) + ".");
      }
    }
    return new FormSettings(id(formId, title, notes), title(title, formId, notes), version(versionText, notes),
        defaultLanguage);
  }

  private static String id(String formId, String title, List<String> notes) {
    String id = Identifiers.surveyId(formId);
    if (id != null) {
      if (!id.equals(formId)) {
        notes.add("form_id \"" + formId + "\" became the survey id \"" + id + "\" (lowercase letters, digits and hyphens).");
      }
      return id;
    }
    id = Identifiers.surveyId(title);
    if (id != null) {
      notes.add("No usable form_id in the settings sheet: the survey id \"" + id + "\" comes from the title.");
      return id;
    }
    notes.add("No usable form_id or form_title in the settings sheet: the survey id is \"" + FALLBACK_ID + "\".");
    return FALLBACK_ID;
  }

  private static String title(String title, String formId, List<String> notes) {
    if (!title.isEmpty()) {
      return title;
    }
    String fallback = formId.isEmpty() ? "Imported survey" : formId;
    notes.add("No form_title in the settings sheet: the title is \"" + fallback + "\".");
    return fallback;
  }

  /** Date-like versions (2025110301) are common and fit an int; anything else restarts at 1. */
  private static int version(String text, List<String> notes) {
    if (text.isEmpty()) {
      notes.add("No version in the settings sheet: the survey starts at version 1.");
      return 1;
    }
    try {
      int version = Integer.parseInt(text);
      if (version >= 1) {
        return version;
      }
    } catch (NumberFormatException e) {
      // reported below, with the value the designer wrote
    }
    notes.add("version \"" + text + "\" is not a whole number from 1 to " + Integer.MAX_VALUE
        + ": the survey starts at version 1.");
    return 1;
  }

  private static String value(SheetTable settings, SheetTable.Row row, String base) {
    return row == null ? "" : settings.text(row, base);
  }
}
