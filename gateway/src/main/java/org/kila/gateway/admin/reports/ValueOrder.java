package org.kila.gateway.admin.reports;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;

/**
 * The order in which the values of a question or stratifier are shown: the order the survey lists them
 * (choices, yes then no, bands), then values it does not list (from an older version, or numbers) in
 * numeric or alphabetical order, and an unknown value (null) last.
 */
final class ValueOrder implements Comparator<String> {
  private final List<String> listed;

  ValueOrder(List<String> listed) {
    this.listed = List.copyOf(listed);
  }

  @Override
  public int compare(String a, String b) {
    if (a == null || b == null) {
      return a == null ? (b == null ? 0 : 1) : -1;
    }
    int ia = rank(a);
    int ib = rank(b);
    if (ia != ib) {
      return Integer.compare(ia, ib);
    }
    if (ia < listed.size()) {
      return 0;
    }
    BigDecimal na = number(a);
    BigDecimal nb = number(b);
    if (na != null && nb != null) {
      int byNumber = na.compareTo(nb);
      return byNumber != 0 ? byNumber : a.compareTo(b);
    }
    if (na != null || nb != null) {
      return na != null ? -1 : 1;
    }
    return a.compareTo(b);
  }

  private int rank(String value) {
    int index = listed.indexOf(value);
    return index < 0 ? listed.size() : index;
  }

  private static BigDecimal number(String text) {
    try {
      return new BigDecimal(text.strip());
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
