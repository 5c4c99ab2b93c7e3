package org.kila.survey.tally;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Raw counts of respondents broken down by one to three stratifiers (e.g. gender x disability x
 * location), with their margins: the total of every row, column and slice, and the grand total. Raw
 * counts never leave the server: a page gets a {@link SuppressedTable}.
 */
public final class Table {
  /** In a coordinate, the total over that dimension: {@code count(0, ALL)} is row 0's total. */
  public static final int ALL = -1;

  /** More stratifiers split respondents into cells too small to publish anything. */
  public static final int MAX_DIMENSIONS = 3;

  private final List<Dimension> dimensions;
  private final Grid grid;
  private final int[] entries;

  /**
   * {@code counts}: one per combination of categories, the last dimension varying fastest (for
   * gender x location: female-urban, female-rural, male-urban, male-rural).
   */
  public Table(List<Dimension> dimensions, int[] counts) {
    this.dimensions = List.copyOf(dimensions);
    if (this.dimensions.isEmpty() || this.dimensions.size() > MAX_DIMENSIONS) {
      throw new IllegalArgumentException("a table has 1 to " + MAX_DIMENSIONS + " dimensions, got " + this.dimensions.size());
    }
    int[] sizes = this.dimensions.stream().mapToInt(Dimension::size).toArray();
    this.grid = new Grid(sizes);
    int cells = 1;
    for (int size : sizes) {
      cells *= size;
    }
    if (counts.length != cells) {
      throw new IllegalArgumentException("expected " + cells + " counts, got " + counts.length);
    }
    this.entries = new int[grid.length()];
    int[] coords = new int[sizes.length];
    for (int cell = 0; cell < cells; cell++) {
      if (counts[cell] < 0) {
        throw new IllegalArgumentException("count " + cell + " is negative: " + counts[cell]);
      }
      int rest = cell;
      for (int d = sizes.length - 1; d >= 0; d--) {
        coords[d] = rest % sizes[d];
        rest /= sizes[d];
      }
      addToEveryMargin(coords, counts[cell]);
    }
  }

  /** Adds a cell's count to the cell and to each of the 2^N entries that total over it. */
  private void addToEveryMargin(int[] coords, int count) {
    int n = coords.length;
    int[] target = new int[n];
    for (int mask = 0; mask < 1 << n; mask++) {
      for (int d = 0; d < n; d++) {
        target[d] = (mask & 1 << d) != 0 ? ALL : coords[d];
      }
      int index = grid.index(target);
      entries[index] = Math.addExact(entries[index], count);
    }
  }

  /**
   * A table from counts keyed by their categories, one per dimension in order (as a GROUP BY over the
   * stratifiers returns them); a combination nobody is in may be left out and counts as zero.
   */
  public static Table of(List<Dimension> dimensions, Map<List<String>, Integer> counts) {
    int[] sizes = dimensions.stream().mapToInt(Dimension::size).toArray();
    int[] flat = new int[Arrays.stream(sizes).reduce(1, (a, b) -> a * b)];
    counts.forEach((categories, count) -> {
      if (categories.size() != dimensions.size()) {
        throw new IllegalArgumentException("expected " + dimensions.size() + " categories, got " + categories);
      }
      int cell = 0;
      for (int d = 0; d < sizes.length; d++) {
        cell = cell * sizes[d] + dimensions.get(d).indexOf(categories.get(d));
      }
      flat[cell] = count;
    });
    return new Table(dimensions, flat);
  }

  public List<Dimension> dimensions() {
    return dimensions;
  }

  /** The count at {@code coords}; a coordinate of {@link #ALL} totals over that dimension. */
  public int count(int... coords) {
    return entries[grid.index(coords)];
  }

  public int grandTotal() {
    int[] all = new int[dimensions.size()];
    Arrays.fill(all, ALL);
    return count(all);
  }

  Grid grid() {
    return grid;
  }

  /** Count of grid entry {@code index}, cell or margin. */
  int entry(int index) {
    return entries[index];
  }
}
