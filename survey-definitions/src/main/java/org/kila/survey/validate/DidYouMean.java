package org.kila.survey.validate;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/**
 * Finds the known name a designer probably meant when they typed an unknown one ("choises" -> "choices"),
 * so a problem can say "did you mean ...".
 */
public final class DidYouMean {
  private DidYouMean() {}

  /**
   * The closest of {@code known} to {@code typed}, when it is close enough to be a plausible typo, or
   * when {@code typed} is the start of a longer known name ("multiple" for "multiple_choice").
   */
  public static Optional<String> closest(String typed, Collection<String> known) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    String lower = typed.toLowerCase(Locale.ROOT);
    if (lower.length() >= 4) {
      Optional<String> extended = known.stream()
          .filter(k -> k.toLowerCase(Locale.ROOT).startsWith(lower))
          .findFirst();
      if (extended.isPresent()) {
        return extended;
      }
    }
    for (String candidate : known) {
      int d = distance(lower, candidate.toLowerCase(Locale.ROOT));
      if (d < bestDistance) {
        best = candidate;
        bestDistance = d;
      }
    }
    // One edit in a short name, up to a third of the letters in a longer one, never more than three:
    // beyond that a suggestion is more often wrong than helpful.
    int allowed = Math.min(3, Math.max(1, typed.length() / 3));
    return best != null && bestDistance <= allowed ? Optional.of(best) : Optional.empty();
  }

  /** {@code " (did you mean \"x\"?)"}, or an empty string when nothing is close. */
  public static String suffix(String typed, Collection<String> known) {
    return closest(typed, known).map(s -> " (did you mean \"" + s + "\"?)").orElse("");
  }

  /** Edit distance counting an insertion, deletion, substitution or swap of neighbours as one edit. */
  static int distance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }
}
