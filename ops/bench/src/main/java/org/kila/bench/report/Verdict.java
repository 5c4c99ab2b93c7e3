package org.kila.bench.report;

import java.util.List;

/**
 * What one scenario found: its figures in one line (for the results table) with any detail worth
 * reading underneath, and whether it met its target.
 *
 * @param target what the scenario was held to, in words
 * @param details further lines printed on the console only (examples of failures, per-fault figures)
 */
public record Verdict(String scenario, boolean passed, String target, String figures, List<String> details) {

  public static Verdict of(String scenario, boolean passed, String target, String figures) {
    return new Verdict(scenario, passed, target, figures, List.of());
  }

  public Verdict withDetails(List<String> more) {
    return new Verdict(scenario, passed, target, figures, List.copyOf(more));
  }

  public String mark() {
    return passed ? "PASS" : "FAIL";
  }
}
