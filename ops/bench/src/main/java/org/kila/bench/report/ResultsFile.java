package org.kila.bench.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * {@code ops/bench/RESULTS.md}: the measured rows, newest last. The file ends with the results table, so a
 * run appends its rows to the end; the prose above the table (how to read it, profiling notes) is kept.
 */
public final class ResultsFile {
  /** The table's header, written when the file does not have it yet. */
  static final String HEADER = """
      | date | mode | machine | scenario | result | figures | target | command |
      | --- | --- | --- | --- | --- | --- | --- | --- |
      """;

  private final Path file;

  public ResultsFile(Path file) {
    this.file = file;
  }

  /** Appends one row per verdict. */
  public void append(String date, String mode, String machine, String command, List<Verdict> verdicts)
      throws IOException {
    StringBuilder rows = new StringBuilder();
    String existing = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
    if (!existing.contains(HEADER.lines().findFirst().orElseThrow())) {
      rows.append(existing.isEmpty() || existing.endsWith("\n\n") ? "" : existing.endsWith("\n") ? "\n" : "\n\n");
      rows.append(HEADER);
    } else if (!existing.endsWith("\n")) {
      rows.append('\n');
    }
    for (Verdict v : verdicts) {
      rows.append(row(date, mode, machine, command, v)).append('\n');
    }
    Files.writeString(file, rows.toString(), StandardCharsets.UTF_8, StandardOpenOption.CREATE,
        StandardOpenOption.APPEND);
  }

  static String row(String date, String mode, String machine, String command, Verdict v) {
    return "| " + String.join(" | ", cell(date), cell(mode), cell(machine), cell(v.scenario()), v.mark(),
        cell(v.figures()), cell(v.target()), "`" + command.replace("`", "'") + "`") + " |";
  }

  private static String cell(String s) {
    return s.replace("|", "\\|").replace("\n", " ");
  }
}
