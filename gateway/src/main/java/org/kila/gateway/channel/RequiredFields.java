package org.kila.gateway.channel;

import java.util.Map;

/** Finds the first required form field an aggregator left out or sent blank. */
public final class RequiredFields {
  private RequiredFields() {}

  /** The first of {@code names} missing or blank in {@code fields}, or null when all are there. */
  public static String firstMissing(Map<String, String> fields, String... names) {
    for (String name : names) {
      String value = fields.get(name);
      if (value == null || value.isBlank()) {
        return name;
      }
    }
    return null;
  }
}
