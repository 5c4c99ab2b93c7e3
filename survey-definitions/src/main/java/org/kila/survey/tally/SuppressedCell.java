package org.kila.survey.tally;

/**
 * One published entry of a tally, cell or margin: its count when shown, or why it is hidden, so a
 * page can say what was left out and why. A hidden entry carries no count at all, so nothing that
 * renders a suppressed table can leak one by mistake.
 *
 * @param count the number of respondents when {@code status} is SHOWN, else null
 */
public record SuppressedCell(Status status, Integer count) {

  /** Whether an entry is published, and if not, why. */
  public enum Status {
    /** Published as counted (zeros included: an empty cell points at nobody). */
    SHOWN,
    /** Hidden because fewer than the threshold of respondents, but at least one, are in it. */
    PRIMARY,
    /** Hidden although large enough, so that a PRIMARY entry cannot be worked out from totals. */
    SECONDARY
  }

  public SuppressedCell {
    if ((status == Status.SHOWN) != (count != null)) {
      throw new IllegalArgumentException("a count goes with SHOWN and only with SHOWN: " + status + ", " + count);
    }
  }

  public static SuppressedCell shown(int count) {
    return new SuppressedCell(Status.SHOWN, count);
  }

  public boolean isShown() {
    return status == Status.SHOWN;
  }
}
