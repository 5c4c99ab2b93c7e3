package org.kila.survey.tally;

import java.util.List;

/**
 * A tally as it may be published: every cell and margin either shown or hidden with its reason, such
 * that no entry below the threshold can be worked out from the shown ones (see
 * {@link SmallCellSuppression}). It holds no hidden count.
 */
public final class SuppressedTable {
  private final List<Dimension> dimensions;
  private final int threshold;
  private final Grid grid;
  private final SuppressedCell[] entries;

  SuppressedTable(List<Dimension> dimensions, int threshold, Grid grid, SuppressedCell[] entries) {
    this.dimensions = dimensions;
    this.threshold = threshold;
    this.grid = grid;
    this.entries = entries.clone();
  }

  public List<Dimension> dimensions() {
    return dimensions;
  }

  /** The smallest number of respondents an entry must hold to be shown. */
  public int threshold() {
    return threshold;
  }

  /** The entry at {@code coords}; a coordinate of {@link Table#ALL} is the total over that dimension. */
  public SuppressedCell cell(int... coords) {
    return entries[grid.index(coords)];
  }

  /** How many entries, cells and margins together, have {@code status}. */
  public int count(SuppressedCell.Status status) {
    int n = 0;
    for (SuppressedCell entry : entries) {
      if (entry.status() == status) {
        n++;
      }
    }
    return n;
  }
}
