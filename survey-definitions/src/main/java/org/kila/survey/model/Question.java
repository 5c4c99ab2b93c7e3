package org.kila.survey.model;

import java.util.List;

/**
 * One question. Which fields matter depends on {@link #type()}: {@code choices} for single and multiple
 * choice, {@code min}/{@code max} for number, {@code maxLength} for text. {@code showIf} and
 * {@code stratifier} are optional (null when absent).
 */
public record Question(
    String id,
    QuestionType type,
    LocalizedText text,
    List<Choice> choices,
    Long min,
    Long max,
    Integer maxLength,
    Condition showIf,
    Stratifier stratifier) {

  public Question {
    choices = choices == null ? List.of() : List.copyOf(choices);
  }

  public boolean isStratifier() {
    return stratifier != null;
  }
}
