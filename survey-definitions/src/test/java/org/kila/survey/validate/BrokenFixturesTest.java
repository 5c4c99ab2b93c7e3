package org.kila.survey.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.kila.survey.Surveys;
import org.kila.survey.render.ChannelProfile;

/**
 * Each {@code broken/<rule>.json} breaks one rule; {@code <rule>.expected.txt} next to it lists every
 * problem the pipeline must report for it, one {@code path: message} per line, in any order, and nothing
 * else.
 */
class BrokenFixturesTest {
  private static final Path BROKEN = Path.of("src/test/resources/broken");

  static Stream<String> fixtures() throws IOException {
    try (Stream<Path> files = Files.list(BROKEN)) {
      List<String> rules = files.map(p -> p.getFileName().toString())
          .filter(n -> n.endsWith(".json"))
          .map(n -> n.substring(0, n.length() - ".json".length()))
          .sorted()
          .toList();
      assertFalse(rules.isEmpty(), "no fixtures in " + BROKEN.toAbsolutePath());
      return rules.stream();
    }
  }

  @ParameterizedTest
  @MethodSource("fixtures")
  void reportsExactlyTheExpectedProblems(String rule) throws IOException {
    String json = Files.readString(BROKEN.resolve(rule + ".json"), StandardCharsets.UTF_8);
    Path expectedFile = BROKEN.resolve(rule + ".expected.txt");
    assertTrue(Files.exists(expectedFile), "missing " + expectedFile);
    List<String> expected = Files.readAllLines(expectedFile, StandardCharsets.UTF_8).stream()
        .filter(line -> !line.isBlank())
        .sorted()
        .toList();

    Surveys.Loaded loaded = Surveys.load(json, ChannelProfile.ussdDefault());

    assertNull(loaded.survey(), "a broken survey must not compile");
    List<String> actual = loaded.problems().stream().map(Problem::toString).sorted().toList();
    assertEquals(String.join("\n", expected), String.join("\n", actual));
  }
}
