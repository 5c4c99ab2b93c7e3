package org.kila.bench.scenario;

/** Reads one counter out of the gateway's Prometheus text: the harness checks the gateway counts what it says. */
final class PromText {
  private PromText() {}

  /** Sum of the samples of {@code metric} whose labels contain every {@code label="value"} given. */
  static double sum(String text, String metric, String... labels) {
    double total = 0;
    for (String line : text.split("\n")) {
      if (!line.startsWith(metric + "{") && !line.startsWith(metric + " ")) {
        continue;
      }
      boolean matches = true;
      for (String label : labels) {
        matches &= line.contains(label);
      }
      if (matches) {
        total += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
      }
    }
    return total;
  }
}
