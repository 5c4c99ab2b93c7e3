package org.kila.gateway.admin.reports;

import java.util.ArrayList;
import java.util.List;
import org.kila.survey.tally.Dimension;
import org.kila.survey.tally.SmallCellSuppression;
import org.kila.survey.tally.SuppressedCell;
import org.kila.survey.tally.SuppressedTable;
import org.kila.survey.tally.Table;

/**
 * A two-way table of counts (rows by columns, with row, column and grand totals) passed through the core's
 * {@link SmallCellSuppression}, so that what it hands out may be published: each entry shown, or hidden
 * with its reason, such that no count under the threshold can be seen or worked out from this table.
 * Every count the admin API or a CSV publishes comes out of one of these.
 */
public final class SafeTable {
  private final SuppressedTable table;

  private SafeTable(SuppressedTable table) {
    this.table = table;
  }

  /**
   * {@code counts[row][column]}; every row as long as {@code columns}. With no rows the table is empty and
   * only its totals (zeros) may be asked for.
   */
  public static SafeTable of(int[][] counts, int columns, int threshold) {
    if (columns < 1) {
      throw new IllegalArgumentException("a table needs at least one column");
    }
    // The core's tables have at least one category per dimension: an empty table is one row of zeros.
    int rows = Math.max(1, counts.length);
    int[] flat = new int[rows * columns];
    for (int r = 0; r < counts.length; r++) {
      if (counts[r].length != columns) {
        throw new IllegalArgumentException("row " + r + " has " + counts[r].length + " counts, not " + columns);
      }
      System.arraycopy(counts[r], 0, flat, r * columns, columns);
    }
    Table table = new Table(List.of(positions("row", rows), positions("column", columns)), flat);
    return new SafeTable(SmallCellSuppression.suppress(table, threshold));
  }

  /** One column of counts: each row's count and their total. */
  public static SafeTable column(int[] counts, int threshold) {
    int[][] rows = new int[counts.length][];
    for (int r = 0; r < counts.length; r++) {
      rows[r] = new int[] {counts[r]};
    }
    return of(rows, 1, threshold);
  }

  private static Dimension positions(String name, int size) {
    List<String> categories = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      categories.add(Integer.toString(i));
    }
    return new Dimension(name, categories);
  }

  public SuppressedCell cell(int row, int column) {
    return table.cell(row, column);
  }

  /** The total of a row, over every column. */
  public SuppressedCell rowTotal(int row) {
    return table.cell(row, Table.ALL);
  }

  /** The total of a column, over every row. */
  public SuppressedCell columnTotal(int column) {
    return table.cell(Table.ALL, column);
  }

  public SuppressedCell total() {
    return table.cell(Table.ALL, Table.ALL);
  }
}
