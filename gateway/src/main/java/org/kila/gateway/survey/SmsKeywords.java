package org.kila.gateway.survey;

import java.text.Normalizer;
import java.util.Locale;

/** How an SMS keyword is compared: case-, accent- and space-insensitive ("  Sauti " = "SAUTI", "ÉCOUTE" = "ecoute"). */
public final class SmsKeywords {
  private SmsKeywords() {}

  public static String normalise(String keyword) {
    String decomposed = Normalizer.normalize(keyword.strip(), Normalizer.Form.NFD);
    return decomposed.replaceAll("\\p{M}+", "").replaceAll("\\s+", " ").toUpperCase(Locale.ROOT);
  }
}
