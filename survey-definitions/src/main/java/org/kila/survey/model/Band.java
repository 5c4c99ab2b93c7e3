package org.kila.survey.model;

/** One band of a derived stratifier: a number from {@code min} to {@code max} inclusive maps to {@code value}. */
public record Band(long min, long max, String value) {
  public boolean contains(long n) {
    return n >= min && n <= max;
  }
}
