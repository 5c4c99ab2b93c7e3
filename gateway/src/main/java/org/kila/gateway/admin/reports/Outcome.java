package org.kila.gateway.admin.reports;

import java.util.Optional;

/**
 * How a session turned out, as participation reports count it: the columns of every participation
 * table, whose row total is the number who started. Stopped part way ({@code dropped}) gathers the
 * sessions the network dropped, that timed out or were closed, and that gave up after invalid answers.
 */
enum Outcome {
  COMPLETED("completed"),
  SCREENED_OUT("screenedOut"),
  DECLINED("declined"),
  DROPPED("dropped"),
  ACTIVE("active");

  private final String json;

  Outcome(String json) {
    this.json = json;
  }

  String json() {
    return json;
  }

  /** The outcome of a {@code survey_session.status}. */
  static Optional<Outcome> of(String status) {
    return switch (status) {
      case "completed" -> Optional.of(COMPLETED);
      case "screened_out" -> Optional.of(SCREENED_OUT);
      case "declined" -> Optional.of(DECLINED);
      case "dropped", "interrupted", "gave_up" -> Optional.of(DROPPED);
      case "active" -> Optional.of(ACTIVE);
      default -> Optional.empty();
    };
  }
}
