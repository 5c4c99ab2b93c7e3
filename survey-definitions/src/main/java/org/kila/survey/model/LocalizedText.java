package org.kila.survey.model;

import java.util.Map;

/** A piece of respondent-facing text, translated per language code ("en", "sw", ...). */
public record LocalizedText(Map<String, String> byLanguage) {
  public LocalizedText {
    byLanguage = Map.copyOf(byLanguage);
  }

  public static LocalizedText of(String language, String text) {
    return new LocalizedText(Map.of(language, text));
  }

  /** The text in {@code language}, or null when that translation is missing. */
  public String in(String language) {
    return byLanguage.get(language);
  }

  public boolean has(String language) {
    String s = byLanguage.get(language);
    return s != null && !s.isBlank();
  }
}
