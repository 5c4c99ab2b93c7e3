package org.kila.gateway.xlsform;

import java.util.Locale;
import java.util.Map;

/**
 * One column header of an XLSForm sheet, split into its base name and, for translated columns such as
 * {@code label::Kiswahili (sw)}, the language part after the two colons. Base names are compared in lower
 * case with spaces as underscores, and the aliases pyxform accepts for the columns we read are folded in,
 * so {@code Label}, {@code caption} and {@code label} are one column.
 */
record Column(int index, String header, String base, String language) {
  private static final String TRANSLATION = "::";
  private static final Map<String, String> ALIASES = Map.of(
      "caption", "label",
      "relevance", "relevant",
      "constraining_message", "constraint_message",
      "value", "name",
      "set_form_id", "form_id",
      "set_form_title", "form_title");

  static Column parse(int index, String header) {
    String text = header.strip();
    String base = text;
    String language = null;
    int split = text.indexOf(TRANSLATION);
    if (split >= 0) {
      base = text.substring(0, split);
      language = text.substring(split + TRANSLATION.length()).strip();
    }
    base = base.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", "_");
    return new Column(index, text, ALIASES.getOrDefault(base, base), language == null || language.isEmpty() ? null : language);
  }

  boolean translated() {
    return language != null;
  }
}
