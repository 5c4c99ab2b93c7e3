package org.kila.survey.model;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * A target number of completed responses per stratum: a combination of values of the stratifiers named by
 * {@code profileKeys}. A respondent who lands in a stratum whose target is met is screened out.
 */
public record Quota(String id, List<String> profileKeys, List<Target> targets) {
  public Quota {
    profileKeys = List.copyOf(profileKeys);
    targets = List.copyOf(targets);
  }

  /** One stratum (profile key -> value) and its target count of completed responses. */
  public record Target(Map<String, String> stratum, int count) {
    public Target {
      stratum = Map.copyOf(stratum);
    }
  }

  /**
   * The canonical text form of a stratum, used as a key wherever strata are counted:
   * keys sorted, {@code key=value} joined by {@code |}, e.g. {@code gender=female|location_type=rural}.
   */
  public static String stratumKey(Map<String, String> stratum) {
    return new TreeMap<>(stratum).entrySet().stream()
        .map(e -> e.getKey() + "=" + e.getValue())
        .collect(Collectors.joining("|"));
  }
}
