package org.kila.survey.model;

import java.util.Arrays;
import java.util.Optional;

/** The kinds of question a survey can ask, with their names in the JSON format. */
public enum QuestionType {
  SINGLE_CHOICE("single_choice"),
  MULTIPLE_CHOICE("multiple_choice"),
  NUMBER("number"),
  YES_NO("yes_no"),
  TEXT("text");

  private final String json;

  QuestionType(String json) {
    this.json = json;
  }

  public String json() {
    return json;
  }

  public static Optional<QuestionType> fromJson(String name) {
    return Arrays.stream(values()).filter(t -> t.json.equals(name)).findFirst();
  }
}
