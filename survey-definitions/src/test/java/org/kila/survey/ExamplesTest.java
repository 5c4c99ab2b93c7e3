package org.kila.survey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.kila.survey.engine.CompiledSurvey;
import org.kila.survey.render.ChannelProfile;
import org.kila.survey.validate.Problem;

/** The example surveys the demo and the gateway's tests load must be valid on the default USSD channel. */
class ExamplesTest {
  static final Path EXAMPLES = Path.of("examples");

  static Stream<Path> examples() throws IOException {
    try (Stream<Path> files = Files.list(EXAMPLES)) {
      List<Path> json = files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
      assertTrue(json.size() >= 2, "expected the example surveys in " + EXAMPLES.toAbsolutePath());
      return json.stream();
    }
  }

  @ParameterizedTest
  @MethodSource("examples")
  void loadsWithoutProblemsOnTheDefaultUssdChannel(Path file) throws IOException {
    Surveys.Loaded loaded = Surveys.load(Files.readString(file, StandardCharsets.UTF_8), ChannelProfile.ussdDefault());

    assertEquals(List.of(), loaded.problems().stream().map(Problem::toString).toList());
    CompiledSurvey survey = loaded.survey();
    assertEquals(file.getFileName().toString(), survey.id() + ".json", "file name is the survey id");
  }
}
