package org.kila.survey.tally;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.kila.survey.tally.SuppressedCell.Status;

/**
 * Finds hidden entries whose exact value still follows from the shown ones. Every line of a table is
 * an equation (its cells sum to its total); with the shown entries as constants, the hidden ones are
 * the unknowns. An unknown is determined exactly when, after Gauss-Jordan elimination, some equation
 * is left with that unknown alone. The arithmetic is exact (integers, no division), because a
 * rounding error here would publish a small count.
 */
final class RecoveryAudit {
  private RecoveryAudit() {}

  /** Grid indexes of the hidden entries that the shown ones determine, in index order. */
  static List<Integer> determined(Grid grid, Status[] status) {
    int[] variable = new int[status.length];
    List<Integer> hidden = new ArrayList<>();
    for (int i = 0; i < status.length; i++) {
      variable[i] = status[i] == Status.SHOWN ? -1 : hidden.size();
      if (variable[i] >= 0) {
        hidden.add(i);
      }
    }
    List<BigInteger[]> rows = new ArrayList<>();
    for (int[] line : grid.lines()) {
      BigInteger[] row = new BigInteger[hidden.size()];
      Arrays.fill(row, BigInteger.ZERO);
      boolean any = false;
      for (int k = 0; k < line.length; k++) {
        int v = variable[line[k]];
        if (v >= 0) {
          // The line's entries sum to its last entry, the total: cells count +1, the total -1.
          row[v] = k == line.length - 1 ? BigInteger.ONE.negate() : BigInteger.ONE;
          any = true;
        }
      }
      if (any) {
        rows.add(row);
      }
    }
    eliminate(rows, hidden.size());
    List<Integer> determined = new ArrayList<>();
    for (BigInteger[] row : rows) {
      int only = -1;
      int nonZero = 0;
      for (int v = 0; v < row.length; v++) {
        if (row[v].signum() != 0) {
          nonZero++;
          only = v;
        }
      }
      if (nonZero == 1) {
        determined.add(hidden.get(only));
      }
    }
    determined.sort(null);
    return determined;
  }

  /** Fraction-free Gauss-Jordan elimination in place: each pivot column ends up zero in other rows. */
  private static void eliminate(List<BigInteger[]> rows, int columns) {
    int pivotRow = 0;
    for (int col = 0; col < columns && pivotRow < rows.size(); col++) {
      int found = -1;
      for (int r = pivotRow; r < rows.size(); r++) {
        if (rows.get(r)[col].signum() != 0) {
          found = r;
          break;
        }
      }
      if (found < 0) {
        continue;
      }
      BigInteger[] pivot = rows.get(found);
      rows.set(found, rows.get(pivotRow));
      rows.set(pivotRow, pivot);
      for (int r = 0; r < rows.size(); r++) {
        BigInteger[] row = rows.get(r);
        if (r == pivotRow || row[col].signum() == 0) {
          continue;
        }
        BigInteger factor = row[col];
        for (int c = 0; c < columns; c++) {
          row[c] = row[c].multiply(pivot[col]).subtract(pivot[c].multiply(factor));
        }
        reduce(row);
      }
      pivotRow++;
    }
  }

  /** Divides a row by the gcd of its entries, which keeps the numbers small. */
  private static void reduce(BigInteger[] row) {
    BigInteger gcd = BigInteger.ZERO;
    for (BigInteger x : row) {
      gcd = gcd.gcd(x);
    }
    if (gcd.signum() != 0 && !gcd.equals(BigInteger.ONE)) {
      for (int c = 0; c < row.length; c++) {
        row[c] = row[c].divide(gcd);
      }
    }
  }
}
