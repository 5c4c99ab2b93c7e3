package org.kila.gateway.store;

import java.util.List;

/**
 * A survey cannot be saved or launched as asked without breaking another survey or its own answers: a
 * code or keyword already used by another live survey, or a launched version whose definition changed.
 */
public final class SurveyConflictException extends RuntimeException {
  private final List<String> conflicts;

  public SurveyConflictException(List<String> conflicts) {
    super(String.join("; ", conflicts));
    this.conflicts = List.copyOf(conflicts);
  }

  public List<String> conflicts() {
    return conflicts;
  }
}
