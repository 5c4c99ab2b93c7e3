package org.kila.bench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultsFileTest {

  @Test
  void keepsTheProseAddsTheHeaderOnceAndAppendsOneRowPerVerdict(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("RESULTS.md");
    Files.writeString(file, "# Results\n\nHow to read them.\n");
    ResultsFile results = new ResultsFile(file);
    results.append("2026-11-23 12:00 UTC", "short", "2 cores", "ops/bench/run.sh --short",
        List.of(Verdict.of("steady", true, "p99 <= 50 ms", "p99 12 ms | ok")));
    results.append("2026-11-23 13:00 UTC", "full", "2 cores", "ops/bench/run.sh",
        List.of(Verdict.of("kill", false, "nothing lost", "lost 1")));
    String text = Files.readString(file);
    assertTrue(text.startsWith("# Results\n\nHow to read them.\n\n| date |"), text);
    assertEquals(1, text.split("\\| date \\|", -1).length - 1, "one header");
    List<String> rows = text.lines().filter(l -> l.startsWith("| 2026")).toList();
    assertEquals(2, rows.size());
    assertTrue(rows.get(0).contains("| PASS |") && rows.get(0).contains("p99 12 ms \\| ok"), rows.get(0));
    assertTrue(rows.get(1).contains("| FAIL |") && rows.get(1).endsWith("`ops/bench/run.sh` |"), rows.get(1));
  }
}
