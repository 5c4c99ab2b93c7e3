package org.kila.survey.tally;

import org.kila.survey.tally.SuppressedCell.Status;

/**
 * Decides which entries of a tally may be published so that no group smaller than the threshold can
 * be seen or worked out: a pure function from raw counts to a {@link SuppressedTable}.
 *
 * <ol>
 *   <li>Primary: every entry, cell or margin, with {@code 0 < n < threshold} is hidden. Zeros are
 *       shown: an empty cell describes nobody, and hiding it would only make the page harder to read.
 *   <li>Secondary: a line (a row, column or slice, or a line of margins) must not hide exactly one
 *       entry, or that entry is its total minus the shown ones (or, when the total is the hidden one,
 *       their sum). While some line hides exactly one, the smallest other non-zero entry of that line
 *       is hidden too (a cell before the line's total on a tie, as totals are what readers need most);
 *       this repeats until every line hides none or at least two.
 * </ol>
 *
 * <p>The choice of which entries to hide is greedy and deterministic, not the fewest possible.
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
    while (applyLineRule(grid, counts, status)) {
      // Hiding an entry can leave another line hiding exactly one: go round until no line does.
    }
    SuppressedCell[] cells = new SuppressedCell[counts.length];
    for (int i = 0; i < counts.length; i++) {
      cells[i] = status[i] == Status.SHOWN ? SuppressedCell.shown(counts[i]) : new SuppressedCell(status[i], null);
    }
    return new SuppressedTable(table.dimensions(), threshold, grid, cells);
  }

  /** One pass over every line; true when it hid something. */
  private static boolean applyLineRule(Grid grid, int[] counts, Status[] status) {
    boolean changed = false;
    for (int[] line : grid.lines()) {
      int hidden = 0;
      for (int index : line) {
        if (status[index] != Status.SHOWN) {
          hidden++;
        }
      }
      if (hidden == 1) {
        // Always finds one: the hidden entry is non-zero, so the line's total or another cell is too.
        changed |= hideSmallest(grid, line, counts, status);
      }
    }
    return changed;
  }

  /** Hides the smallest shown non-zero entry among {@code candidates}, cells before margins on a tie. */
  private static boolean hideSmallest(Grid grid, int[] candidates, int[] counts, Status[] status) {
    int best = -1;
    for (int index : candidates) {
      if (status[index] != Status.SHOWN || counts[index] == 0) {
        continue;
      }
      if (best < 0 || counts[index] < counts[best]
          || (counts[index] == counts[best] && !grid.isMargin(index) && grid.isMargin(best))) {
        best = index;
      }
    }
    if (best < 0) {
      return false;
    }
    status[best] = Status.SECONDARY;
    return true;
  }
}
