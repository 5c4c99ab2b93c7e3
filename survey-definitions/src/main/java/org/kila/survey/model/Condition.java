package org.kila.survey.model;

import java.util.List;

/** Skip logic: a question is shown only when its condition holds on earlier answers. */
public sealed interface Condition {

  /** The answer to {@code question} is one of {@code values} (for multiple choice: contains any of them). */
  record AnyOf(String question, List<String> values) implements Condition {
    public AnyOf {
      values = List.copyOf(values);
    }
  }

  /** The numeric answer to {@code question} lies within [min, max]; either bound may be null. */
  record InRange(String question, Long min, Long max) implements Condition {}

  /** Every one of the conditions holds. */
  record All(List<Condition> conditions) implements Condition {
    public All {
      conditions = List.copyOf(conditions);
    }
  }

  /** At least one of the conditions holds. */
  record Any(List<Condition> conditions) implements Condition {
    public Any {
      conditions = List.copyOf(conditions);
    }
  }

  /** The condition does not hold. */
  record Not(Condition condition) implements Condition {}
}
