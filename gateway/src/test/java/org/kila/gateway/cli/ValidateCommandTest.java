package org.kila.gateway.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code kila validate}: what a survey designer sees for good, broken and unreadable files. */
class ValidateCommandTest {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int validate(String... args) {
    return ValidateCommand.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private String output() {
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void theBundledExamplesAreValid() {
    assertEquals(0, validate("../survey-definitions/examples/youth-voice-ke.json",
        "../survey-definitions/examples/wg-service-feedback.json"), output());
    assertTrue(output().contains("youth-voice-ke.json: ok"), output());
  }

  @Test
  void everyProblemIsPrintedWithItsPathAndTheExitCodeIsOne(@TempDir Path dir) throws IOException {
    Path broken = dir.resolve("broken.json");
    String youth = Files.readString(Path.of("../survey-definitions/examples/youth-voice-ke.json"));
    Files.writeString(broken, youth.replace("\"id\": \"gender\"", "\"id\": \"age\"")
        .replace("\"value\": \"female\"", "\"value\": \"male\""));
    assertEquals(1, validate(broken.toString()));
    assertTrue(output().contains("broken.json: questions[1].id"), output());
    assertTrue(output().contains("questions[0].choices[1].value"), output());
    assertTrue(output().contains("1 of 1 file(s) have problems"), output());
  }

  @Test
  void unreadableFilesAreProblemsNotCrashes(@TempDir Path dir) throws IOException {
    Path latin1 = dir.resolve("latin1.json");
    Files.write(latin1, new byte[] {'{', '"', 'i', 'd', '"', ':', '"', (byte) 0xE9, '"', '}'});
    assertEquals(1, validate(latin1.toString(), dir.resolve("missing.json").toString()));
    assertTrue(output().contains("latin1.json: (file): is not valid UTF-8"), output());
    assertTrue(output().contains("missing.json: (file): cannot be read"), output());
  }

  @Test
  void usageErrorsExitTwo() {
    assertEquals(2, validate());
    assertEquals(2, validate("--ussd-limit", "abc", "x.json"));
    assertEquals(2, validate("--ussd-limit", "300", "x.json"));
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("never above 182"), err.toString(StandardCharsets.UTF_8));
  }
}
