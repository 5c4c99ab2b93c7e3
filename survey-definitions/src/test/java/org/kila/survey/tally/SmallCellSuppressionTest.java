package org.kila.survey.tally;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.kila.survey.tally.SuppressedCell.Status;

/**
 * Hand-worked tables, each written out with its margins (last row, column or slice is the total): a
 * number is a shown count, {@code P} hidden as too small, {@code S} hidden to protect a P.
 */
class SmallCellSuppressionTest {
  private static final Dimension GENDER = Dimension.of("gender", "female", "male", "prefer_not_to_say");
  private static final Dimension DISABILITY = Dimension.of("disability", "none", "some", "a_lot");

  @Test
  void oneDimensionHidesTheSmallCellAndTheNextSmallest() {
    Table table = new Table(List.of(GENDER), new int[] {12, 3, 0});
    // male (3) is too small; with the total shown, female must go too or male = 15 - 12 - 0.
    assertEquals("S P 0 15", render(SmallCellSuppression.suppress(table, 5)));
  }

  @Test
  void twoDimensionsHideARectangle() {
    Table table = new Table(List.of(Dimension.of("gender", "female", "male"), DISABILITY), new int[] {
        20, 4, 6,
        25, 7, 2});
    assertEquals("""
        20 P S 30
        25 S P 34
        45 11 8 64""", render(SmallCellSuppression.suppress(table, 5)));
  }

  @Test
  void aSmallMarginIsHiddenAndProtectedLikeACell() {
    Dimension row = Dimension.of("location", "rural", "urban");
    Dimension col = Dimension.of("age_band", "under_18", "18_35", "over_35");
    Table table = new Table(List.of(row, col), new int[] {
        1, 2, 0,
        10, 12, 9});
    // rural's total (3) is itself too small; hiding it leaves the column of row totals with one
    // hidden entry, so urban's total goes too; its column partners protect rural's two small cells.
    assertEquals("""
        P P 0 P
        S S 9 S
        11 14 9 34""", render(SmallCellSuppression.suppress(table, 5)));
  }

  @Test
  void threeDimensionsWithEveryTwoWayMarginNeedTheWholeCube() {
    Dimension gender = Dimension.of("gender", "female", "male");
    Dimension disability = Dimension.of("disability", "no", "yes");
    Dimension location = Dimension.of("location", "urban", "rural");
    Table table = new Table(List.of(gender, disability, location), new int[] {
        10, 9, // female, no disability: urban, rural
        3, 6, //  female, disability
        12, 11, // male, no disability
        8, 7}); // male, disability
    // In a 2 x 2 x 2 table whose two-way margins are shown, a single cell is only safe when all
    // eight are hidden: any smaller pattern leaves a line with one hidden cell.
    assertEquals("""
        S S 19
        P S 9
        13 15 28

        S S 23
        S S 15
        20 18 38

        22 20 42
        11 13 24
        33 33 66""", render(SmallCellSuppression.suppress(table, 5)));
  }

  @Test
  void zerosAreShownAndNeverUsedAsProtection() {
    Table table = new Table(List.of(GENDER), new int[] {0, 2, 0});
    // male (2) is the total too; hiding both is the only way, zeros stay.
    assertEquals("0 P 0 P", render(SmallCellSuppression.suppress(table, 5)));
  }

  @Test
  void twoSmallCellsThatAddUpToTheirMinimumAreProtectedFurther() {
    Table table = new Table(List.of(Dimension.of("age_band", "under_18", "18_35", "36_60", "over_60")), new int[] {1, 1, 30, 40});
    // Hiding the two 1s is not enough: zeros are shown, so each hidden cell is at least 1, and
    // 72 - 30 - 40 leaves exactly 2 for them.
    assertEquals("P P S 40 72", render(SmallCellSuppression.suppress(table, 5)));
  }

  @Test
  void aSmallCellBesideOneAtTheThresholdIsProtectedFurther() {
    Table table = new Table(List.of(GENDER), new int[] {1, 5, 40});
    // With the 5 hidden to protect the 1, the page says the 1 is below 5 and the 5 at least 5, and
    // 46 - 40 leaves 6 for both: only 1 + 5 fits, so the 40 has to go as well.
    assertEquals("P S S 46", render(SmallCellSuppression.suppress(table, 5)));
  }

  @Test
  void aBridgeBetweenTwoLoopsOfSmallCellsIsBroken() {
    Dimension ward = Dimension.of("ward", "w1", "w2", "w3", "w4");
    Dimension age = Dimension.of("age_band", "a1", "a2", "a3", "a4");
    Table table = new Table(List.of(ward, age), new int[] {
        1, 2, 20, 30,
        3, 4, 2, 40,
        50, 60, 1, 3,
        70, 80, 4, 2});
    // Every row and column hides at least two small cells, yet w2/a3 (2) is (53 - 50) + (49 - 40)
    // - (124 - 120) - (146 - 140): the loop w1-w2 x a1-a2 and the loop w3-w4 x a3-a4 are joined only
    // through it. Hiding w1/a3 as well puts it on a loop of its own.
    assertEquals("""
        P P S 30 53
        P P P 40 49
        50 60 P P 114
        70 80 P P 156
        124 146 27 75 372""", render(SmallCellSuppression.suppress(table, 5)));
  }

