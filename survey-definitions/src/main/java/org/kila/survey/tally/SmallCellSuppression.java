package org.kila.survey.tally;

import java.util.stream.IntStream;
import org.kila.survey.tally.SuppressedCell.Status;

/**
 * Decides which entries of a tally may be published so that no count below the threshold can be seen
 * or worked out: a pure function from raw counts to a {@link SuppressedTable}.
 *
 * <ol>
 *   <li>Primary: every entry, cell or margin, with {@code 0 < n < threshold} is hidden. Zeros are
 *       shown: an empty cell describes nobody, and hiding it would only make the page harder to read.
 *   <li>Secondary, line by line: a line (a row, column or slice, or a line of margins) must not hide
 *       exactly one entry, or that entry is its total minus the shown ones (or, when the total is the
 *       hidden one, their sum); nor may it pin a hidden entry through what the page says of it (see
 *       {@link LineRule}). While some line does, the smallest other shown non-zero entry of that line
 *       is hidden too (a cell before a total on a tie, as totals are what readers need most), until
 *       every line is safe.
 *   <li>Secondary, across lines: totals of several lines can still be combined (small cells in two
 *       loops joined by a bridge: each line hides two, yet the bridge is a sum of four totals). A
 *       {@link RecoveryAudit} solves the table's sum equations exactly; while it can pin a PRIMARY
 *       entry, the smallest shown non-zero entry on one of that entry's lines is hidden too, and the
 *       line rule runs again.
 * </ol>
 *
 * <p>The choice is greedy and deterministic, not the fewest entries possible. Not covered: bounds
 * combined across several lines (an attacker solving the whole table as an integer program can
 * sometimes narrow a hidden count further than any one line allows).
 */
public final class SmallCellSuppression {
  private SmallCellSuppression() {}

  /** {@code threshold}: the smallest count that may be shown; 1 shows everything. */
  public static SuppressedTable suppress(Table table, int threshold) {
    if (threshold < 1) {
      throw new IllegalArgumentException("threshold must be at least 1, got " + threshold);
    }
    Grid grid = table.grid();
    int[] counts = new int[grid.length()];
    Status[] status = new Status[grid.length()];
    for (int i = 0; i < counts.length; i++) {
      counts[i] = table.entry(i);
      status[i] = counts[i] > 0 && counts[i] < threshold ? Status.PRIMARY : Status.SHOWN;
    }
    boolean changed = true;
    while (changed) {
      changed = LineRule.pass(grid, counts, status, threshold);
      if (!changed) {
        changed = protectOneDeterminedEntry(grid, counts, status);
      }
    }
    SuppressedCell[] cells = new SuppressedCell[counts.length];
    for (int i = 0; i < counts.length; i++) {
      cells[i] = status[i] == Status.SHOWN ? SuppressedCell.shown(counts[i]) : new SuppressedCell(status[i], null);
    }
    return new SuppressedTable(table.dimensions(), threshold, grid, cells);
  }

  /**
   * Hides one more entry for the first PRIMARY entry the audit can pin down; true when it did. The
   * entry hidden is the smallest shown one on the pinned entry's lines or, should those all be hidden
   * or zero, anywhere in the table. (A determined SECONDARY entry is left alone: it is large, and the
   * audit already counts it as known.)
   */
  private static boolean protectOneDeterminedEntry(Grid grid, int[] counts, Status[] status) {
    int pinned = RecoveryAudit.determined(grid, status).stream()
        .filter(index -> status[index] == Status.PRIMARY)
        .findFirst()
        .orElse(-1);
    if (pinned < 0) {
      return false;
    }
    int[] nearby = grid.lines().stream()
        .filter(line -> IntStream.of(line).anyMatch(i -> i == pinned))
        .flatMapToInt(IntStream::of)
        .toArray();
    if (LineRule.hideSmallest(grid, nearby, counts, status)) {
      return true;
    }
    return LineRule.hideSmallest(grid, IntStream.range(0, counts.length).toArray(), counts, status);
  }
}
