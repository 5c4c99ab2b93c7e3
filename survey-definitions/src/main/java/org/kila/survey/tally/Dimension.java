package org.kila.survey.tally;

import java.util.HashSet;
import java.util.List;

/**
 * One stratifier a tally is broken down by, e.g. {@code gender} with categories {@code female},
 * {@code male}, {@code prefer_not_to_say}, in the order a page shows them.
 */
public record Dimension(String name, List<String> categories) {

  public Dimension {
    categories = List.copyOf(categories);
    if (categories.isEmpty()) {
      throw new IllegalArgumentException("dimension " + name + " has no categories");
    }
    if (new HashSet<>(categories).size() != categories.size()) {
      throw new IllegalArgumentException("dimension " + name + " repeats a category: " + categories);
    }
  }

  public static Dimension of(String name, String... categories) {
    return new Dimension(name, List.of(categories));
  }

  public int size() {
    return categories.size();
  }

  /** The position of {@code category}, or an exception naming the dimension when it is not one. */
  public int indexOf(String category) {
    int index = categories.indexOf(category);
    if (index < 0) {
      throw new IllegalArgumentException("dimension " + name + " has no category " + category);
    }
    return index;
  }
}
