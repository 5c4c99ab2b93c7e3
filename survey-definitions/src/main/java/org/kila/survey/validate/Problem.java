package org.kila.survey.validate;

/** One thing wrong with a survey definition: where ({@code questions[3].choices[0].value}) and what, in plain words. */
public record Problem(String path, String message) {
  @Override
  public String toString() {
    return path + ": " + message;
  }
}
