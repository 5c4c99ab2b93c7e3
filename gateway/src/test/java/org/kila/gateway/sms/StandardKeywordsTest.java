package org.kila.gateway.sms;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StandardKeywordsTest {

  @ParameterizedTest(name = "''{0}'' is {1} {2}")
  @CsvSource(delimiter = '|', nullValues = "-", value = {
      "STOP|STOP|''",
      "  stop |STOP|''",
      "Unsubscribe|STOP|''",
      "sitisha|STOP|''",
      "Arrêt|STOP|''",
      "ARRET|STOP|''",
      "tsaya|STOP|''",
      "start|START|''",
      "Anza|START|''",
      "help|HELP|''",
      "Msaada|HELP|''",
      "lang|LANGUAGE|''",
      "LANG sw|LANGUAGE|SW",
      "Lugha  Kiswahili|LANGUAGE|KISWAHILI",
      "stop the noise, I like it|-|-",
      "1|-|-",
      "sauti|-|-",
      "stopp|-|-",
      "language is important to me|LANGUAGE|IS IMPORTANT TO ME",
  })
  void readsOnlyWholeMessageKeywords(String text, String kind, String argument) {
    Optional<StandardKeywords.Match> match = StandardKeywords.match(text);
    assertEquals(kind == null ? Optional.empty() : Optional.of(new StandardKeywords.Match(StandardKeywords.Kind.valueOf(kind), argument)),
        match);
  }
}