  @Test
  void thresholdOneShowsEveryEntryAsCounted() {
    Random random = new Random(11);
    for (int n = 0; n < 200; n++) {
      Table table = randomTable(random);
      SuppressedTable published = SmallCellSuppression.suppress(table, 1);
      for (int[] coords : allEntries(table)) {
        assertEquals(SuppressedCell.shown(table.count(coords)), published.cell(coords));
      }
    }
  }

  /**
   * Over many random tables: small entries are PRIMARY and only they; shown entries are the raw
   * counts; zeros are shown; no line, cells or margins, hides exactly one entry, so no hidden entry is
   * the difference of a shown total and shown cells; and no combination of lines gives a PRIMARY
   * entry's value either (checked here by a rank test in floating point, apart from the exact
   * elimination the implementation uses).
   */
  @Test
  void noLineOfARandomTableHidesExactlyOneEntry() {
    Random random = new Random(2026);
    int hiddenSomething = 0;
    for (int n = 0; n < 1000; n++) {
      Table table = randomTable(random);
      int threshold = 2 + random.nextInt(9);
      SuppressedTable published = SmallCellSuppression.suppress(table, threshold);
      for (int[] coords : allEntries(table)) {
        int raw = table.count(coords);
        SuppressedCell cell = published.cell(coords);
        assertEquals(raw > 0 && raw < threshold, cell.status() == Status.PRIMARY, "primary iff small: " + raw);
        if (cell.isShown()) {
          assertEquals(raw, cell.count());
        } else {
          assertNotEquals(0, raw, "a zero was hidden");
        }
      }
      for (List<int[]> line : allLines(table)) {
        long hidden = line.stream().filter(coords -> !published.cell(coords).isShown()).count();
        assertTrue(hidden != 1, "a line hides exactly one entry, threshold " + threshold + ", table " + describe(table));
      }
      assertNoPrimaryFollowsFromTheTotals(table, published);
      hiddenSomething += published.count(Status.SECONDARY) > 0 ? 1 : 0;
    }
    assertTrue(hiddenSomething > 100, "too few random tables needed secondary suppression: " + hiddenSomething);
  }

  /**
   * A hidden entry x follows from the shown ones exactly when adding the equation "x = value" to the
   * lines' sum equations does not raise their rank.
   */
  private static void assertNoPrimaryFollowsFromTheTotals(Table table, SuppressedTable published) {
    List<int[]> entries = allEntries(table);
    List<Integer> hidden = new ArrayList<>();
    for (int i = 0; i < entries.size(); i++) {
      if (!published.cell(entries.get(i)).isShown()) {
        hidden.add(i);
      }
    }
    if (hidden.isEmpty()) {
      return;
    }
    List<double[]> equations = new ArrayList<>();
    for (List<int[]> line : allLines(table)) {
      double[] row = new double[hidden.size()];
      for (int k = 0; k < line.size(); k++) {
        int variable = hidden.indexOf(indexOf(entries, line.get(k)));
        if (variable >= 0) {
          row[variable] = k == 0 ? -1 : 1; // allLines puts the total first
        }
      }
      equations.add(row);
    }
    int rank = rank(equations);
    for (int v = 0; v < hidden.size(); v++) {
      int[] coords = entries.get(hidden.get(v));
      if (published.cell(coords).status() != Status.PRIMARY) {
        continue;
      }
      List<double[]> withX = new ArrayList<>(equations);
      double[] unit = new double[hidden.size()];
      unit[v] = 1;
      withX.add(unit);
      assertEquals(rank + 1, rank(withX), "PRIMARY " + java.util.Arrays.toString(coords) + " follows from the totals: " + describe(table));
    }
  }

  private static int indexOf(List<int[]> entries, int[] coords) {
    for (int i = 0; i < entries.size(); i++) {
      if (java.util.Arrays.equals(entries.get(i), coords)) {
        return i;
      }
    }
    throw new IllegalArgumentException(java.util.Arrays.toString(coords));
  }

