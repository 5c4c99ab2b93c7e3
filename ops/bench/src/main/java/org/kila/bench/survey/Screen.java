package org.kila.bench.survey;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One USSD reply as a respondent reads it: whether the session goes on ({@code CON}) or ends
 * ({@code END}), the text, which screen of the survey it is, and the numbered options it shows.
 *
 * @param question the question shown, or null when {@code kind} is not {@link Kind#QUESTION}
 */
public record Screen(boolean ends, String text, Kind kind, ScriptQuestion question, List<Option> options) {

  /** What the screen asks for. */
  public enum Kind { LANGUAGE, CONSENT, QUESTION, COMPLETED, OTHER }

  /** A numbered line such as "2. Male"; "98 More" and "0 Back" have no dot and are not options. */
  public record Option(int number, String label) {}

  private static final Pattern OPTION = Pattern.compile("^(\\d{1,2})\\. (.+)$");

  /** The numbered options of a screen text, in order. */
  public static List<Option> optionsOf(String text) {
    List<Option> options = new ArrayList<>();
    for (String line : text.split("\n")) {
      Matcher m = OPTION.matcher(line.strip());
      if (m.matches()) {
        options.add(new Option(Integer.parseInt(m.group(1)), m.group(2).strip()));
      }
    }
    return options;
  }
}
