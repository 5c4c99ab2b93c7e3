package org.kila.survey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The core is pure: no web framework, database, telephony SDK, network or file system. The build's
 * enforcer bans the dependencies; this catches the JDK's own I/O packages, which no dependency rule sees.
 */
class PurityTest {
  private static final Path MAIN = Path.of("src/main/java");
  private static final Pattern FORBIDDEN = Pattern.compile(
      "\\b(io\\.vertx|org\\.jdbi|org\\.postgresql|com\\.twilio|java\\.sql|java\\.net|java\\.io\\.File\\w*|java\\.nio\\.file)\\b");

  @Test
  void noSourceOfTheCoreUsesIo() throws IOException {
    List<String> offences = new ArrayList<>();
    int files = 0;
    try (Stream<Path> sources = Files.walk(MAIN)) {
      for (Path source : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
        files++;
        List<String> lines = Files.readAllLines(source, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
          if (FORBIDDEN.matcher(lines.get(i)).find()) {
            offences.add(MAIN.relativize(source) + ":" + (i + 1) + ": " + lines.get(i).strip());
          }
        }
      }
    }
    assertTrue(files > 20, "found only " + files + " sources under " + MAIN.toAbsolutePath());
    assertEquals(List.of(), offences);
  }

  @Test
  void thePatternCatchesImportsAndQualifiedNames() {
    for (String line : List.of("import io.vertx.core.Vertx;", "import org.jdbi.v3.core.Jdbi;", "import java.sql.Connection;",
        "import java.net.URI;", "import java.io.File;", "import java.io.FileReader;", "import java.nio.file.Files;",
        "import static java.nio.file.Files.readString;", "var s = java.nio.file.Files.readString(p);",
        "import com.twilio.Twilio;", "import org.postgresql.Driver;")) {
      assertTrue(FORBIDDEN.matcher(line).find(), line);
    }
    for (String line : List.of("import java.io.UncheckedIOException;", "import java.nio.charset.StandardCharsets;",
        "import java.util.List;")) {
      assertTrue(!FORBIDDEN.matcher(line).find(), line);
    }
  }
}
