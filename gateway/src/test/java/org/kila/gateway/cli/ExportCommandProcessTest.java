package org.kila.gateway.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.kila.gateway.store.SurveyDao;
import org.kila.gateway.testing.TestDatabase;

/**
 * {@code kila export} as a person runs it, in its own JVM: {@code > responses.csv} must hold the CSV and
 * nothing else, so the gateway's log lines (database ready, key warnings) go to standard error.
 */
class ExportCommandProcessTest {
  @RegisterExtension static final TestDatabase db = new TestDatabase();

  @Test
  void standardOutputHoldsOnlyTheCsvAndTheLogGoesToStandardError() throws Exception {
    String definition;
    try (InputStream in = getClass().getClassLoader().getResourceAsStream("org/kila/survey/examples/youth-voice-ke.json")) {
      definition = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    SurveyDao surveys = db.dao(SurveyDao.class);
    surveys.saveVersion("youth-voice-ke", 1, "Youth Voice", definition, Instant.parse("2026-11-23T08:00:00Z"));

    Run run = kila("export", "--version", "1", "youth-voice-ke");

    assertEquals(0, run.exit(), run.err());
    List<String> lines = run.out().lines().toList();
    assertEquals(1, lines.size(), "the header and no session: nothing but CSV on standard output: " + run.out());
    assertTrue(lines.get(0).startsWith("session_id,respondent_id,survey_version,channel,aggregator,status,"), lines.get(0));
    assertTrue(run.err().contains("Database ready"), "the log is on standard error: " + run.err());
    assertTrue(run.err().contains("KILA_PHONE_HASH_KEY and KILA_PHONE_ENCRYPTION_KEY not set"), run.err());
  }

  private record Run(int exit, String out, String err) {}

  @TempDir static Path dataDir;

  private static Run kila(String... args) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    // The gateway's own logging set-up, not the tests' (logback-test.xml comes first on this class path).
    List<String> command = new java.util.ArrayList<>(List.of(java, "-cp", classpath,
        "-Dlogback.configurationFile=logback.xml", "org.kila.gateway.Main"));
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command);
    pb.environment().keySet().removeIf(k -> k.startsWith("KILA_"));
    pb.environment().putAll(db.env());
    // No key in the environment, as on a first try: the gateway warns (a log line) and keeps keys in the data dir.
    pb.environment().put("KILA_DATA_DIR", dataDir.toString());
    Process p = pb.start();
    CompletableFuture<String> out = read(p.getInputStream());
    CompletableFuture<String> err = read(p.getErrorStream());
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("kila " + String.join(" ", args) + " did not finish");
    }
    return new Run(p.exitValue(), out.get(10, TimeUnit.SECONDS), err.get(10, TimeUnit.SECONDS));
  }

  private static CompletableFuture<String> read(InputStream stream) {
    return CompletableFuture.supplyAsync(() -> {
      try {
        return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    });
  }
}
