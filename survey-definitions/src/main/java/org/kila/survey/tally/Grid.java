package org.kila.survey.tally;

import java.util.ArrayList;
import java.util.List;

/**
 * The layout of a table together with its margins: each dimension gets one extra position, the total
 * over that dimension, so a 2 x 3 table becomes a 3 x 4 grid whose last row and column are the column
 * and row totals and whose corner is the grand total. Every entry, cell or margin, has one flat index.
 */
final class Grid {
  private final int[] sizes;
  private final int[] strides;
  private final int length;
  private final List<int[]> lines;

  /** {@code categories[d]}: the number of categories of dimension d, without its total. */
  Grid(int[] categories) {
    int n = categories.length;
    sizes = new int[n];
    strides = new int[n];
    int length = 1;
    for (int d = n - 1; d >= 0; d--) {
      sizes[d] = categories[d] + 1;
      strides[d] = length;
      length *= sizes[d];
    }
    this.length = length;
    this.lines = buildLines();
  }

  int length() {
    return length;
  }

  int dimensions() {
    return sizes.length;
  }

  /** The flat index of {@code coords}, where {@link Table#ALL} stands for the total over that dimension. */
  int index(int... coords) {
    if (coords.length != sizes.length) {
      throw new IllegalArgumentException("expected " + sizes.length + " coordinates, got " + coords.length);
    }
    int index = 0;
    for (int d = 0; d < sizes.length; d++) {
      int c = coords[d] == Table.ALL ? sizes[d] - 1 : coords[d];
      if (c < 0 || c >= sizes[d]) {
        throw new IndexOutOfBoundsException("coordinate " + coords[d] + " of dimension " + d);
      }
      index += c * strides[d];
    }
    return index;
  }

  /** Position of entry {@code index} along dimension {@code d}; {@code categories(d)} means the total. */
  int coordinate(int index, int d) {
    return index / strides[d] % sizes[d];
  }

  /** True when entry {@code index} is a margin: a total over at least one dimension. */
  boolean isMargin(int index) {
    for (int d = 0; d < sizes.length; d++) {
      if (coordinate(index, d) == sizes[d] - 1) {
        return true;
      }
    }
    return false;
  }

  /**
   * Every line of the grid: the entries that differ only along one dimension, its categories in order
   * and then its total, which equals their sum. Rows, columns and the lines of margins are all lines.
   */
  List<int[]> lines() {
    return lines;
  }

  private List<int[]> buildLines() {
    List<int[]> result = new ArrayList<>();
    for (int d = 0; d < sizes.length; d++) {
      for (int start = 0; start < length; start++) {
        if (coordinate(start, d) != 0) {
          continue;
        }
        int[] line = new int[sizes[d]];
        for (int k = 0; k < sizes[d]; k++) {
          line[k] = start + k * strides[d];
        }
        result.add(line);
      }
    }
    return List.copyOf(result);
  }
}
