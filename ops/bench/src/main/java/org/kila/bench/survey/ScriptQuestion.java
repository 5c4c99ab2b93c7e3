package org.kila.bench.survey;

import java.util.List;
import java.util.Map;

/**
 * One question of a survey as a simulated respondent needs it: how to recognise its screen (its text in
 * each language), and what a valid answer is (its choices, its number range, its text length).
 *
 * @param texts question text by language code
 * @param choices the choices in order (empty for number, text and yes/no questions)
 */
public record ScriptQuestion(String id, String type, Map<String, String> texts, List<Choice> choices, long min,
    long max, int maxLength) {

  /** One choice: the value stored for it, and its label by language code. */
  public record Choice(String value, Map<String, String> labels) {}

  public boolean isChoice() {
    return type.equals("single_choice") || type.equals("multiple_choice");
  }

  /**
   * The value a choice screen stores for option {@code number} with visible label {@code label}: matched
   * by label (the renderer numbers choices from 1 in definition order, but matching the label also holds
   * if it ever renumbers a page), or by position when no label matches.
   */
  public String valueOfOption(int number, String label) {
    if (type.equals("yes_no")) {
      return number == 1 ? "yes" : "no";
    }
    for (Choice c : choices) {
      if (c.labels().containsValue(label)) {
        return c.value();
      }
    }
    return number >= 1 && number <= choices.size() ? choices.get(number - 1).value() : null;
  }
}
