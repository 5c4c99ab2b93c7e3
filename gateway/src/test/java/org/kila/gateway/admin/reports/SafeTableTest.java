package org.kila.gateway.admin.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.kila.survey.tally.SuppressedCell;

/** The two-way tables every published count comes from. */
class SafeTableTest {

  @Test
  void countsAtOrAboveTheThresholdAndZerosAreShownWithTheirTotals() {
    SafeTable table = SafeTable.of(new int[][] {{10, 0}, {7, 5}}, 2, 5);
    assertEquals(SuppressedCell.shown(10), table.cell(0, 0));
    assertEquals(SuppressedCell.shown(0), table.cell(0, 1));
    assertEquals(SuppressedCell.shown(12), table.rowTotal(1));
    assertEquals(SuppressedCell.shown(17), table.columnTotal(0));
    assertEquals(SuppressedCell.shown(22), table.total());
  }

  @Test
  void aSmallCountIsHiddenAndSoIsAnotherInEachOfItsLines() {
    SafeTable table = SafeTable.of(new int[][] {{10, 2}, {7, 5}}, 2, 5);
    assertEquals(SuppressedCell.Status.PRIMARY, table.cell(0, 1).status());
    assertFalse(table.cell(0, 0).isShown() && table.rowTotal(0).isShown(), "row 0 would give 12 - 10 = 2");
    assertFalse(table.cell(1, 1).isShown() && table.columnTotal(1).isShown(), "column 1 would give 7 - 5 = 2");
  }

  @Test
  void aColumnOfOneSmallCountAndItsTotalHidesBoth() {
    SafeTable table = SafeTable.column(new int[] {3}, 5);
    assertFalse(table.cell(0, 0).isShown());
    assertFalse(table.total().isShown());
  }

  @Test
  void anEmptyTableHasZeroTotals() {
    SafeTable table = SafeTable.of(new int[0][], 5, 5);
    assertEquals(SuppressedCell.shown(0), table.total());
    assertEquals(SuppressedCell.shown(0), table.columnTotal(4));
  }

  @Test
  void rowsMustAllHaveTheColumns() {
    assertThrows(IllegalArgumentException.class, () -> SafeTable.of(new int[][] {{1, 2}, {3}}, 2, 5));
  }
}