  private static int rank(List<double[]> rows) {
    double[][] m = rows.stream().map(double[]::clone).toArray(double[][]::new);
    int rank = 0;
    int columns = m.length == 0 ? 0 : m[0].length;
    for (int col = 0; col < columns && rank < m.length; col++) {
      int best = rank;
      for (int r = rank + 1; r < m.length; r++) {
        if (Math.abs(m[r][col]) > Math.abs(m[best][col])) {
          best = r;
        }
      }
      if (Math.abs(m[best][col]) < 1e-9) {
        continue;
      }
      double[] swap = m[best];
      m[best] = m[rank];
      m[rank] = swap;
      for (int r = 0; r < m.length; r++) {
        if (r != rank) {
          double f = m[r][col] / m[rank][col];
          for (int c = col; c < columns; c++) {
            m[r][c] -= f * m[rank][c];
          }
        }
      }
      rank++;
    }
    return rank;
  }

  @Test
  void refusesAThresholdBelowOne() {
    Table table = new Table(List.of(GENDER), new int[] {1, 2, 3});
    assertThrows(IllegalArgumentException.class, () -> SmallCellSuppression.suppress(table, 0));
  }

  // ---- helpers: tables written out, random tables, and every entry and line of a table ----

  /** The table with margins as in the class comment: columns by the last dimension, rows by the one before, blocks by the first of three. */
  static String render(SuppressedTable table) {
    int[] sizes = table.dimensions().stream().mapToInt(Dimension::size).toArray();
    List<String> blocks = new ArrayList<>();
    if (sizes.length == 1) {
      return row(table, new int[1], 0, sizes[0]);
    }
    int slices = sizes.length == 3 ? sizes[0] + 1 : 1;
    for (int s = 0; s < slices; s++) {
      List<String> rows = new ArrayList<>();
      int rowDim = sizes.length - 2;
      for (int r = 0; r <= sizes[rowDim]; r++) {
        int[] coords = new int[sizes.length];
        if (sizes.length == 3) {
          coords[0] = s == sizes[0] ? Table.ALL : s;
        }
        coords[rowDim] = r == sizes[rowDim] ? Table.ALL : r;
        rows.add(row(table, coords, sizes.length - 1, sizes[sizes.length - 1]));
      }
      blocks.add(String.join("\n", rows));
    }
    return String.join("\n\n", blocks);
  }

  private static String row(SuppressedTable table, int[] coords, int dim, int size) {
    List<String> tokens = new ArrayList<>();
    for (int c = 0; c <= size; c++) {
      coords[dim] = c == size ? Table.ALL : c;
      SuppressedCell cell = table.cell(coords);
      tokens.add(switch (cell.status()) {
        case SHOWN -> String.valueOf(cell.count());
        case PRIMARY -> "P";
        case SECONDARY -> "S";
      });
    }
    return String.join(" ", tokens);
  }

  /** One to three dimensions of one to four categories; many zeros and small counts. */
  static Table randomTable(Random random) {
    int n = 1 + random.nextInt(3);
    List<Dimension> dimensions = new ArrayList<>();
    int cells = 1;
    for (int d = 0; d < n; d++) {
      int size = 1 + random.nextInt(4);
      List<String> categories = new ArrayList<>();
      for (int c = 0; c < size; c++) {
        categories.add("c" + c);
      }
      dimensions.add(new Dimension("d" + d, categories));
      cells *= size;
    }
    int[] counts = new int[cells];
    for (int i = 0; i < cells; i++) {
      double kind = random.nextDouble();
      counts[i] = kind < 0.25 ? 0 : kind < 0.6 ? 1 + random.nextInt(6) : 7 + random.nextInt(60);
    }
    return new Table(dimensions, counts);
  }

  /** Every coordinate of the table with its margins; {@link Table#ALL} is each dimension's total. */
  static List<int[]> allEntries(Table table) {
    List<int[]> result = new ArrayList<>();
    result.add(new int[0]);
    for (Dimension dimension : table.dimensions()) {
      List<int[]> longer = new ArrayList<>();
      for (int[] prefix : result) {
        for (int c = -1; c < dimension.size(); c++) {
          int[] coords = java.util.Arrays.copyOf(prefix, prefix.length + 1);
          coords[prefix.length] = c < 0 ? Table.ALL : c;
          longer.add(coords);
        }
      }
      result = longer;
    }
    return result;
  }

  /** Every line: the entries that differ along one dimension only, its categories and its total. */
  static List<List<int[]>> allLines(Table table) {
    List<List<int[]>> lines = new ArrayList<>();
    for (int d = 0; d < table.dimensions().size(); d++) {
      for (int[] start : allEntries(table)) {
        if (start[d] != 0) {
          continue;
        }
        List<int[]> line = new ArrayList<>();
        for (int c = -1; c < table.dimensions().get(d).size(); c++) {
          int[] coords = start.clone();
          coords[d] = c < 0 ? Table.ALL : c;
          line.add(coords);
        }
        lines.add(line);
      }
    }
    return lines;
  }

  static String describe(Table table) {
    StringBuilder text = new StringBuilder();
    for (int[] coords : allEntries(table)) {
      text.append(java.util.Arrays.toString(coords)).append('=').append(table.count(coords)).append(' ');
    }
    return text.toString();
  }
}
