package org.kila.bench.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class PgBenchTest {

  @Test
  void readsTheThroughputPgbenchPrints() {
    String out = """
        number of transactions actually processed: 69203
        latency average = 1.733 ms
        initial connection time = 10.812 ms
        tps = 4617.117542 (without initial connection time)
        """;
    assertEquals(4617.117542, PgBench.tps(out), 1e-6);
    assertEquals(0, PgBench.tps("connection refused"));
  }

  @Test
  void theHopScriptUsesOnlyTheVariablesItSets() {
    // pgbench replaces every :name with a parameter; one in the JSON or reply text would break the run.
    Matcher m = Pattern.compile("(?<!:):([A-Za-z_][A-Za-z0-9_]*)").matcher(PgBench.script());
    Set<String> used = m.results().map(r -> r.group(1)).collect(Collectors.toSet());
    assertEquals(Set.of("sessions", "n", "sid", "hops", "cid"), used);
  }
}
