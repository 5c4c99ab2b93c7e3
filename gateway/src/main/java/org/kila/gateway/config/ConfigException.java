package org.kila.gateway.config;

import java.util.List;

/** The configuration cannot be used: every problem found, one line each, so an operator fixes them all at once. */
public final class ConfigException extends RuntimeException {
  private final List<String> problems;

  public ConfigException(List<String> problems) {
    super("invalid configuration:\n  - " + String.join("\n  - ", problems));
    this.problems = List.copyOf(problems);
  }

  /** Each problem as {@code <where it was set>: <what is wrong>}. */
  public List<String> problems() {
    return problems;
  }
}
