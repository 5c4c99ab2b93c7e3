package org.kila.survey.tally;

import org.kila.survey.tally.SuppressedCell.Status;

/**
 * The secondary-suppression rule for one line of a table (its cells, then its total, which is their
 * sum): a line is safe when it hides nothing, or hides at least two entries none of which the line
 * pins to one value. What a reader knows of a hidden entry is what the page says about it: PRIMARY
 * is 1 to threshold - 1, SECONDARY at least the threshold (zeros are always shown, so a hidden entry
 * is never zero), and the hidden cells together make up the total minus the shown ones. Two hidden
 * 1s next to a total that leaves 2 are both known; so is a PRIMARY next to a SECONDARY at the
 * threshold when they leave threshold + 1.
 */
final class LineRule {
  private LineRule() {}

  /** One pass over every line, hiding one more entry in each unsafe line; true when it hid any. */
  static boolean pass(Grid grid, int[] counts, Status[] status, int threshold) {
    boolean changed = false;
    for (int[] line : grid.lines()) {
      if (!safe(line, counts, status, threshold)) {
        // Always finds one: an unsafe line hides a non-zero entry, so its total or a cell is non-zero.
        changed |= hideSmallest(grid, line, counts, status);
      }
    }
    return changed;
  }

  static boolean safe(int[] line, int[] counts, Status[] status, int threshold) {
    int hidden = 0;
    for (int index : line) {
      if (status[index] != Status.SHOWN) {
        hidden++;
      }
    }
    if (hidden == 0) {
      return true;
    }
    if (hidden == 1) {
      return false;
    }
    int total = line[line.length - 1];
    if (status[total] != Status.SHOWN) {
      return true;
    }
    long rest = counts[total];
    long sumLow = 0;
    long sumHigh = 0;
    for (int k = 0; k < line.length - 1; k++) {
      if (status[line[k]] == Status.SHOWN) {
        rest -= counts[line[k]];
      }
    }
    for (int k = 0; k < line.length - 1; k++) {
      if (status[line[k]] != Status.SHOWN) {
        sumLow += low(status[line[k]], threshold);
        sumHigh += high(status[line[k]], threshold, rest);
      }
    }
    for (int k = 0; k < line.length - 1; k++) {
      Status s = status[line[k]];
      if (s == Status.SHOWN) {
        continue;
      }
      long least = Math.max(low(s, threshold), rest - (sumHigh - high(s, threshold, rest)));
      long most = Math.min(high(s, threshold, rest), rest - (sumLow - low(s, threshold)));
      if (least >= most) {
        return false;
      }
    }
    return true;
  }

  private static long low(Status status, int threshold) {
    return status == Status.PRIMARY ? 1 : threshold;
  }

  private static long high(Status status, int threshold, long rest) {
    return status == Status.PRIMARY ? threshold - 1 : rest;
  }

  /** Hides the smallest shown non-zero entry among {@code candidates}, cells before margins on a tie. */
  static boolean hideSmallest(Grid grid, int[] candidates, int[] counts, Status[] status) {
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
