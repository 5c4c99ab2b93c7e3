package org.kila.survey.model;

import java.util.List;

/**
 * Marks a question whose answer describes the respondent (gender, age band, disability, location type ...)
 * and is kept in their profile under {@code profileKey}, so a later survey does not ask it again.
 * With {@code bands} (number questions only) the stored value is the band, not the number: age 17 ->
 * "15-19". {@code sensitive} stratifiers must offer a "prefer not to say" choice.
 */
public record Stratifier(String profileKey, List<Band> bands, boolean sensitive) {
  public Stratifier {
    bands = List.copyOf(bands);
  }

  public boolean derived() {
    return !bands.isEmpty();
  }
}
