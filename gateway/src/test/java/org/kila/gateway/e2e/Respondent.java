package org.kila.gateway.e2e;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.kila.gateway.testing.UssdPhone;

/**
 * A respondent who answers whatever screen they see, as a person would: a language, consent, one of the
 * options on show, an age when asked for one, a few words when asked to type. Random but seeded, so a
 * failing run can be replayed.
 */
final class Respondent {
  static final String TYPED_MESSAGE = "More jobs*less talk";
  private static final Pattern OPTION = Pattern.compile("^(\\d+)\\. ", Pattern.MULTILINE);

  private final Random random;

  Respondent(long seed) {
    this.random = new Random(seed);
  }

  /** Answers until the session ends; at most {@code maxHops} answers. */
  void finish(UssdPhone phone, int maxHops) {
    for (int i = 0; i < maxHops && !phone.ended(); i++) {
      phone.answer(answerTo(phone.screen(), i));
    }
    if (!phone.ended()) {
      throw new AssertionError("survey did not end after " + maxHops + " answers; last screen:\n" + phone.screen());
    }
  }

  String answerTo(String screen, int hop) {
    List<String> options = new ArrayList<>();
    Matcher m = OPTION.matcher(screen);
    while (m.find()) {
      options.add(m.group(1));
    }
    if (hop < 2 && !options.isEmpty()) {
      return "1"; // English, then "Yes" to consent
    }
    if (!options.isEmpty()) {
      return options.get(random.nextInt(options.size()));
    }
    return asksForAge(screen) ? Integer.toString(18 + random.nextInt(18)) : TYPED_MESSAGE;
  }

  /** The age question in the bundled surveys' languages (English, Kiswahili, Hausa). */
  private static boolean asksForAge(String screen) {
    return screen.contains("How old") || screen.contains("umri") || screen.toLowerCase().contains("shekar");
  }
}
