package org.kila.gateway.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DurationTextTest {
  @ParameterizedTest
  @CsvSource({"90s,PT1M30S", "15m,PT15M", "24h,PT24H", "2d,PT48H", "250ms,PT0.25S", "PT2S,PT2S", "pt5m,PT5M", "P1D,PT24H", " 3s ,PT3S"})
  void readsShortAndIsoSpellings(String text, String iso) {
    assertEquals(Optional.of(Duration.parse(iso)), DurationText.parse(text));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "abc", "5", "5 minutes", "-5s", "1.5h", "PT", "P"})
  void refusesAnythingElse(String text) {
    assertEquals(Optional.empty(), DurationText.parse(text));
  }

  @ParameterizedTest
  @CsvSource({"PT0.25S,250ms", "PT2S,2s", "PT1M,1m", "PT24H,1d", "PT36H,36h", "PT90S,90s"})
  void formatsTheShortestSpelling(String iso, String text) {
    assertEquals(text, DurationText.format(Duration.parse(iso)));
  }
}
