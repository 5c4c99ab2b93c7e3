package org.kila.survey.tally;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TableTest {
  private static final Dimension GENDER = Dimension.of("gender", "female", "male");
  private static final Dimension LOCATION = Dimension.of("location", "urban", "rural", "camp");

  @Test
  void computesEveryMarginAndTheGrandTotal() {
    Table table = new Table(List.of(GENDER, LOCATION), new int[] {
        5, 7, 1,
        4, 0, 2});
    assertEquals(7, table.count(0, 1));
    assertEquals(13, table.count(0, Table.ALL), "female total");
    assertEquals(6, table.count(1, Table.ALL), "male total");
    assertEquals(9, table.count(Table.ALL, 0), "urban total");
    assertEquals(3, table.count(Table.ALL, 2), "camp total");
    assertEquals(19, table.count(Table.ALL, Table.ALL));
    assertEquals(19, table.grandTotal());
  }

  @Test
  void threeDimensionsHaveTwoWayAndOneWayMargins() {
    Dimension disability = Dimension.of("disability", "no", "yes");
    Table table = new Table(List.of(GENDER, disability, LOCATION), new int[] {
        1, 2, 3, 4, 5, 6,
        7, 8, 9, 10, 11, 12});
    assertEquals(1 + 4, table.count(0, Table.ALL, 0), "female, urban, any disability");
    assertEquals(4 + 5 + 6, table.count(0, 1, Table.ALL), "female with a disability, anywhere");
    assertEquals(4 + 5 + 6 + 10 + 11 + 12, table.count(Table.ALL, 1, Table.ALL), "everyone with a disability");
    assertEquals(78, table.grandTotal());
  }

  @Test
  void buildsFromCountsKeyedByCategoryLeavingOutEmptyCombinations() {
    Table table = Table.of(List.of(GENDER, LOCATION), Map.of(
        List.of("female", "rural"), 7,
        List.of("male", "camp"), 2));
    assertEquals(7, table.count(0, 1));
    assertEquals(0, table.count(0, 0));
    assertEquals(2, table.count(1, 2));
    assertEquals(9, table.grandTotal());
  }

  @Test
  void refusesWhatIsNotATally() {
    assertThrows(IllegalArgumentException.class, () -> new Table(List.of(GENDER), new int[] {1, 2, 3}), "wrong number of counts");
    assertThrows(IllegalArgumentException.class, () -> new Table(List.of(GENDER), new int[] {1, -2}), "negative count");
    assertThrows(IllegalArgumentException.class, () -> new Table(List.of(GENDER, GENDER, GENDER, GENDER), new int[16]), "four dimensions");
    assertThrows(IllegalArgumentException.class, () -> Table.of(List.of(GENDER), Map.of(List.of("other"), 1)), "unknown category");
    assertThrows(IllegalArgumentException.class, () -> Dimension.of("gender", "female", "female"), "repeated category");
  }
}
